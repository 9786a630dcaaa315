import JetEmailClient

/// A 429: no new request until `until`. `later`: the API asked for more than an hour, which is
/// not counted down; the person is told to try again later.
public struct RateLimit: Sendable, Equatable {
    public var until: Double
    public var later: Bool

    public init(until: Double, later: Bool = false) { self.until = until; self.later = later }

    /// From the API's Retry-After (nil: a minute), starting now.
    init(retryAfter: Int?, now: Double) {
        let wait = retryAfter ?? 60
        until = now + Double(min(wait, RetryAfter.longestWait))
        later = wait > RetryAfter.longestWait
    }

    /// Why a request cannot be sent now, or nil once the wait is over.
    func refusal(now: Double, doing: String) -> String? {
        guard now < until else { return nil }
        return later ? "Rate limited by JetEmail for more than an hour: try again later."
            : "Rate limited by JetEmail: wait \(Countdown.text(until - now)) before \(doing)."
    }
}

enum Countdown {
    /// `4:59` or `12 s`.
    static func text(_ seconds: Double) -> String {
        // Clamped before it becomes an Int: a huge or non-finite wait must not trap.
        let bounded = seconds.isFinite ? min(max(seconds, 0), 359_999) : 0
        let total = Int(bounded.rounded(.up))
        return total >= 60 ? "\(total / 60):\(total % 60 < 10 ? "0" : "")\(total % 60)" : "\(total) s"
    }
}
