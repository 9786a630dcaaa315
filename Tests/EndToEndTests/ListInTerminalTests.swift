import Foundation
import Testing

/// The list as the home screen, in a real terminal through tmux, against the demo sandbox (real
/// HTTP on loopback, seeded with eight webhooks). Keys come from the binding tables.
@Suite struct ListInTerminalTests {
    /// The demo at 100 x 30, its list loaded.
    func demo() throws -> TmuxSession {
        let term = try TmuxSession(["--demo"], columns: 100, rows: 30)
        try term.waitFor("8 webhooks")
        return term
    }

    @Test func aFilterTakesEveryKey() throws {
        let term = try demo()
        defer { term.close() }
        // The d of "Fraud" deletes nothing.
        try term.send("/")
        try term.type("fraud")
        let screen = try term.waitFor("1 of 8 webhooks")
        #expect(screen.contains("Fraud check") && !screen.contains("Delete?"))
        try term.send("Escape")
        try term.waitFor("8 webhooks")
    }

    @Test func spaceDisablesAfterAskingAndEnablesAtOnce() throws {
        let term = try demo()
        defer { term.close() }
        try term.send("/")
        try term.type("fraud")
        try term.send("Enter", TableKeys.toggleWebhook)
        try term.waitFor("Disable Fraud check?")
        try term.send("y")
        let screen = try term.waitFor("Fraud check is disabled.")
        #expect(screen.contains("○  Fraud check"), "the row shows the server's answer")
        try term.send(TableKeys.toggleWebhook)
        try term.waitFor("Fraud check is enabled.")
    }

    @Test func anEditSendsTheNewNameAndTheRowShowsIt() throws {
        let term = try demo()
        defer { term.close() }
        try term.send("/")
        try term.type("fraud")
        try term.send("Enter", "e")
        try term.waitFor("Edit webhook")
        try term.type(" EU")
        try term.send(TableKeys.submit)
        let screen = try term.waitFor("Saved Fraud check EU.")
        #expect(screen.contains("●  Fraud check EU"))
    }

    @Test func deleteAsksAndOnlyYDeletes() throws {
        let term = try demo()
        defer { term.close() }
        try term.send(TableKeys.deleteWebhook)
        try term.waitFor("Delete it? y/N")
        try term.send("Enter")
        let screen = try term.waitFor("8 webhooks")
        #expect(!screen.contains("Delete it? y/N"), "Enter cancelled")
        try term.send(TableKeys.deleteWebhook)
        try term.waitFor("Delete it? y/N")
        try term.send("y")
        try term.waitFor("7 webhooks")
    }

    @Test func detailsAndBackThenQQuits() throws {
        let term = try demo()
        defer { term.close() }
        try term.send("Enter")
        try term.waitFor("shown once")
        try term.send("Escape")
        try term.waitFor("8 webhooks")
        try term.send("q")
        #expect(term.exitStatus() == 0)
    }

    @Test func newFromTheListReturnsWithTheWebhookSelected() throws {
        let term = try TmuxSession(["--demo"], columns: 100, rows: 30)
        defer { term.close() }
        try term.waitFor("8 webhooks")
        try term.send("n")
        try term.waitFor("of 14 selected")
        try term.type("Zulu relay")
        try term.send(TableKeys.next)
        try term.type("https://zulu.example.com/hook")
        try term.send(TableKeys.next, TableKeys.toggleEvent, TableKeys.submit)
        try term.waitFor("Webhook created")
        try term.send("Enter", "y")
        let screen = try term.waitFor("9 webhooks")
        #expect(screen.contains("Zulu relay"))
    }
}
