import Foundation
import Testing

/// The list as the home screen, in a real terminal through tmux, against the demo sandbox (real
/// HTTP on loopback, seeded with eight webhooks). Keys come from the binding tables.
@Suite struct ListInTerminalTests {
    /// The demo at 100 x 30, its list loaded.
    func demo() async throws -> TmuxSession {
        let term = try TmuxSession(["--demo"], columns: 100, rows: 30)
        try await term.waitFor("8 webhooks")
        return term
    }

    @Test func aFilterTakesEveryKey() async throws {
        let term = try await demo()
        defer { term.close() }
        // The d of "Fraud" deletes nothing.
        try term.send("/")
        try term.type("fraud")
        let screen = try await term.waitFor("1 of 8 webhooks")
        #expect(screen.contains("Fraud check") && !screen.contains("Delete?"))
        try term.send("Escape")
        try await term.waitFor("8 webhooks")
    }

    @Test func spaceDisablesAfterAskingAndEnablesAtOnce() async throws {
        let term = try await demo()
        defer { term.close() }
        try term.send("/")
        try term.type("fraud")
        try term.send("Enter", TableKeys.toggleWebhook)
        try await term.waitFor("Disable Fraud check?")
        try term.send("y")
        let screen = try await term.waitFor("Fraud check is disabled.")
        #expect(screen.contains("○  Fraud check"), "the row shows the server's answer")
        try term.send(TableKeys.toggleWebhook)
        try await term.waitFor("Fraud check is enabled.")
    }

    @Test func anEditSendsTheNewNameAndTheRowShowsIt() async throws {
        let term = try await demo()
        defer { term.close() }
        try term.send("/")
        try term.type("fraud")
        try term.send("Enter", "e")
        try await term.waitFor("Edit webhook")
        try term.type(" EU")
        try term.send(TableKeys.submit)
        let screen = try await term.waitFor("Saved Fraud check EU.")
        #expect(screen.contains("●  Fraud check EU"))
    }

    @Test func deleteAsksAndOnlyYDeletes() async throws {
        let term = try await demo()
        defer { term.close() }
        try term.send(TableKeys.deleteWebhook)
        try await term.waitFor("Delete it? y/N")
        try term.send("Enter")
        let screen = try await term.waitFor("8 webhooks")
        #expect(!screen.contains("Delete it? y/N"), "Enter cancelled")
        try term.send(TableKeys.deleteWebhook)
        try await term.waitFor("Delete it? y/N")
        try term.send("y")
        try await term.waitFor("7 webhooks")
    }

    @Test func detailsAndBackThenQQuits() async throws {
        let term = try await demo()
        defer { term.close() }
        try term.send("Enter")
        // The chart comes first; the note on the secret is at the end.
        try await term.waitFor("Failures ·")
        try term.send("End")
        try await term.waitFor("shown once")
        try term.send("Escape")
        try await term.waitFor("8 webhooks")
        try term.send("q")
        #expect(await term.exitStatus() == 0)
    }

    @Test func newFromTheListReturnsWithTheWebhookSelected() async throws {
        let term = try TmuxSession(["--demo"], columns: 100, rows: 30)
        defer { term.close() }
        try await term.waitFor("8 webhooks")
        try term.send("n")
        try await term.waitFor("of 14 selected")
        try term.type("Zulu relay")
        try term.send(TableKeys.next)
        try term.type("https://zulu.example.com/hook")
        try term.send(TableKeys.next, TableKeys.toggleEvent, TableKeys.submit)
        try await term.waitFor("Webhook created")
        try term.send("Enter", "y")
        let screen = try await term.waitFor("9 webhooks")
        #expect(screen.contains("Zulu relay"))
    }
}
