import Foundation
import Testing

/// The delivery log in a real terminal through tmux, against the demo sandbox (real HTTP on
/// loopback, 60 deliveries per webhook): open the log, filter failed, open a payload, replay.
@Suite struct DeliveryLogInTerminalTests {
    @Test func openFilterFailedReadAPayloadAndReplay() throws {
        let term = try TmuxSession(["--demo"], columns: 110, rows: 30)
        defer { term.close() }
        try term.waitFor("8 webhooks")
        try term.send(TableKeys.openLog)
        var screen = try term.waitFor("of 60 · all events")
        #expect(screen.contains("Deliveries · Analytics") && screen.contains("evt_"))
        try term.send(TableKeys.cycleStatus)
        screen = try term.waitFor(" · failed")
        let rows = screen.split(separator: "\n").filter { $0.contains("evt_") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("failed") }, "only failed deliveries")
        try term.send("Enter")
        screen = try term.waitFor("Payload")
        #expect(screen.contains("Last response") && screen.contains("\"data\": {"))
        try term.send(TableKeys.replay)
        try term.waitFor("to Analytics? y/N")
        try term.send("y")
        try term.waitFor(": enqueued")
        try term.send("Escape")
        try term.waitFor(" · failed")
        try term.send("Escape")
        try term.waitFor("8 webhooks")
        try term.send("q")
        #expect(term.exitStatus() == 0)
    }
}
