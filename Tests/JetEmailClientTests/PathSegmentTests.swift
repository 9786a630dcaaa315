import Testing
@testable import JetEmailClient

/// A webhook id goes into the path percent-encoded, so no id can reach another endpoint.
struct PathSegmentTests {
    @Test(arguments: [
        ("3f0c1a2b-uuid_OK.~", "3f0c1a2b-uuid_OK.~"),
        ("../deliveries", "..%2Fdeliveries"),
        ("a b?c#d", "a%20b%3Fc%23d"),
        ("é", "%C3%A9"),
        ("%", "%25"),
    ])
    func onlyUnreservedCharactersStayAsTheyAre(raw: String, encoded: String) {
        #expect(JetEmailClient.pathSegment(raw) == encoded)
    }
}
