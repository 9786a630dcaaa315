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
    /// Those lines wrapped for the width they were last fitted to (at most `payloadLineLimit`):
    /// made once per width, so that a key never wraps a payload again.
    private(set) var wrapped: (width: Int, lines: [[Span]]) = (0, [])

    public init(delivery: Delivery, webhookName: String?, scope: Webhook?) {
        self.delivery = delivery
        self.webhookName = webhookName
        self.scope = scope
        payloadLines = delivery.payload.map(JSONPretty.lines)
    }

    public static func == (a: EventDetailsState, b: EventDetailsState) -> Bool {
        a.delivery == b.delivery && a.webhookName == b.webhookName && a.scope == b.scope && a.top == b.top
    }

    /// Wraps the payload for a window this wide, unless it is wrapped for it already.
    mutating func fit(columns: Int) {
        let width = Self.viewRect(columns: columns, rows: 0).width
        guard wrapped.width != width else { return }
        wrapped = (width, Self.wrap(payloadLines, width: width))
    }

    func tail(width: Int) -> [[Span]] {
        // Not fitted to this width yet (a frame before the resize reached the state): the
        // payload is cut at the edge for that frame, never wrapped here.
        wrapped.width == width ? wrapped.lines : (payloadLines ?? []).prefix(Self.payloadLineLimit).map { [Span("  " + $0)] }
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
        out.field("Status", DeliveryColumns.mark(d.status) + " " + safe(d.latestStatus), DeliveryColumns.style(d.status))
        out.field("Attempts", d.totalAttempts.map(String.init) ?? "—")
        out.field("Last response", d.lastResponseCode.map { "HTTP \($0)" } ?? "none yet")
        out.append([])
        out.append([Span("Payload", Style(.accent, bold: true))])
        if payloadLines == nil {
            let why = d.payloadProblem.map { "  (the payload could not be shown: \(TerminalSafe.escaped($0)))" } ?? "  (the log has no payload for this event)"
            out.append([Span(why, .muted)])
        }
        return out.lines
    }

    /// The payload's lines wrapped after their indentation (kept on every piece), at most
    /// `payloadLineLimit` of them: the work is bounded by the screen-worth shown, not by what
    /// the server sent.
    static func wrap(_ lines: [String]?, width: Int) -> [[Span]] {
        guard let lines else { return [] }
        var out: [[Span]] = []
        for (index, line) in lines.enumerated() {
            let room = payloadLineLimit - out.count
            guard room > 0 else {
                out.append([Span("  … more lines (\(lines.count - index) of the payload's \(lines.count) not shown): "
                                 + "query --event-id ID --json prints them all", .muted)])
                break
            }
            let body = line.drop { $0 == " " }
            let indent = "  " + String(repeating: " ", count: line.count - body.count)
            for piece in Wrap.lines(String(body), width: max(10, width - indent.count), maxLines: room) { out.append([Span(indent + piece)]) }
        }
        return out
    }

    func draw(app s: AppState, into grid: inout Grid) {
        grid.put(" " + TerminalSafe.escaped(delivery.eventType.rawValue) + " · " + TerminalSafe.escaped(delivery.id), row: 1, column: 0,
                 style: Style(.normal, bold: true), width: grid.columns - 1)
        drawLines(app: s, into: &grid)
    }
}
