import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// Issue 29, item 3, as processes: several webhooks in one recover (`--webhook A --webhook B`,
/// `--failing`): one plan with each one's count, one journal, each event replayed once to its
/// own webhook, oldest first within each.
@Suite struct RecoverSeveralCommandTests {
    func withThreeDown(_ body: (SandboxBackend, [String], [String: String]) async throws -> Void) async throws {
        let backend = try await SandboxBackend(seed: 4, seedDeliveries: 40, outage: 30, outageWebhooks: 3)
        let state = TemporaryDirectory()
        let environment = backend.environment.merging(["XDG_STATE_HOME": state.path]) { $1 }
        do { try await body(backend, Array(backend.arguments.dropFirst()), environment) } catch { await backend.stop(); throw error }
        await backend.stop()
    }

    @Test func severalWebhooksMakeOnePlanOneJournalAndEachEventGoesOnceToItsOwn() async throws {
        try await withThreeDown { backend, key, environment in
            let down = Array(backend.server.webhooks[1...3].map(\.uuid))
            // Before the run: replayed, they turn pending.
            let before = backend.server.deliveries
            let expectedOf = Dictionary(uniqueKeysWithValues: down.map { ($0, OutageRun.failed(before, uuid: $0)) })
            let r = try await BuiltProgram.run(["recover"] + down.flatMap { ["--webhook", $0] } + ["--since", "outage", "--yes"] + key, environment: environment)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = RecoverCommandTests.lines(r.stdout)
            let plan = try #require(lines.first)
            let parts = try #require(plan["webhooks"] as? [[String: Any]])
            #expect(parts.map { $0["webhook"] as? String } == down && parts.allSatisfy { ($0["count"] as? Int ?? 0) >= 30 }, "\(parts)")
            let replays = backend.server.replays
            for uuid in down {
                let expected = expectedOf[uuid] ?? []
                let sent = replays.filter { $0.uuid == uuid }.compactMap(\.eventID)
                #expect(Set(sent) == expected && sent.count == expected.count, "each failed event of the outage of \(uuid), once, to it")
                // Oldest first within each webhook.
                let times = sent.compactMap { id in before.first { $0.id == id }?.createdAt }
                #expect(times == times.sorted())
            }
            #expect(replays.allSatisfy { down.contains($0.uuid ?? "") }, "to its own webhook, never to all")
            let summary = try #require(lines.last)
            #expect(summary["finished"] as? Bool == true && summary["enqueued"] as? Int == replays.count)
            let journals = try FileManager.default.contentsOfDirectory(atPath: environment["XDG_STATE_HOME"]! + "/jetemail-webhooks").filter { $0.hasPrefix("recover-") }
            #expect(journals.count == 1, "one journal: \(journals)")
        }
    }

    @Test func failingFindsTheWebhooksWithFailures() async throws {
        try await withThreeDown { backend, key, environment in
            let r = try await BuiltProgram.run(["recover", "--failing", "--since", "outage", "--dry-run"] + key, environment: environment)
            #expect(r.status == 0, "\(r.stderr)")
            let plan = try #require(RecoverCommandTests.lines(r.stdout).first)
            let chosen = Set(((plan["webhooks"] as? [[String: Any]]) ?? []).compactMap { $0["webhook"] as? String })
            let week = Int(Date().timeIntervalSince1970) - 7 * 86_400
            let failing = Set(backend.server.deliveries.filter { $0.status == .failed && ($0.createdAt ?? 0) >= week }.map(\.uuid))
            #expect(chosen == failing && chosen.count >= 3, "\(chosen) against \(failing)")
            #expect(backend.server.replays.isEmpty)
            let both = try await BuiltProgram.run(["recover", "--failing", "--webhook", "x", "--dry-run"] + key, environment: environment)
            #expect(both.status == 2)
        }
    }
}

/// The latest run of failures of a webhook, as the sandbox's log has it (the ids a recover of
/// `--since outage` replays, 4xx left out).
enum OutageRun {
    static func failed(_ log: [Delivery], uuid: String) -> Set<String> {
        let run = RecoverOutageCommandTests.run(log, uuid: uuid)
        return Set(run.failed.filter { !RecoverFilter.isDiscardedOnPurpose($0) }.map(\.id))
    }
}
