import JetEmailClient
import WebhookTUI

/// The delivery log as the verbs print it: a table on a terminal, JSON otherwise. Every value
/// came from the server and is escaped.
enum DeliveryOutput {
    /// Rows in fixed columns, so that `query --all` can print page by page as they come.
    static func rows(_ events: [Delivery], clock: WallClock, header: Bool) -> String {
        let widths = [23, 28, 18, 7, 8, 4, 36]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                c < widths.count ? text + String(repeating: " ", count: max(1, widths[c] - text.count + 2)) : text
            }.joined() + "\n"
        }
        let safe = { (s: String) in TerminalSafe.escaped(s) }
        var out = header ? line(["TIME", "EVENT ID", "TYPE", "STATUS", "ATTEMPTS", "CODE", "WEBHOOK", "SOURCE UID"]) : ""
        for d in events {
            out += line([d.createdAt.map { clock.local($0) } ?? "?", safe(d.id), safe(d.eventType.rawValue), safe(d.latestStatus),
                         d.totalAttempts.map(String.init) ?? "-", d.lastResponseCode.map(String.init) ?? "-", safe(d.uuid), safe(d.sourceUID)])
        }
        return out
    }

    /// One page: the rows and where they sit in the whole.
    static func table(_ events: [Delivery], total: Int, offset: Int, clock: WallClock) -> String {
        guard !events.isEmpty else { return total == 0 ? "No deliveries match." : "No deliveries on this page (\(total) in all)." }
        return rows(events, clock: clock, header: true) + "\(offset + 1)-\(offset + events.count) of \(total)"
    }
}
