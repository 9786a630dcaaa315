import JetEmailClient
import TerminalUI

/// The list: a line with the count and the filter, the table, and the screen's last message.
enum ListView {
    static let minimumSize = Size(columns: 60, rows: 10)

    /// The table's rectangle, header included, in the screen's rectangle.
    static func tableRect(_ rect: Rect) -> Rect { Rect(row: rect.row + 1, column: rect.column + 1, width: rect.width - 2, height: rect.height - 2) }

    /// Rows of webhooks the table shows (below its header) in a window this tall.
    static func visibleRows(rows: Int) -> Int { max(1, rows - 5) }

    /// One line a stopped recover or rotation, two at most (then how many more).
    static func noticeLines(_ list: ListScreen, _ context: ScreenContext) -> [String] {
        let stopped = list.stoppedRecovers.map(\.notice) + context.stoppedRotations.map(\.notice)
        guard stopped.count > 2 else { return stopped }
        return [stopped[0], "and \(stopped.count - 1) more stopped recovers or rotations: Ctrl-R (a recover) or R on its details (a rotation) goes on"]
    }

    static func draw(_ list: ListScreen, rect: Rect, focused: Bool, context: ScreenContext, into grid: inout Grid) {
        let shown = list.table.rows.count, total = list.webhooks.count
        var line = list.loaded ? (shown == total ? "\(total) webhook\(total == 1 ? "" : "s")" : "\(shown) of \(total) webhooks") : ""
        if list.loaded && total > 0 {
            line += " · " + list.sort.words
            // Rows without figures sort last: say how many have them, until all do.
            if let counted = list.failuresCounted { line += ", \(counted.known) of \(counted.of) counted" }
        }
        if !list.marks.isEmpty { line += " · \(list.marks.count) marked" }
        if !list.loading && !list.loaded && list.loadCancelled {
            line = "The list was not loaded (cancelled); r loads it."
        } else if list.loading || (!list.loaded && !list.failed) {
            let elapsed = list.loadingSince.map { " " + String(format1: max(0, context.now - $0)) + " s" } ?? ""
            line += (line.isEmpty ? "Loading webhooks…" : " · reloading…") + elapsed
        } else if !list.loaded {
            line = "The list could not be loaded (below); r tries again."
        }
        let x = grid.put(" " + line, row: rect.row, column: rect.column, style: Style(.normal, bold: true))
        if list.filterTyping || !list.filter.isEmpty {
            grid.put("  filter /", row: rect.row, column: x, style: .accent)
            list.filter.draw(into: &grid, rect: Rect(row: rect.row, column: x + 10, width: max(10, min(40, rect.right - x - 12)), height: 1),
                             focused: focused && list.filterTyping)
        }
        var table = tableRect(rect)
        // Recovers that stopped before their end, above the status line: the way back after a
        // lost session.
        let notices = noticeLines(list, context)
        table.height -= notices.count
        for (i, notice) in notices.enumerated() {
            grid.put(" ! " + notice, row: table.bottom + i, column: rect.column, style: Style(.warning, bold: true), width: rect.width)
        }
        if list.loaded && total == 0 {
            grid.put("No webhooks yet. Press n to create one.", row: table.row + 1, column: table.column + 1, style: .muted)
        } else if list.loaded && shown == 0 {
            grid.put("No webhook matches the filter. Esc clears it.", row: table.row + 1, column: table.column + 1, style: .muted)
        } else {
            list.table.draw(into: &grid, rect: table, focused: focused && !list.filterTyping)
        }
        StatusLine.draw(context, row: rect.bottom - 1, into: &grid)
    }
}
