import Foundation
import Testing

/// The delivery log in a real terminal through tmux, against the demo sandbox (real HTTP on
/// loopback, 60 deliveries per webhook), one feature a test.
@Suite struct DeliveryLogInTerminalTests {
    /// The demo at 110 x 30, on the first webhook's log.
    func openLog() async throws -> TmuxSession {
        let term = try TmuxSession(["--demo"], columns: 110, rows: 30)
        try await term.waitFor("8 webhooks")
        try term.send(TableKeys.openLog)
        try await term.waitFor("of 60 · all events")
        return term
    }

    @Test func lOpensTheSelectedWebhooksLog() async throws {
        let term = try await openLog()
        defer { term.close() }
        let screen = try term.screen()
        #expect(screen.contains("Deliveries · Analytics") && screen.contains("evt_"))
        try term.send("Escape")
        try await term.waitFor("8 webhooks")
        try term.send("q")
        #expect(await term.exitStatus() == 0)
    }

    @Test func fShowsOnlyFailedDeliveries() async throws {
        let term = try await openLog()
        defer { term.close() }
        try term.send(TableKeys.cycleStatus)
        let screen = try await term.waitFor(" · failed")
        let rows = screen.split(separator: "\n").filter { $0.contains("evt_") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("failed") }, "only failed deliveries")
    }

    @Test func enterShowsAnEventsPayload() async throws {
        let term = try await openLog()
        defer { term.close() }
        try term.send("Enter")
        let screen = try await term.waitFor("Payload")
        #expect(screen.contains("Last response") && screen.contains("\"data\": {"))
        try term.send("Escape")
        try await term.waitFor("of 60 · all events")
    }

    @Test func rReplaysAfterAskingAndSaysWhatWasAsked() async throws {
        let term = try await openLog()
        defer { term.close() }
        try term.send(TableKeys.replay)
        try await term.waitFor("Replay it to Analytics? y/N")
        try term.send("y")
        try await term.waitFor("to Analytics: enqueued")
    }
}
