import Foundation
import JetEmailSandbox
import Testing
@testable import JetEmailClient
import JetEmailHTTP

/// Editing: only the changed fields are sent, checked by the create rules; the answer is re-fetched.
@Suite struct WebhookPatchTests {
    let original = Webhook(uuid: "u-1", name: "Orders", url: "https://hooks.example.com/orders",
                           events: [EventName(.outboundDelivered), EventName("outbound.queued")], status: .enabled,
                           filterUsers: ["transactional-main"], filterDomains: nil)

    func draft(_ change: (inout WebhookDraft) -> Void = { _ in }) -> WebhookDraft {
        var d = WebhookDraft(name: original.name, url: original.url, events: ["outbound.delivered"], status: 1,
                             filterUsers: ["transactional-main"], filterDomains: [])
        change(&d)
        return d
    }

    func body(_ patch: WebhookPatch?) -> String { String(decoding: patch?.encoded() ?? [], as: UTF8.self) }

    @Test func nothingChangedIsAnEmptyPatch() {
        let result = WebhookPatch.between(original, and: draft())
        #expect(result.patch?.isEmpty == true, "the unknown event the form cannot show is not a change")
    }

    @Test func onlyChangedFieldsAreSentUuidFirst() {
        let result = WebhookPatch.between(original, and: draft { $0.name = "Orders EU"; $0.status = 0 })
        #expect(body(result.patch) == #"{"uuid":"u-1","name":"Orders EU","status":0}"#)
    }

    @Test func clearingAFilterSendsNullAndChangedEventsDropOutboundQueuedSayingSo() {
        // Issue 17 item 9: the API refuses outbound.queued in an update, so a webhook holding it
        // could never have its events changed while the edit kept it.
        let result = WebhookPatch.between(original, and: draft { $0.filterUsers = []; $0.events = ["outbound.bounced"] })
        #expect(body(result.patch) == #"{"uuid":"u-1","events":["outbound.bounced"],"filter_users":null}"#)
        #expect(result.report.warnings.contains { $0.field == .events && $0.message.hasPrefix("outbound.queued will be dropped") })
    }

    @Test func aStatusTheAPIGaveAsUnreadableIsNeverSentUnlessChanged() {
        // Issue 17 item 7: a rename silently enabled a webhook whose status was "paused" or missing.
        var paused = original
        paused.status = nil
        paused.unreadable = ["status"]
        var rename = WebhookDraft(paused)
        rename.name = "Renamed"
        #expect(body(WebhookPatch.between(paused, and: rename).patch) == #"{"uuid":"u-1","name":"Renamed"}"#)
        rename.status = 0
        #expect(body(WebhookPatch.between(paused, and: rename).patch) == #"{"uuid":"u-1","name":"Renamed","status":0}"#)
    }

    @Test func onlyWhatIsSentIsChecked() {
        // Issue 17 item 10: `--status 0` refused because the existing name (ESC, wide characters)
        // fails the create rules.
        var odd = original
        odd.name = "Orders \u{1b}[31m 注文"
        odd.url = "ftp://legacy.example.com"
        var disable = WebhookDraft(odd)
        disable.status = 0
        let result = WebhookPatch.between(odd, and: disable)
        #expect(body(result.patch) == #"{"uuid":"u-1","status":0}"#)
        #expect(result.report.problems.isEmpty, "the unchanged name and URL are not checked: \(result.report.problems)")
        disable.name = "still \u{1b} bad"
        #expect(WebhookPatch.between(odd, and: disable).patch == nil, "a changed name is checked")
    }

    @Test func anInvalidEditIsRefusedByTheCreateRules() {
        let result = WebhookPatch.between(original, and: draft { $0.url = "ftp://x"; $0.name = "bad!" })
        #expect(result.patch == nil)
        #expect(Set(result.report.errors.map(\.field)) == [.name, .url])
    }

    @Test func updateAgainstTheSandboxChangesOnlyWhatWasSentAndReturnsTheWebhookAsStored() async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(seed: 3))
        let port = try await server.start()
        let client = JetEmailClient(baseURL: try BaseURL("http://127.0.0.1:\(port)"), key: APIKey(server.apiKey)!,
                                    transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 10)))
        defer { Task { await server.stop() } }
        // Seed webhook 1 has outbound.queued, which a create could not have: a rename keeps it.
        let queued = try #require(server.webhooks.first { $0.events.contains(EventName("outbound.queued")) })
        let renamed = try await client.updateWebhook(WebhookPatch(uuid: queued.uuid, name: "Renamed"))
        #expect(renamed.name == "Renamed" && renamed.events == queued.events && renamed.url == queued.url)
        #expect(server.received.suffix(2).map(\.method) == ["PATCH", "GET"], "re-fetched after the PATCH")
        let paused = try await client.updateWebhook(WebhookPatch(uuid: queued.uuid, status: .disabled, filterDomains: .clear))
        #expect(paused.status == .disabled && paused.filterDomains == nil)
        var gone: JetEmailError?
        do { _ = try await client.updateWebhook(WebhookPatch(uuid: "no-such-uuid", name: "X")) } catch { gone = error }
        guard case .notFound? = gone else { Issue.record("expected notFound, got \(String(describing: gone))"); return }
        #expect(gone?.message.contains("no longer exists") == true)
        let list = try await client.listWebhooks()
        #expect(list.count == 3 && list.allSatisfy { $0.secret == nil })
    }

    @Test func theSeedIsVariedAndRealistic() {
        let seeded = SandboxSeed.webhooks(40, now: 1_800_000_000)
        #expect(Set(seeded.map(\.name)).count == 40, "names are unique")
        #expect(seeded.contains { $0.status == .disabled } && seeded.contains { $0.status == .enabled })
        #expect(seeded.contains { $0.filterUsers != nil } && seeded.contains { $0.filterDomains != nil })
        #expect(seeded.filter { $0.events.contains(EventName("outbound.queued")) }.count == 1)
        #expect(seeded.allSatisfy { URLRule.check($0.url).allSatisfy { $0.severity != .error } }, "URLs pass the create rules")
    }
}
