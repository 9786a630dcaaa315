import JetEmailClient
import TerminalUI

/// The log: a line with the range, the total and the filters, then the table. Rows not loaded
/// yet say so; the last message sits above the key bar.
enum DeliveryLogView {
    static func tableRect(columns: Int, rows: Int) -> Rect { Rect(row: 2, column: 1, width: columns - 2, height: rows - 4) }

    static func visibleRows(rows: Int) -> Int { max(1, tableRect(columns: 80, rows: rows).height - 1) }

    static func header(_ log: DeliveryLogState, now: Double = 0) -> String {
        var line: String
        if let total = log.total {
            let shown = log.cursor.visible
            line = total == 0 ? "No deliveries" : "\(shown.lowerBound + 1)-\(shown.upperBound) of \(total)"
        } else {
            let elapsed = log.loadingSince.map { " " + String(format1: max(0, now - $0)) + " s" } ?? ""
            line = log.failure == nil ? "Loading deliveries…" + elapsed : "The log could not be loaded (below); r tries again."
        }
        let filters = log.filterSummary
        line += filters.isEmpty ? " · all events" : " · " + filters.joined(separator: " · ")
        if log.isLoading, log.total != nil { line += " · loading…" }
        return line
    }

    static func draw(_ log: DeliveryLogState, app s: AppState, focused: Bool, into grid: inout Grid) {
        let x = grid.put(" " + header(log, now: s.now), row: 1, column: 0, style: Style(.normal, bold: true), width: grid.columns - 2)
        if log.lookupTyping {
            grid.put("  look up /", row: 1, column: x, style: .accent)
            log.lookupInput.draw(into: &grid, rect: Rect(row: 1, column: x + 11, width: max(10, min(40, grid.columns - x - 13)), height: 1), focused: focused)
        }
        let rect = tableRect(columns: grid.columns, rows: grid.rows)
        let all = log.webhook == nil
        if log.total == 0 {
            let hint = log.filterSummary.isEmpty ? "Nothing was delivered to \(all ? "any webhook" : "this webhook") yet." : "Nothing matches these filters."
            grid.put(hint, row: rect.row + 1, column: 2, style: .muted)
        } else {
            let clock = s.clock
            TableDrawing.draw(columns: DeliveryColumns.columns(allWebhooks: all), cursor: log.cursor, into: &grid, rect: rect, focused: focused && !log.lookupTyping) { row, column, width in
                if let delivery = log.delivery(at: row) {
                    return DeliveryColumns.cell(delivery, column: column, width: width, allWebhooks: all, names: log.names, clock: clock)
                }
                let loaded = log.pages[row / DeliveryLogState.pageSize] != nil
                // A loaded page the server sent short has a gap: said as such, not as a status.
                return column == 0 ? (loaded ? "(server skipped)" : log.failure == nil ? "loading…" : "not loaded", .muted) : ("", .muted)
            }
        }
        StatusLine.draw(status: s.status, rateLimit: s.rateLimit, now: s.now, into: &grid)
    }
}
