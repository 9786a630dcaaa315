import JetEmailClient
import TerminalUI

/// The lines of an event: every field, then the payload (wrapped once per width, bounded).
extension EventScreen {
    func lines(width: Int, context: ScreenContext) -> [[Span]] {
        let clock = context.clock, now = context.now
        var out = FieldLines(width: width)
        let d = delivery
        let safe = { (s: String) in TerminalSafe.escaped(s) }
        out.field("Event id", safe(d.id))
        out.field("Type", safe(d.eventType.rawValue) + (d.eventType.known.map { ": " + $0.summary } ?? ""))
        if let created = d.createdAt { out.field("Time", clock.described(created, now: now)) }
        out.field("Source uid", d.sourceUID.isEmpty ? "—" : safe(d.sourceUID))
        out.field("Source action", d.sourceAction.isEmpty ? "—" : safe(d.sourceAction))
        out.field("Webhook", (webhookName.map { safe($0) + " · " } ?? "") + safe(d.uuid))
        out.field("Webhook URL", safe(d.webhookURL))
        out.field("Status", DeliveryStatusLook.mark(d.status) + " " + safe(d.latestStatus), DeliveryStatusLook.style(d.status))
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
}
