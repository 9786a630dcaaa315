import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// Issue 29, item 1, as a process against the sandbox: the outage's window found for you
/// (`--since outage`), a `--since` that cuts the run says what it leaves out, and 4xx failures
/// JetEmail discarded on purpose are left out unless `--include-4xx`.
@Suite struct RecoverOutageCommandTests {
    typealias Setup = RecoverCommandTests.Setup

    /// The run of failures as the log has it: the first failure after the last success before
    /// the latest failure.
    static func run(_ log: [Delivery], uuid: String) -> (began: Int, latest: Int, lastSuccess: Int?, failed: [Delivery]) {
        let mine = log.filter { $0.uuid == uuid }
        let latest = mine.filter { $0.status == .failed }.compactMap(\.createdAt).max()!
        let success = mine.filter { $0.status == .success }.compactMap(\.createdAt).filter { $0 <= latest }.max()
        let failed = mine.filter { $0.status == .failed && $0.createdAt! >= (success ?? Int.min) && $0.createdAt! <= latest }
        return (failed.compactMap(\.createdAt).min()!, latest, success, failed)
    }

    @Test func sinceOutagePlansExactlyTheLatestRunOfFailures() async throws {
        try await RecoverCommandTests().withOutage(200) { s in
            let r = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--since", "outage", "--dry-run"] + s.key, environment: s.environment)
            #expect(r.status == 0, "\(r.stderr)")
            let plan = try #require(RecoverCommandTests.lines(r.stdout).first)
            let run = Self.run(s.backend.server.deliveries, uuid: s.billing)
            #expect(plan["outage_began"] as? Int == run.began && plan["last_success_before"] as? Int == run.lastSuccess, "\(plan)")
            let replayable = run.failed.filter { !RecoverFilter.isDiscardedOnPurpose($0) }
            #expect(plan["count"] as? Int == replayable.count && replayable.count >= 200, "\(plan)")
            #expect(plan["oldest"] as? Int == run.began && plan["cut_off"] as? Int == 0)
            let queries = s.backend.server.received.filter { $0.path == "/webhooks/query" }
            #expect(queries.filter { $0.bodyText.contains("\"limit\":1,") }.count <= 5, "a handful of one-row queries find the window")
            #expect(s.backend.server.replays.isEmpty)
        }
    }

    @Test func aSinceThatCutsTheRunSaysHowManyItLeavesOutAndHow() async throws {
        try await RecoverCommandTests().withOutage(200) { s in
            let run = Self.run(s.backend.server.deliveries, uuid: s.billing)
            let middle = run.began + (run.latest - run.began) / 2
            let r = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--since", String(middle), "--dry-run"] + s.key, environment: s.environment)
            let plan = try #require(RecoverCommandTests.lines(r.stdout).first, "\(r.stderr)")
            let before = run.failed.filter { $0.createdAt! < middle }.count
            #expect(plan["cut_off"] as? Int == before && before > 0, "\(plan) against \(before)")
            // On a terminal, said in words with the options that take them.
            let text = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--since", String(middle), "--dry-run"] + s.key,
                                                  environment: s.environment, terminal: true)
            #expect(text.stdout.contains("--since cuts a run of failures: \(before) failed before it") && text.stdout.contains("--since outage"),
                    "\(text.stdout)")
        }
    }

    @Test func fourHundredsDiscardedOnPurposeAreLeftOutUnlessAsked() async throws {
        try await RecoverCommandTests().withOutage(40) { s in
            // Seeded failures answered 404 and 410: JetEmail discarded them on purpose.
            let all = s.backend.server.deliveries.filter { $0.status == .failed }
            let uuid = try #require(Dictionary(grouping: all.filter(RecoverFilter.isDiscardedOnPurpose), by: \.uuid).max { $0.value.count < $1.value.count }?.key)
            let mine = all.filter { $0.uuid == uuid }
            let discarded = mine.filter(RecoverFilter.isDiscardedOnPurpose).count
            let plain = try await BuiltProgram.run(["recover", "--webhook", uuid, "--dry-run"] + s.key, environment: s.environment)
            let plan = try #require(RecoverCommandTests.lines(plain.stdout).first, "\(plain.stderr)")
            #expect(plan["discarded_4xx"] as? Int == discarded && plan["count"] as? Int == mine.count - discarded && discarded > 0, "\(plan)")
            let wide = try await BuiltProgram.run(["recover", "--webhook", uuid, "--include-4xx", "--dry-run"] + s.key, environment: s.environment)
            let widePlan = try #require(RecoverCommandTests.lines(wide.stdout).first)
            #expect(widePlan["count"] as? Int == mine.count && widePlan["discarded_4xx"] as? Int == 0, "\(widePlan)")
        }
    }
}
