import JetEmailClient
import TerminalUI

/// One event of the log: where it went, how it went, and its payload as indented JSON.
public struct EventDetailsState: Sendable, Equatable, FieldScreen {
    public var delivery: Delivery
    public var webhookName: String?
    /// The log it was opened from belongs to this webhook (replay goes to it only), or to all.
    public var scope: Webhook?
    public var top = 0
    /// The payload as indented lines, made once (not on every key and frame); nil: no payload.
    let payloadLines: [String]?

    public init(delivery: Delivery, webhookName: String?, scope: Webhook?) {
        self.delivery = delivery
        self.webhookName = webhookName
        self.scope = scope
        payloadLines = delivery.payload.map(JSONPretty.lines)
    }

    enum Action: Sendable, Equatable { case back, replay, scroll(ScrollView.Action) }

    static let table: [KeyBinding<Action>] = [
        KeyBinding([.escape, .character("q"), .left, .backspace], keys: "Esc, q or ←", bar: BarEntry("Esc", "back"), help: "back to the log", .back),
        KeyBinding([.character("R")], keys: "R", bar: BarEntry("R", "replay"), help: "replay the event (asks first)", .replay),
    ] + ScrollView(lines: []).bindings.map { $0.map(Action.scroll) }

    mutating func handle(_ key: Key, screen: Int, app s: inout AppState) {
        guard let binding = Self.table.binding(for: key) else { return }
        switch binding.action {
        case .back: s.leave(screen)
        case .replay: ReplayFlow.ask(&s, screen: screen, delivery, scope: scope)
        case .scroll(let action): scroll(action, key: key, app: s)
        }
    }

    /// A payload longer than this is cut on screen, so that a key never waits on a huge one.
    static let payloadLineLimit = 2_000

    func lines(width: Int, clock: WallClock, now: Double) -> [[Span]] {
        var out = FieldLines(width: width)
        let d = delivery
        let safe = { (s: String) in TerminalSafe.escaped(s) }
        out.field("Event id", safe(d.id))
        out.field("Type", safe(d.eventType.rawValue) + (d.eventType.known.map { ": " + $0.summary } ?? ""))
        if let created = d.createdAt { out.field("Time", "\(clock.local(created)) (\(clock.relative(created, now: now)))") }
        out.field("Source uid", d.sourceUID.isEmpty ? "—" : safe(d.sourceUID))
        out.field("Source action", d.sourceAction.isEmpty ? "—" : safe(d.sourceAction))
        out.field("Webhook", (webhookName.map { safe($0) + " · " } ?? "") + safe(d.uuid))
        out.field("Webhook URL", safe(d.webhookURL))
        out.field("Status", safe(d.latestStatus), DeliveryColumns.style(d.status))
        out.field("Attempts", d.totalAttempts.map(String.init) ?? "—")
        out.field("Last response", d.lastResponseCode.map { "HTTP \($0)" } ?? "none yet")
        out.append([])
        out.append([Span("Payload", Style(.accent, bold: true))])
        if let all = payloadLines {
            for line in all.prefix(Self.payloadLineLimit) {
                // Wrapped after the indentation, which is kept on every piece.
                let body = line.drop { $0 == " " }
                let indent = "  " + String(repeating: " ", count: line.count - body.count)
                for piece in Wrap.lines(String(body), width: max(10, width - indent.count)) { out.append([Span(indent + piece)]) }
            }
            if all.count > Self.payloadLineLimit {
                out.append([Span("  … \(all.count - Self.payloadLineLimit) more lines: query --event-id ID --json prints them all", .muted)])
            }
        } else {
            out.append([Span("  (the log has no payload for this event)", .muted)])
        }
        return out.lines
    }

    func draw(app s: AppState, into grid: inout Grid) {
        grid.put(" " + TerminalSafe.escaped(delivery.eventType.rawValue) + " · " + TerminalSafe.escaped(delivery.id), row: 1, column: 0,
                 style: Style(.normal, bold: true), width: grid.columns - 1)
        drawLines(app: s, into: &grid)
    }
}
