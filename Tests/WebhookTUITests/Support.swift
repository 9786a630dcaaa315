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

/// Golden text frames: `Golden/<test name>.txt` beside this file. One switch rewrites them all:
/// UPDATE_GOLDEN=1 swift test --filter GoldenFrameTests.
enum Golden {
    static func directory(_ file: StaticString = #filePath) -> String {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden").path
    }

    /// The frame as a golden file holds it: trailing spaces dropped.
    static func text(_ grid: Grid) -> String {
        grid.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    /// Whether the frame matches its file, and the lines that differ when it does not.
    /// `ascii`: as a terminal without UTF-8 shows it (the backend's stand-ins).
    static func check(_ grid: Grid, _ name: String, ascii: Bool = false) -> (matches: Bool, diff: String) {
        let path = directory() + "/\(name).txt"
        let actual = ascii ? text(grid).map { $0 == "\n" ? "\n" : ASCIIGlyph.of($0) }.joined() : text(grid)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try? FileManager.default.createDirectory(atPath: directory(), withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (false, "no golden file \(path): run UPDATE_GOLDEN=1 swift test --filter GoldenFrameTests\n\(actual)")
        }
        return (expected == actual, diff(expected, actual))
    }

    /// `row N: - expected` / `row N: + actual` for each row that differs.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for row in 0..<max(a.count, b.count) {
            let x = row < a.count ? String(a[row]) : "", y = row < b.count ? String(b[row]) : ""
            if x != y { out += ["row \(row): - \(x)", "row \(row): + \(y)"] }
        }
        return out.joined(separator: "\n")
    }
}

// MARK: The old spellings of effects and events, so that a test reads as what the person does.

extension Effect {
    static func call(id: Int, _ call: APICall, priority: RequestPriority = .interactive) -> Effect {
        .run(RequestID(id), .api(call), priority: priority)
    }
    static func submit(id: Int, _ request: CreateWebhookRequest, secretFile: String? = nil) -> Effect {
        .run(RequestID(id), .api(.create(request, secretFile: secretFile)), priority: .interactive)
    }
    static func cancelSubmit(id: Int) -> Effect { .cancel(RequestID(id)) }
    static func sendExample(id: Int, url: String, eventType: String, secret: ExampleSecret) -> Effect {
        .run(RequestID(id), .receiverTest(url: url, eventType: eventType, secret: secret), priority: .interactive)
    }
    static func writeSecret(id: Int, path: String, secret: String) -> Effect {
        .run(RequestID(id), .writeSecret(path: path, secret: secret), priority: .interactive)
    }

    /// (request id, call) when this runs an API call.
    var apiCall: (Int, APICall)? { if case .run(let id, .api(let call), _) = self { (id.raw, call) } else { nil } }
    /// (request id, call) when this sends a call a person waits for (not the list's health counts).
    var interactiveCall: (Int, APICall)? { if case .run(let id, .api(let call), .interactive) = self { (id.raw, call) } else { nil } }
    /// The list's health queries: (request id, query).
    var backgroundQuery: (Int, DeliveryQuery)? { if case .run(let id, .api(.query(let q)), .background) = self { (id.raw, q) } else { nil } }
    /// (request id, the query) of a query a person waits for.
    var query: (Int, DeliveryQuery)? { if case .run(let id, .api(.query(let q)), .interactive) = self { (id.raw, q) } else { nil } }
    /// (request id, the create) when this sends one.
    var create: (Int, CreateWebhookRequest, String?)? {
        if case .run(let id, .api(.create(let request, let file)), _) = self { (id.raw, request, file) } else { nil }
    }
    var receiverTest: (Int, String, String, ExampleSecret)? {
        if case .run(let id, .receiverTest(let url, let type, let secret), _) = self { (id.raw, url, type, secret) } else { nil }
    }
    var secretWrite: (Int, String, String)? {
        if case .run(let id, .writeSecret(let path, let secret), _) = self { (id.raw, path, secret) } else { nil }
    }
}

extension AppEvent {
    static func answered(id: Int, _ answer: APIAnswer) -> AppEvent { .answered(RequestID(id), .api(answer)) }
    static func submitFinished(id: Int, _ result: Result<Webhook, JetEmailError>, saved: Result<String, SecretFile.Failure>? = nil) -> AppEvent {
        .answered(RequestID(id), .api(.created(result, saved: saved)))
    }
    static func secretFileRefused(id: Int, _ failure: SecretFile.Failure) -> AppEvent { .answered(RequestID(id), .api(.secretFileRefused(failure))) }
    static func exampleSent(id: Int, _ result: Result<ReceiverTest.Report, ExampleFailure>) -> AppEvent { .answered(RequestID(id), .receiverTest(result)) }
    static func secretWritten(id: Int, _ result: Result<String, SecretFile.Failure>) -> AppEvent { .answered(RequestID(id), .secretWritten(result)) }
}

extension AppState {
    /// The top screen's status line.
    var status: StatusMessage? { topScreen.status }
    /// A form is sending.
    var isSending: Bool { screens.contains { ($0.screen as? FormScreen)?.isSending == true } }
    var isAskingToQuit: Bool { (topModal as? ConfirmModal)?.onYes == .quit }
    var confirm: ConfirmModal? { topModal as? ConfirmModal }
    var list: ListScreen? { screen(ListScreen.self) }
    var log: DeliveryLogScreen? { topScreen.screen as? DeliveryLogScreen }

    /// Changes the lowest list (the home screen) in place.
    mutating func onList(_ change: (inout ListScreen) -> Void) {
        guard let index = screens.firstIndex(where: { $0.screen is ListScreen }), var list = screens[index].screen as? ListScreen else { return }
        change(&list)
        screens[index].screen = list
    }
}

/// The recover run as a job, for tests that drive it.
extension Driver {
    /// A report from the recover run, as its runner sends it (for the latest job).
    mutating func sendRecover(_ report: RecoverReport) {
        send(.job(state.jobs.last?.id ?? JobID(0), JobReport(report)))
    }
}

extension Array where Element == Effect {
    /// An order for the recover run's runner among these effects.
    func containsRecover(_ order: RecoverOrder) -> Bool {
        contains { if case .job(_, let o) = $0 { o.as(RecoverOrder.self) == order } else { false } }
    }
}

extension AppState {
    var recoverJob: RecoverStatus? { jobs.last { $0.state is RecoverStatus }?.state as? RecoverStatus }
}
