import JetEmailClient
import TerminalUI

/// The line above the key bar: a rate limit's countdown, the request budget's wait, else the
/// screen's own last message.
enum StatusLine {
    /// The text and style it shows now, or nil.
    static func message(_ context: ScreenContext) -> (String, Style)? {
        if let limit = context.rateLimit {
            let shared = BudgetWait.othersClause(limit.otherProcesses)
            return limit.later ? ("✗ Rate limited by JetEmail for more than an hour: try again later.", .error)
                : limit.gaveUp ? ("✗ JetEmail kept answering 429: nothing is asked for \(Countdown.text(limit.until - context.now)); then r tries again.", .error)
                : ("✗ Rate limited by JetEmail: requests can be made again in \(Countdown.text(limit.until - context.now))\(shared).", .error)
        }
        if let status = context.status {
            return ("\(status.tone.symbol) \(status.text)", status.tone.style)
        }
        if let wait = context.budgetWait {
            let shared = BudgetWait.othersClause(context.budgetOthers)
            return ("· Waiting for the request budget: \(Countdown.text(wait))\(shared).", .muted)
        }
        return nil
    }

    /// A long message wraps onto this many lines at most (the last cut with `…`): a path, a
    /// command or the way on is never lost past the window's edge.
    static let maxLines = 3

    /// The message's lines at this width of window.
    static func lines(_ context: ScreenContext, columns: Int) -> (lines: [String], style: Style) {
        guard let (text, style) = message(context) else { return ([], .plain) }
        let width = max(1, columns - 2)
        var lines = Wrap.lines(text, width: width, maxLines: maxLines + 1)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = DisplayWidth.truncate(lines[maxLines - 1] + " …", to: width)
        }
        return (lines, style)
    }

    /// From `row` down: the line the screen keeps for it, and the rows the app took from the
    /// screen for a longer message (`AppState.statusRows`).
    static func draw(_ context: ScreenContext, row: Int, into grid: inout Grid) {
        let (lines, style) = lines(context, columns: grid.columns)
        for (i, line) in lines.enumerated() { grid.put(line, row: row + i, column: 1, style: style, width: grid.columns - 2) }
    }
}
