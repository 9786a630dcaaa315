import JetEmailClient
import TerminalUI

/// The list: a line with the count and the filter, the table, and the last message.
enum ListView {
    static let minimumColumns = 60
    static let minimumRows = 10

    /// The table's rectangle, header included, on a screen of this size.
    static func tableRect(columns: Int, rows: Int) -> Rect { Rect(row: 2, column: 1, width: columns - 2, height: rows - 4) }

    /// Rows of webhooks the table shows (below its header).
    static func visibleRows(rows: Int) -> Int { max(1, tableRect(columns: minimumColumns, rows: rows).height - 1) }

    static func draw(_ list: ListState, status: StatusMessage?, rateLimit: RateLimit?, now: Double, focused: Bool, into grid: inout Grid) {
        let shown = list.table.rows.count, total = list.webhooks.count
        var line = list.loaded ? (shown == total ? "\(total) webhook\(total == 1 ? "" : "s")" : "\(shown) of \(total) webhooks") : ""
        if list.loading != nil || (!list.loaded && !list.failed) {
            let elapsed = list.loadingSince.map { " " + String(format1: max(0, now - $0)) + " s" } ?? ""
            line += (line.isEmpty ? "Loading webhooks…" : " · reloading…") + elapsed
        } else if !list.loaded {
            line = "The list could not be loaded (below); r tries again."
        }
        let x = grid.put(" " + line, row: 1, column: 0, style: Style(.normal, bold: true))
        if list.filterTyping || !list.filter.isEmpty {
            grid.put("  filter /", row: 1, column: x, style: .accent)
            list.filter.draw(into: &grid, rect: Rect(row: 1, column: x + 10, width: max(10, min(40, grid.columns - x - 12)), height: 1),
                             focused: focused && list.filterTyping)
        }
        let rect = tableRect(columns: grid.columns, rows: grid.rows)
        if list.loaded && total == 0 {
            grid.put("No webhooks yet. Press n to create one.", row: rect.row + 1, column: 2, style: .muted)
        } else if list.loaded && shown == 0 {
            grid.put("No webhook matches the filter. Esc clears it.", row: rect.row + 1, column: 2, style: .muted)
        } else {
            list.table.draw(into: &grid, rect: rect, focused: focused && !list.filterTyping)
        }
        StatusLine.draw(status: status, rateLimit: rateLimit, now: now, into: &grid)
    }
}
