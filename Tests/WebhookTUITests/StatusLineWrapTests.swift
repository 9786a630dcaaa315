import Foundation
import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// A message longer than the window is wide wraps onto up to three lines above the key bar,
/// taken from the screen's own rows: a path, a command or the way on is never cut off, and the
/// selected row stays in view.
@Suite struct StatusLineWrapTests {
    static let hooks = (0..<30).map { Webhook(uuid: "u-\($0)", name: "Hook \($0)", url: "https://h\($0).example.com/x", events: [EventName(.outboundDelivered)], status: .enabled) }
    static let long = "The create you cancelled went through: webhook Ops alerts exists and its secret is in "
        + "/home/ops/secrets/jetemail/ops-alerts-2026-12-06.whsec (read it now: it is shown only once)."

    @Test func aLongMessageWrapsAndTheSelectedRowStaysInView() {
        var d = ListChangesTests().loaded(Self.hooks)
        // Sorted by name, the last row is Hook 9; the view at the end starts at Hook 19.
        d.press(.character("G"))
        #expect(d.screen.contains("Hook 9 ") && d.screen.contains("Hook 19"))
        d.state.show(StatusMessage(.warning, Self.long))
        d.send(.tick)
        let lines = d.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let text = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("ops-alerts-2026-12-06.whsec (read it now: it is shown only once)."), "the whole message: \(d.screen)")
        #expect(lines[23].contains("F1 help"), "the key bar keeps the last row")
        #expect(d.screen.contains("Hook 9 "), "the selected row is still in view: \(d.screen)")
        #expect(!d.screen.contains("Hook 19") && !d.screen.contains("Hook 2 "), "two rows went to the message")
        // A short message gives the rows back.
        d.state.show(StatusMessage(.info, "Sorted by name."))
        d.send(.tick)
        #expect(d.screen.contains("Hook 19") && d.screen.contains("Hook 9 "), "\(d.screen)")
    }

    @Test func beyondThreeLinesTheLastIsCutAndSaysSo() {
        var d = ListChangesTests().loaded(Self.hooks)
        d.state.show(StatusMessage(.error, String(repeating: "word ", count: 80) + "END"))
        d.send(.tick)
        let status = d.screen.split(separator: "\n").filter { $0.contains("word") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(status.count == 3 && status.last?.hasSuffix("…") == true && !d.screen.contains("END"), "\(status) \(d.screen)")
    }

    @Test func aModalKeepsTheWholeWindow() {
        var d = ListChangesTests().loaded(Self.hooks)
        d.state.show(StatusMessage(.warning, Self.long))
        d.send(.tick)
        d.press(.function(1))
        #expect(d.screen.split(separator: "\n").count >= 23 && d.screen.contains("Keys (Esc closes"))
    }
}
