import TerminalUI

/// The line above the key bar: a rate limit's countdown, else the last message.
enum StatusLine {
    static func draw(status: StatusMessage?, rateLimit: RateLimit?, now: Double, into grid: inout Grid) {
        var message: (String, Style)?
        if let limit = rateLimit {
            message = limit.later ? ("✗ Rate limited by JetEmail for more than an hour: try again later.", .error)
                : ("✗ Rate limited by JetEmail: requests can be made again in \(Countdown.text(limit.until - now)).", .error)
        } else if let status {
            message = ("\(status.tone.symbol) \(status.text)", status.tone.style)
        }
        if let (text, style) = message {
            grid.put(DisplayWidth.truncate(text, to: grid.columns - 2), row: grid.rows - 2, column: 1, style: style)
        }
    }
}
