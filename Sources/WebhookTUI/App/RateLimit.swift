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
}

extension AppState {
    /// Every answer passes here before it goes to its screen: a 429 becomes the app-wide wait
    /// (at least a few seconds, longer with each 429 in a row), any other answer resets the
    /// back-off.
    mutating func noteRateLimit(_ rateLimited: Bool, retryAfter: Int?) {
        guard rateLimited else { backoff.answered(); return }
        if let seconds = backoff.wait(retryAfter: retryAfter) {
            rateLimit = RateLimit(seconds: seconds, now: now)
        } else {
            var limit = RateLimit(seconds: RateLimitBackoff.lockoutSeconds, now: now)
            limit.gaveUp = true
            rateLimit = limit
        }
    }
}

extension APIAnswer {
    /// The 429 in this answer, if any (with its Retry-After); `nil` when it holds none.
    var rateLimited: (Bool, retryAfter: Int?) {
        func of<T>(_ result: Result<T, JetEmailError>) -> Int?? {
            if case .failure(.rateLimited(let retryAfter, _)) = result { return .some(retryAfter) }
            return nil
        }
        let found: Int?? = switch self {
        case .list(let r): of(r)
        case .webhook(let r): of(r)
        case .deleted(_, let r): of(r)
        case .deliveries(let r): of(r)
        case .replayed(let r): of(r)
        case .choices(let users, let domains): of(users) ?? of(domains)
        }
        if let found { return (true, found) }
        return (false, nil)
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
