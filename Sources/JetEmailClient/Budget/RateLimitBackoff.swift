/// How long to wait after each 429 in a row, whatever the server's `Retry-After` says: at least
/// `floorSeconds`, doubling with every refusal in a row, and a give-up after `maxStrikes`, so
/// that a server answering `Retry-After: 0` forever is not asked thousands of times a second.
public struct RateLimitBackoff: Sendable, Equatable {
    public static let floorSeconds = 5
    public static let maxStrikes = 5
    /// How long JetEmail blocks every call once its limit is passed (about five minutes).
    public static let lockoutSeconds = 300

    /// 429s in a row, since the last answer that was not one.
    public private(set) var strikes = 0

    public init() {}

    /// The seconds to wait after one more 429, or nil when it is time to give up.
    public mutating func wait(retryAfter: Int?) -> Int? {
        strikes += 1
        guard strikes <= Self.maxStrikes else { return nil }
        return max(retryAfter ?? 60, Self.floorSeconds << (strikes - 1))
    }

    /// An answer that was not a 429: the next one starts from the floor again.
    public mutating func answered() { strikes = 0 }

    /// Said when giving up; `then`: what the person can do.
    public func gaveUpMessage(then: String = "Try again in a few minutes.") -> String {
        "JetEmail answered 429 (rate limited) \(strikes) times in a row, each wait longer than the last; stopped asking. " + then
    }
}
