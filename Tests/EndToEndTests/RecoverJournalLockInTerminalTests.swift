import Foundation
import JetEmailSandbox
import Testing
import TestSupport

extension InTerminal {
    /// Issue 27, D2, in a real terminal: Ctrl-R in the TUI beside the same recover running on
    /// the command line offers to go on with its journal, and is refused while the command owns
    /// it (its pid named); nothing is sent twice.
    @Suite struct RecoverJournalLockInTerminalTests {
        @Test func ctrlRBesideARunningCommandLineRecoverIsRefusedAndNothingGoesTwice() async throws {
            let run = try await RecoverUnderway(latencyMilliseconds: 60, outage: 120, options: ["--since", "outage"], waitSeconds: 20)
            let (backend, environment, key, billing, cli) = (run.backend, run.environment, run.key, run.billing, run.cli)

            let term = try TmuxSession(key, environment: environment, columns: 120, rows: 30)
            defer { term.close() }
            try await term.waitFor("3 webhooks", timeout: 30)
            try term.selectRow(in: try term.screen()) { $0.contains(billing.name) }
            try term.send(TableKeys.openLog)
            try await term.waitFor("Deliveries · \(billing.name)")
            try term.send(TableKeys.recover)
            let question = try await term.waitFor("y/N")
            #expect(question.contains("Go on"), "the command's journal is offered: \(question)")
            try term.send("y")
            let refused = try await term.waitFor("Another run (pid", timeout: 15).replacingOccurrences(of: "\n ", with: " ")
            #expect(refused.contains("pid \(cli.process.processIdentifier)") && refused.contains("is going on with this journal")
                    && refused.contains("Nothing was sent"), "\(refused)")

            let ended = await cli.stop(after: 120, signal: SIGINT)
            let ids = backend.server.replays.compactMap(\.eventID)
            await run.backend.stop()  // and its state folder lives until here
            #expect(ended.status == 0, "\(ended.stderr)")
            #expect(ids.count == 120 && Set(ids).count == 120, "each once: \(ids.count) sent, \(Set(ids).count) distinct")
        }
    }
}
