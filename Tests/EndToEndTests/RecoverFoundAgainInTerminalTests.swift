import Foundation
import JetEmailSandbox
import Testing
import TestSupport

extension InTerminal {
    /// Issue 29, item 4, in a real terminal: a command-line recover killed (a lost SSH session)
    /// is named on the list when the program opens again; Ctrl-R on its webhook goes on with it;
    /// quitting with it unfinished exits 1.
    @Suite struct RecoverFoundAgainInTerminalTests {
        @Test func theListNamesAStoppedRecoverAndCtrlRGoesOn() async throws {
            let run = try await RecoverUnderway(latencyMilliseconds: 40, outage: 300, waitSeconds: 30)
            let (environment, key, billing, server) = (run.environment, run.key, run.billing, run.backend.server)
            _ = await run.cli.stop(after: 0, signal: SIGKILL)
            let sent = server.replays.count

            let term = try TmuxSession(key, environment: environment, columns: 100, rows: 24)
            defer { term.close() }
            let list = try await term.waitFor("Recover of \(billing.name) stopped at", timeout: 30)
            #expect(list.contains("Ctrl-R goes on") && sent > 0, "\(list)")
            try term.selectRow(in: list) { $0.contains(billing.name) && !$0.contains("stopped at") }
            try term.send(TableKeys.recover)
            let question = try await term.waitFor("Go on: replay the", timeout: 20)
            #expect(question.contains("left of \(billing.name)"), "\(question)")
            try term.send("y")
            try await term.waitFor("Recover · ", timeout: 20)
            try term.send(TableKeys.quit)
            try await term.waitFor("y/N")
            try term.send("y")
            let status = await term.exitStatus(timeout: 20)
            let ids = server.replays.compactMap(\.eventID)
            #expect(Set(ids).count == ids.count, "nothing twice")
            let finished = ids.count >= 300
            #expect(status == (finished ? 0 : 1), "quit with the recover unfinished exits 1: \(String(describing: status)) after \(ids.count)")
            await run.backend.stop()  // and its state folder lives until here
        }
    }
}
