import Foundation
import JetEmailClient
import Testing
import TestSupport

/// The rotation screen in a real terminal through tmux, against the sandbox and a loopback
/// receiver that takes the old secret only until it is told the new one: the secret shown once
/// and saved, the receiver's refusal, going on, a kill at the overlap, the stopped rotation named
/// on the next start and gone on with, and the end: one webhook, the old name, the new secret.
extension InTerminal {
    @Suite struct RotateInTerminalTests {
        func open(_ s: RotateCommandTests.Setup) async throws -> TmuxSession {
            let term = try TmuxSession(s.key, environment: s.environment, columns: 100, rows: 30)
            try await term.waitFor("1 webhook")
            try term.send("Enter")
            try await term.waitFor("Failures ·")
            try term.send(TableKeys.rotate)
            return term
        }

        @Test func aRotationByKeysWaitsForTheReceiverSurvivesAKillAndEnds() async throws {
            try await RotateCommandTests().withOrders { s in
                let old = try #require(s.server.webhooks.first?.uuid)
                var term = try await open(s)
                try await term.waitFor("Rotate the signing secret of Orders")
                try term.type(s.secretFile)
                try term.send("Enter")
                // The twin's secret, once, saved already.
                let modal = try await term.waitFor("Saved to", timeout: 20)
                #expect(modal.contains("whsec_") && modal.contains("only time JetEmail shows this secret"))
                try term.send("Escape")
                let refused = try await term.waitFor("does not accept the new secret yet", timeout: 20)
                #expect(refused.contains("[x] 2") && refused.contains("[>] 3") && refused.contains("Enter go on"), "\(refused)")
                // The receiver is told the new secret; Enter goes on, to the overlap's question.
                s.receiver.accept(file: s.secretFile)
                try term.send("Enter")
                let asking = try await term.waitFor("waiting for your yes", timeout: 20)
                #expect(asking.contains("X-Webhook-ID") && asking.contains("[>] 4") && asking.contains("rotate Orders 4/5"), "\(asking)")
                #expect(s.server.webhooks.count == 2 && s.server.webhooks.allSatisfy { $0.status == .enabled }, "both deliver")
                // A kill at the overlap: the terminal goes, as a dropped SSH session takes it.
                term.close()
                // The program goes on SIGHUP; its journal is let go when it has gone.
                let journal = try #require(s.journals.first)
                await waitUntil(seconds: 15) { (try? RotationJournal.read(journal))?.running == false }
                term = try TmuxSession(s.key, environment: s.environment, columns: 100, rows: 30)
                let list = try await term.waitFor("Rotation of Orders stopped at step 4 of 5")
                #expect(list.contains("R on its details goes on"))
                try term.send("Enter")
                try await term.waitFor("Failures ·")
                try term.send(TableKeys.rotate)
                try await term.waitFor("A rotation of Orders stopped at step 4 of 5")
                try term.send("Enter")
                try await term.waitFor("waiting for your yes", timeout: 20)
                try term.send(TableKeys.answerRotation)
                try await term.waitFor("y/N")
                try term.send("y")
                let delete = try await term.waitFor("This cannot be undone. (y answers)", timeout: 20)
                #expect(delete.contains("old disabled"))
                try term.send(TableKeys.answerRotation)
                try await term.waitFor("y/N")
                try term.send("y")
                let done = try await term.waitFor("done: Orders delivers with the new secret", timeout: 20)
                #expect(done.contains("[x] 5") && done.contains("rotated Orders"), "\(done)")
                term.close()
                RotateCommandTests().expectRotated(s, old: old)
                #expect(s.count("POST", "/webhooks") == 2, "one twin over both runs")
                #expect(s.receiver.answers == [401, 200], "refused, then taken")
            }
        }
    }
}
