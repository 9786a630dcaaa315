import JetEmailClient

/// A 429: no new request until `until`. `later`: the API asked for more than an hour, which is
/// not counted down; the person is told to try again later. `gaveUp`: 429s kept coming, each
/// wait longer (`RateLimitBackoff`); nothing is asked again by itself, only when the person asks.
public struct RateLimit: Sendable, Equatable {
    public var until: Double
    public var later: Bool
    public var gaveUp = false

    public init(until: Double, later: Bool = false) { self.until = until; self.later = later }

    /// A wait of `seconds` (from the back-off), starting now.
    init(seconds: Int, now: Double) {
        until = now + Double(min(seconds, RetryAfter.longestWait))
        later = seconds > RetryAfter.longestWait
    }

    /// Why a request cannot be sent now, or nil once the wait is over.
    func refusal(now: Double, doing: String) -> String? {
        guard now < until else { return nil }
        return later ? "Rate limited by JetEmail for more than an hour: try again later."
            : "Rate limited by JetEmail: wait \(Countdown.text(until - now)) before \(doing)."
    }

    /// Seconds left, rounded up.
    func secondsLeft(now: Double) -> Int { later ? RetryAfter.longestWait : Int(Countdown.bounded(until - now).rounded(.up)) }
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

extension Answer {
    /// The 429 in this answer, if any, with its Retry-After.
    var rateLimited: (found: Bool, retryAfter: Int?) {
        if case .recoverPlanned(.failure(.rateLimited(let retryAfter, _))) = self { return (true, retryAfter) }
        guard case .api(let answer) = self else { return (false, nil) }
        func of<T>(_ result: Result<T, JetEmailError>) -> Int?? {
            if case .failure(.rateLimited(let retryAfter, _)) = result { return .some(retryAfter) }
            return nil
        }
        let found: Int?? = switch answer {
        case .list(let r): of(r)
        case .webhook(let r): of(r)
        case .deleted(_, let r): of(r)
        case .deliveries(let r): of(r)
        case .replayed(let r): of(r)
        case .choices(let users, let domains): of(users) ?? of(domains)
        case .created(let r, _): of(r)
        case .secretFileRefused: nil
        }
        if let found { return (true, found) }
        return (false, nil)
    }
}
