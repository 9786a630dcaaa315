import JetEmailClient

/// A 429's hold, as the request path reports it: no new request until `until`. `later`: the API
/// asked for an hour or more, which is not counted down; the person is told to try again later.
/// `gaveUp`: 429s kept coming, each wait longer (`RateLimitBackoff`); nothing is asked again by
/// itself, only when the person asks. `otherProcesses`: others of the program share the hold.
public struct RateLimit: Sendable, Equatable {
    public var until: Double
    public var later: Bool
    public var gaveUp = false
    public var otherProcesses = 0

    public init(until: Double, later: Bool = false, gaveUp: Bool = false, otherProcesses: Int = 0) {
        self.until = until; self.later = later; self.gaveUp = gaveUp; self.otherProcesses = otherProcesses
    }

    /// The hold the request path reports, from `now`.
    init(_ wait: BudgetWait, now: Double) {
        let seconds = wait.wholeSeconds
        self.init(until: now + Double(seconds), later: seconds >= RetryAfter.longestWait, gaveUp: wait.reason == .gaveUp,
                  otherProcesses: wait.otherProcesses)
    }

}

enum Countdown {
    /// Clamped before it becomes an Int: a huge or non-finite wait must not trap.
    static func bounded(_ seconds: Double) -> Double { seconds.isFinite ? min(max(seconds, 0), 359_999) : 0 }

    /// `4:59` or `12 s`.
    static func text(_ seconds: Double) -> String {
        let total = Int(bounded(seconds).rounded(.up))
        return total >= 60 ? "\(total / 60):\(total % 60 < 10 ? "0" : "")\(total % 60)" : "\(total) s"
    }
}

