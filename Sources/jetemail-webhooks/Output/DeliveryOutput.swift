import JetEmailClient
import TerminalUI
import WebhookTUI

/// The delivery log as the verbs print it: a table on a terminal, JSON otherwise. The table has
/// the TUI's columns, fitted to the terminal's width (the narrowest give way first, ids cut in
/// the middle), webhooks by name. Every value came from the server and is escaped.
enum DeliveryOutput {
    /// Rows in columns fixed for `width`, so that `query --all` can print page by page as they come.
    static func rows(_ events: [Delivery], clock: WallClock, header: Bool, width: Int, names: [String: String]?) -> String {
        let allWebhooks = names != nil
        let columns = DeliveryColumns.columns(allWebhooks: allWebhooks)
        // The Webhook column as wide as the longest name of the account, the same on every page.
        let longestName = (names ?? [:]).values.map { DisplayWidth.of(TerminalSafe.escaped($0), upTo: 32) }.max() ?? 0
        let lines = TextTable.lines(columns, rows: events.count, width: width, header: header,
                                    full: { row, _ in TerminalSafe.escaped(names?[events[row].uuid] ?? events[row].uuid) },
                                    longest: columns.map { $0.identifies ? longestName : 0 }) { row, column, w in
            DeliveryColumns.cell(events[row], column: column, width: w, allWebhooks: allWebhooks, names: names ?? [:], clock: clock).text
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// One page: the rows and where they sit in the whole.
    static func table(_ events: [Delivery], total: Int, offset: Int, clock: WallClock, width: Int, names: [String: String]?) -> String {
        guard !events.isEmpty else { return total == 0 ? "No deliveries match." : "No deliveries on this page (\(total) in all)." }
        return rows(events, clock: clock, header: true, width: width, names: names) + "\(offset + 1)-\(offset + events.count) of \(total) · \(zone(clock))"
    }

    /// The times' zone, said once under the table: `times in UTC+01:00`.
    static func zone(_ clock: WallClock) -> String {
        let offset = clock.local(0)
        return "times in UTC" + String(offset.suffix(6))
    }
}
