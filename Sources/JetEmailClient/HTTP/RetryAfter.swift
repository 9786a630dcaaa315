import Glibc

/// Reads a `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110). Anything else,
/// negative numbers included, is no usable value. Never traps: a delay too large for an Int
/// is `Int.max`, and callers cap what they wait.
public enum RetryAfter {
    /// Longer than this is not counted down: the person is told to try again later.
    public static let longestWait = 3600

    /// Seconds to wait from `now` (unix seconds), or nil.
    public static func seconds(_ header: String?, now: Double) -> Int? {
        guard let header else { return nil }
        let text = header.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return Int(text) ?? Int.max }
        guard let date = httpDate(text) else { return nil }
        let delta = date - now
        return delta <= 0 ? 0 : delta >= Double(Int.max) ? Int.max : Int(delta.rounded(.up))
    }

    /// An HTTP-date in any of RFC 9110's three forms, as unix seconds.
    static func httpDate(_ text: String) -> Double? { HTTPDate.parse(text).map(Double.init) }
}
