import Foundation
import Testing

/// The list as the home screen, in a real terminal through tmux, against the demo sandbox (real
/// HTTP on loopback, seeded with eight webhooks). Keys come from the binding tables.
@Suite struct ListInTerminalTests {
    @Test func filterToggleEditDeleteAndQuit() throws {
        let term = try TmuxSession(["--demo"], columns: 100, rows: 30)
        defer { term.close() }
        try term.waitFor("8 webhooks")
        // A filter takes every key: the d of "Fraud" deletes nothing.
        try term.send("/")
        try term.type("fraud")
        var screen = try term.waitFor("1 of 8 webhooks")
        #expect(screen.contains("Fraud check") && !screen.contains("Delete?"))
        try term.send("Enter")
        // Disabling asks first; the row shows the server's answer.
        try term.send(TableKeys.toggleWebhook)
        try term.waitFor("Disable Fraud check?")
        try term.send("y")
        screen = try term.waitFor("Fraud check is disabled.")
        #expect(screen.contains("○  Fraud check"))
        // Enabling does not ask.
        try term.send(TableKeys.toggleWebhook)
        try term.waitFor("Fraud check is enabled.")
        // Edit: the form prefilled, only the name changes; the row shows the server's answer.
        try term.send("e")
        try term.waitFor("Edit webhook")
        try term.type(" EU")
        try term.send(TableKeys.submit)
        screen = try term.waitFor("Saved Fraud check EU.")
        #expect(screen.contains("●  Fraud check EU"))
        // Esc clears the filter; delete asks, and only y deletes.
        try term.send("Escape")
        try term.waitFor("8 webhooks")
        try term.send(TableKeys.deleteWebhook)
        try term.waitFor("Delete it? y/N")
        try term.send("Enter")
        screen = try term.waitFor("8 webhooks")
        #expect(!screen.contains("Delete it? y/N"), "Enter cancelled")
        try term.send(TableKeys.deleteWebhook)
        try term.waitFor("Delete it? y/N")
        try term.send("y")
        try term.waitFor("7 webhooks")
        // Details and back.
        try term.send("Enter")
        try term.waitFor("shown once")
        try term.send("Escape")
        try term.waitFor("7 webhooks")
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
