import Foundation
import Testing
import TestSupport

/// Recover in a real terminal through tmux, against the demo (its Billing had an outage of 300
/// failed deliveries): the plan as the question, progress in the title bar, the run's screen with
/// cancel, going on from the journal, and the notice on quitting during a run.
extension InTerminal {
    @Suite struct RecoverInTerminalTests {
        /// The demo at 110 x 30 with its own state folder, on Billing's log.
        func openBillingLog(_ state: TemporaryDirectory) async throws -> TmuxSession {
            let term = try TmuxSession(["--demo"], environment: ["XDG_STATE_HOME": state.path], columns: 110, rows: 30)
            try await term.waitFor("8 webhooks")
            try term.send("Down")
            try term.send(TableKeys.openLog)
            try await term.waitFor("Deliveries · Billing")
            try await term.waitFor("of 3")
            return term
        }

        @Test func thePlanIsTheQuestionTheRunShowsInTheTitleCancelsAndGoesOn() async throws {
            let state = TemporaryDirectory()
            let term = try await openBillingLog(state)
            defer { term.close() }
            try term.send(TableKeys.recover)
            let question = try await term.waitFor("y/N")
            #expect(question.contains("failed deliveries of Billing") && question.contains("oldest first") && question.contains("By type"))
            try term.send("y")
            // 300 and more at 200 a minute: the first go at once (the list's figures took some of
            // the budget's 200), then the run waits for the budget.
            let running = try await term.waitFor(" s left", timeout: 30)
            #expect(running.contains("recover Billing") && running.contains("/30"), "done of total in the title bar")
            try term.send(TableKeys.recover)
            let screen = try await term.waitFor("Recover · failed deliveries of Billing")
            #expect(screen.contains("running") && screen.contains("c cancel") && screen.contains("Journal"))
            try term.send(TableKeys.cancelRecover)
            let stopped = try await term.waitFor("stopped", timeout: 10)
            #expect(stopped.contains("Resume") && stopped.contains("recover --resume"))
            try term.send("Escape")
            try await term.waitFor("· all events")
            // Ctrl-R again goes on with the journal, not a new plan.
            try term.send(TableKeys.recover)
            let goOn = try await term.waitFor("Go on: replay the")
            #expect(goOn.contains("left of Billing"))
            try term.send("y")
            try await term.waitFor("recover Billing")
            // Quitting while it runs asks, and says on stderr where the journal is.
            try term.send(TableKeys.quit)
            let ask = try await term.waitFor("Quit jetemail-webhooks? y/N")
            #expect(ask.contains("A recover of Billing is running"))
            try term.send("y")
            #expect(await term.exitStatus(timeout: 15) == 1, "a recover left unfinished is not a clean exit")
            let after = try term.screen()
            #expect(after.contains("The recover of Billing stopped after") && after.contains("recover --resume"), "\(after)")
            // The journal's path starts a line of its own, whole, to be copied.
            let journals = try FileManager.default.contentsOfDirectory(atPath: state.path + "/jetemail-webhooks").filter { $0.hasPrefix("recover-") }
            #expect(journals.count == 1, "one journal over both runs: \(journals)")
            #expect(after.contains("Journal:\n  \(state.path)"), "\(after)")
        }

        /// Issue 29, item 3: two marked webhooks and Ctrl-R make one recover of both (each from its
        /// own outage), and the recover screen shows each one's progress.
        @Test func markedWebhooksAreRecoveredInOneRun() async throws {
            let state = TemporaryDirectory()
            let term = try TmuxSession(["--demo"], environment: ["XDG_STATE_HOME": state.path], columns: 100, rows: 30)
            defer { term.close() }
            try await term.waitFor("8 webhooks")
            // The demo's second and third webhooks (Billing, Bounce handler) had an outage.
            try term.send("Down"); try term.send("m"); try term.send("Down"); try term.send("m")
            try await term.waitFor("2 marked")
            try term.send(TableKeys.recover)
            let question = try await term.waitFor("y/N", timeout: 20)
            // The box's text alone (the list behind it shows at its sides), its lines joined.
            let inside = question.split(separator: "\n").compactMap { line -> String? in
                guard let open = line.firstIndex(of: "│"), let close = line.lastIndex(of: "│"), open < close else { return nil }
                return String(line[line.index(after: open)..<close])
            }
            let joined = inside.joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(joined.contains("of Billing and Bounce handler") && joined.contains("Billing 300") && joined.contains("Bounce handler 300"), "\(question)")
            try term.send("y")
            let running = try await term.waitFor("recover 2 webhooks", timeout: 20)
            #expect(running.contains("Billing ") && running.contains("Bounce handler") && running.contains(" of 300"), "each webhook's progress: \(running)")
            try term.send(TableKeys.cancelRecover)
            try await term.waitFor("stopped", timeout: 15)
            let journals = try FileManager.default.contentsOfDirectory(atPath: state.path + "/jetemail-webhooks").filter { $0.hasPrefix("recover-") }
            #expect(journals.count == 1, "one journal for both: \(journals)")
        }

        @Test func sSetsASinceFilterShownInTheHeaderAndBadInputIsKept() async throws {
            let state = TemporaryDirectory()
            let term = try await openBillingLog(state)
            defer { term.close() }
            try term.send("s")
            try term.type("soon-ish")
            try term.send("Enter")
            let bad = try await term.waitFor("soon-ish")
            #expect(bad.lowercased().contains("not a time"), "\(bad)")
            try term.send("C-u")
            try term.type("90m")
            try term.send("Enter")
            let filtered = try await term.waitFor("since 90m")
            #expect(!filtered.contains("not a time"))
        }
    }
}
