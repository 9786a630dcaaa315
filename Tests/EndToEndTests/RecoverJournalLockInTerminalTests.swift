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
            let backend = try await SandboxBackend(faults: SandboxFaults(latencyMilliseconds: 60), seed: 3, seedDeliveries: 30, outage: 120)
            let state = TemporaryDirectory()
            let environment = backend.environment.merging(["XDG_STATE_HOME": state.path]) { $1 }
            let key = Array(backend.arguments.dropFirst())
            let billing = backend.server.webhooks[1]
            let cli = try KilledRun(["recover", "--webhook", billing.uuid, "--since", "outage", "--yes"] + key, environment: environment)
            let server = backend.server
            await waitUntil(seconds: 20) { server.replays.count >= 3 }

            let term = try TmuxSession(key, environment: environment, columns: 120, rows: 30)
            defer { term.close() }
            try await term.waitFor("3 webhooks", timeout: 30)
            let list = try term.screen()
            let lines = list.split(separator: "\n").map(String.init)
            let first = try #require(lines.firstIndex { $0.contains("Name") }, "\(list)")
            let row = try #require(lines.firstIndex { $0.contains(billing.name) }, "\(list)")
            for _ in 0..<(row - first - 1) { try term.send("Down") }
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
            await backend.stop()
            #expect(ended.status == 0, "\(ended.stderr)")
            #expect(ids.count == 120 && Set(ids).count == 120, "each once: \(ids.count) sent, \(Set(ids).count) distinct")
        }
    }
}
