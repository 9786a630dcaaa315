import Testing
@testable import WebhookTUI

/// The app's state is a comparable value: its equality compares every stored field, so that a
/// field added later (as `connectionWords` once was) cannot be left out unnoticed.
@Suite struct AppStateEqualityTests {
    static func fields(of value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }

    @Test func everyStoredFieldOfTheStateIsCompared() {
        let state = AppState(endpoint: "api.jetemail.com", maskedKey: nil, isDemo: false)
        #expect(Self.fields(of: state) == Set(AppState.comparedFields.map(\.name)),
                "fields not compared: \(Self.fields(of: state).subtracting(AppState.comparedFields.map(\.name)))")
    }

    @Test func aFieldOnceLeftOutNowMakesTwoStatesDiffer() {
        let a = AppState(endpoint: "api.jetemail.com", maskedKey: nil, isDemo: false)
        var b = a
        b.connectionWords = ["--api-key-file", "k"]
        #expect(a != b)
        b.connectionWords = []
        #expect(a == b)
    }

    @Test func aScreenEntryComparesEveryField() {
        let state = AppState(endpoint: "api.jetemail.com", maskedKey: nil, isDemo: false)
        #expect(Self.fields(of: state.topScreen) == ["id", "screen", "status", "statusRequest", "fittedRows", "statusSetAt"])
    }
}
