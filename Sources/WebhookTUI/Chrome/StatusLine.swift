import TerminalUI

/// The line above the key bar: a rate limit's countdown, the request budget's wait, else the
/// screen's own last message.
enum StatusLine {
    /// The text and style it shows now, or nil.
    static func message(_ context: ScreenContext) -> (String, Style)? {
        if let limit = context.rateLimit {
            return limit.later ? ("✗ Rate limited by JetEmail for more than an hour: try again later.", .error)
                : limit.gaveUp ? ("✗ JetEmail kept answering 429: nothing is asked for \(Countdown.text(limit.until - context.now)); then r tries again.", .error)
                : ("✗ Rate limited by JetEmail: requests can be made again in \(Countdown.text(limit.until - context.now)).", .error)
        }
        if let status = context.status {
            return ("\(status.tone.symbol) \(status.text)", status.tone.style)
        }
        if let wait = context.budgetWait {
            return ("· Waiting for the request budget: \(Countdown.text(wait)).", .muted)
        }
        return nil
    }

    static func draw(_ context: ScreenContext, row: Int, into grid: inout Grid) {
        guard let (text, style) = message(context) else { return }
        grid.put(DisplayWidth.truncate(text, to: grid.columns - 2), row: row, column: 1, style: style)
    }
}
