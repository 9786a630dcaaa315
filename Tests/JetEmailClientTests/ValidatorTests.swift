import Testing
@testable import JetEmailClient

@Suite struct ValidatorTests {
    let good = WebhookDraft(name: "My Webhook", url: "https://example.com/webhook", events: ["outbound.delivered"])

    @Test func schemaExamplesValidate() {
        let basic = WebhookValidator.validate(WebhookDraft(name: "My Webhook", url: "https://example.com/webhook",
                                                           events: ["outbound.delivered", "outbound.bounced"]))
        #expect(basic.report.problems.isEmpty)
        #expect(basic.request == CreateWebhookRequest(name: "My Webhook", url: "https://example.com/webhook",
                                                      events: [.outboundDelivered, .outboundBounced]))
        let filtered = WebhookValidator.validate(WebhookDraft(name: "Production Webhook", url: "https://example.com/webhook",
            events: ["outbound.delivered", "outbound.bounced", "inbound.received"], status: 1, filterDomains: ["example.com", "test.com"]))
        #expect(filtered.report.problems.isEmpty)
        #expect(filtered.request?.filterDomains == ["example.com", "test.com"])
    }

    @Test func duplicateEventsAreRemovedAndSchemaOrdered() {
        var d = good
        d.events = ["inbound.received", "outbound.delivered", "inbound.received", "outbound.delivered"]
        #expect(WebhookValidator.validate(d).request?.events == [.outboundDelivered, .inboundReceived])
    }

    @Test func everyProblemIsReportedPerField() {
        let d = WebhookDraft(name: "", url: "ftp://x", events: ["nope"], status: 7, filterUsers: ["a b"], filterDomains: ["-bad-.com"])
        let outcome = WebhookValidator.validate(d)
        #expect(outcome.request == nil)
        #expect(outcome.report.errors.map(\.field) == [.name, .url, .events, .status, .filterUsers, .filterDomains])
        #expect(outcome.report.firstInvalidField == .name)
    }

    @Test func eventsRequireOneAndOnlyAllowedOnes() {
        #expect(EventsRule.check([]).problems.map(\.message) == ["Choose at least one event."])
        #expect(EventsRule.check(["outbound.queued"]).problems.first?.message.contains("cannot be subscribed") == true)
        #expect(EventsRule.check(["outbound.delivred"]).problems.first?.message.contains("Did you mean outbound.delivered?") == true)
        #expect(EventsRule.check(["Outbound.Delivered"]).problems.first?.message.contains("Did you mean outbound.delivered?") == true)
        #expect(EventType.allCases.count == 14)
        #expect(EventType.outbound.count == 10 && EventType.inbound.count == 4)
    }

    @Test func emptyFiltersBecomeNull() {
        let outcome = WebhookValidator.validate(good)
        #expect(outcome.request?.filterUsers == nil)
        #expect(outcome.request?.filterDomains == nil)
        #expect(CreateWebhookRequest(name: "a", url: "https://e.com", events: [.inboundSpam], filterUsers: [], filterDomains: []).filterUsers == nil)
        let body = String(decoding: JetEmailClient.encode(outcome.request!), as: UTF8.self)
        #expect(!body.contains("filter_"))
        #expect(!body.contains("[]"))
    }

    @Test("filter users", arguments: [(["alice"], true), (["a b"], false), (["a,b"], false), ([""], false), (["a\u{00A0}b"], false)])
    func filterUsers(_ items: [String], _ ok: Bool) {
        #expect(FilterUsersRule.check(items).problems.isEmpty == ok)
    }

    @Test("filter domains", arguments: [
        ("example.com", true), ("sub.example.co.uk", true), ("xn--bcher-kva.example", true), ("a-b.io", true),
        ("localhost", false), ("example.com.", false), ("-a.com", false), ("a-.com", false), ("exa_mple.com", false),
        ("bücher.de", false), ("a..com", false), ("1.2.3.4", false), ("", false), ("exa mple.com", false),
        (String(repeating: "a", count: 64) + ".com", false),
    ])
    func filterDomains(_ domain: String, _ ok: Bool) {
        #expect(FilterDomainsRule.check([domain]).problems.isEmpty == ok, "\(domain)")
    }

    @Test func filtersDeduplicate() {
        #expect(FilterUsersRule.check(["a", "b", "a"]).users == ["a", "b"])
    }

    @Test func filterWithoutMatchingEventsIsAWarning() {
        var d = good
        d.filterDomains = ["example.com"]
        let outcome = WebhookValidator.validate(d)
        #expect(outcome.request != nil)
        #expect(outcome.report.warnings.map(\.field) == [.filterDomains])
        d = WebhookDraft(name: "x", url: "https://e.com", events: ["inbound.received"], filterUsers: ["u"])
        #expect(WebhookValidator.validate(d).report.warnings.map(\.field) == [.filterUsers])
    }

    @Test func filterInputSplitsOnCommasAndSpaces() {
        #expect(FilterList.split("alice, bob  carol,,dave") == ["alice", "bob", "carol", "dave"])
        #expect(FilterList.split(" , ") == [])
        #expect(FilterList.split("a\u{00A0}b") == ["a", "b"])
    }

    @Test func filterListJoinsForTheTextFieldAndSplitsBack() {
        #expect(FilterList.join([]) == "")
        #expect(FilterList.join(["alice"]) == "alice")
        #expect(FilterList.join(["alice", "bob", "carol"]) == "alice, bob, carol")
        #expect(FilterList.split(FilterList.join(["a.example", "b.example"])) == ["a.example", "b.example"])
    }

    @Test func statusMustBeZeroOrOne() {
        var d = good
        d.status = 0
        #expect(WebhookValidator.validate(d).request?.status == .disabled)
        d.status = 2
        #expect(WebhookValidator.validate(d).report.errors.map(\.field) == [.status])
    }
}
