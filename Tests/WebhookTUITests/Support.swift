import Foundation
import JetEmailClient
@testable import WebhookTUI
@testable import TerminalUI

/// Drives the pure core as the shell would: events in, effects collected.
struct Driver {
    var state: AppState
    var effects: [Effect] = []
    var now: Double = 100

    init(_ state: AppState = AppState(endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false)) {
        self.state = state
    }

    mutating func send(_ event: AppEvent) {
        let (next, produced) = update(state, event, now: now)
        state = next
        effects += produced
    }

    mutating func press(_ keys: Key...) { keys.forEach { send(.key($0)) } }

    mutating func type(_ text: String) { text.forEach { send(.key(.character($0))) } }

    /// Takes the effects produced so far.
    mutating func drain() -> [Effect] { defer { effects = [] }; return effects }

    var screen: String { render(state).text }
}

let sampleWebhook = Webhook(uuid: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", name: "Production Webhook",
                            url: "https://example.com/webhook", secret: "whsec_0123456789abcdef0123456789abcdef0123456789abcdef",
                            events: [EventName(.outboundDelivered)], status: .enabled)

/// Golden text frames: `Golden/<name>.txt` beside this file. Run with UPDATE_GOLDEN=1 to rewrite them.
enum Golden {
    static func directory(_ file: StaticString = #filePath) -> String {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden").path
    }

    static func check(_ grid: Grid, _ name: String) -> (matches: Bool, expected: String, actual: String) {
        let path = directory() + "/\(name).txt"
        let actual = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try? FileManager.default.createDirectory(atPath: directory(), withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>"
        return (expected == actual, expected, actual)
    }
}
