import JetEmailClient
import TerminalUI

/// The log: a line with the range, the total and the filters, then the table. Rows not loaded
/// yet say so; the last message sits above the key bar.
enum DeliveryLogView {
    static let minimumSize = Size(columns: 60, rows: 10)

    /// The table's rectangle, header included, in the screen's rectangle.
    static func tableRect(_ rect: Rect) -> Rect { Rect(row: rect.row + 1, column: rect.column + 1, width: rect.width - 2, height: rect.height - 2) }

    /// Rows of events the table shows (below its header) in a window this tall.
    static func visibleRows(rows: Int) -> Int { max(1, rows - 5) }

    static func header(_ log: DeliveryLogScreen, now: Double = 0) -> String {
        var line: String
        if let total = log.rowCount {
            let shown = log.cursor.visible
            line = total == 0 ? "No deliveries" : "\(shown.lowerBound + 1)-\(shown.upperBound) of \(total)"
        } else {
            let elapsed = log.loadingSince.map { " " + String(format1: max(0, now - $0)) + " s" } ?? ""
            line = log.failure == nil ? "Loading deliveries…" + elapsed : "The log could not be loaded (below); r tries again."
        }
        let filters = log.filterSummary
        line += filters.isEmpty ? " · all events" : " · " + filters.joined(separator: " · ")
        if log.isLoading, log.total != nil { line += " · loading…" }
        if !log.marks.isEmpty { line += " · \(log.marks.count) marked" }
        if log.follow.on { line += " · following" + (log.follow.unseen > 0 ? " · \(log.follow.unseen) new (Home)" : "") }
        return line
    }

    static func draw(_ log: DeliveryLogScreen, rect screen: Rect, focused: Bool, context: ScreenContext, into grid: inout Grid) {
        let x = grid.put(" " + header(log, now: context.now), row: screen.row, column: screen.column, style: Style(.normal, bold: true), width: screen.width - 2)
        if log.lookupTyping {
            grid.put("  look up /", row: screen.row, column: x, style: .accent)
            log.lookupInput.draw(into: &grid, rect: Rect(row: screen.row, column: x + 11, width: max(10, min(40, screen.right - x - 13)), height: 1), focused: focused)
        }
        if log.sinceTyping {
            // What is typed shows where it is typed, over the header's end if need be.
            let column = min(x, max(screen.column, screen.right - 32))
            grid.put("  since ", row: screen.row, column: column, style: .accent)
            log.sinceInput.draw(into: &grid, rect: Rect(row: screen.row, column: column + 8, width: max(10, min(24, screen.right - column - 10)), height: 1), focused: focused)
        }
        let rect = tableRect(screen)
        let all = log.webhook == nil
        if log.rowCount == 0 {
            let hint = log.filterSummary.isEmpty ? "Nothing was delivered to \(all ? "any webhook" : "this webhook") yet." : "Nothing matches these filters."
            grid.put(hint, row: rect.row + 1, column: 2, style: .muted)
        } else {
            let clock = context.clock
            // A column of its own for marks: a character, so that NO_COLOR still shows them.
            let columns = [TableColumn("", width: 1)] + DeliveryColumns.columns(allWebhooks: all)
            // The Webhook column is as wide as the longest name this log can show (every webhook's).
            let natural = columns.map { $0.identifies ? log.longestName : 0 }
            TableDrawing.draw(columns: columns, natural: natural, cursor: log.cursor, into: &grid, rect: rect,
                              focused: focused && !log.lookupTyping && !log.sinceTyping,
                              full: { row, column in
                                  guard columns[column].identifies, let delivery = log.delivery(at: row) else { return nil }
                                  return DeliveryColumns.webhookName(delivery, names: log.names)
                              }) { row, column, width in
                if let delivery = log.delivery(at: row) {
                    if column == 0 { return log.isMarked(delivery) ? ("*", Style(.accent, bold: true)) : ("", .plain) }
                    return DeliveryColumns.cell(delivery, column: column - 1, width: width, allWebhooks: all, names: log.names, clock: clock)
                }
                if column == 0 { return ("", .muted) }
                let loaded = log.pages[max(0, log.pageRow(row)) / DeliveryLogScreen.pageSize] != nil
                // A loaded page the server sent short has a gap: said as such, not as a status.
                return column == 1 ? (loaded ? "(server skipped)" : log.failure == nil ? "loading…" : "not loaded", .muted) : ("", .muted)
            }
        }
        StatusLine.draw(context, row: screen.bottom - 1, into: &grid)
    }
}
