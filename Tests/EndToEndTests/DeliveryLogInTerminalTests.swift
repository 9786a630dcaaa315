import Foundation
import Testing

/// The delivery log in a real terminal through tmux, against the demo sandbox (real HTTP on
/// loopback, 60 deliveries per webhook), one feature a test.
@Suite struct DeliveryLogInTerminalTests {
    /// The demo at 110 x 30, on the first webhook's log.
    func openLog() throws -> TmuxSession {
        let term = try TmuxSession(["--demo"], columns: 110, rows: 30)
        try term.waitFor("8 webhooks")
        try term.send(TableKeys.openLog)
        try term.waitFor("of 60 · all events")
        return term
    }

    @Test func lOpensTheSelectedWebhooksLog() throws {
        let term = try openLog()
        defer { term.close() }
        let screen = try term.screen()
        #expect(screen.contains("Deliveries · Analytics") && screen.contains("evt_"))
        try term.send("Escape")
        try term.waitFor("8 webhooks")
        try term.send("q")
        #expect(term.exitStatus() == 0)
    }

    @Test func fShowsOnlyFailedDeliveries() throws {
        let term = try openLog()
        defer { term.close() }
        try term.send(TableKeys.cycleStatus)
        let screen = try term.waitFor(" · failed")
        let rows = screen.split(separator: "\n").filter { $0.contains("evt_") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("failed") }, "only failed deliveries")
    }

    @Test func enterShowsAnEventsPayload() throws {
        let term = try openLog()
        defer { term.close() }
        try term.send("Enter")
        let screen = try term.waitFor("Payload")
        #expect(screen.contains("Last response") && screen.contains("\"data\": {"))
        try term.send("Escape")
        try term.waitFor("of 60 · all events")
    }

    @Test func rReplaysAfterAskingAndSaysWhatWasAsked() throws {
        let term = try openLog()
        defer { term.close() }
        try term.send(TableKeys.replay)
        try term.waitFor("Replay it to Analytics? y/N")
        try term.send("y")
        try term.waitFor("to Analytics: enqueued")
    }
}
