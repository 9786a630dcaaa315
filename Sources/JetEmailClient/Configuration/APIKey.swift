/// An API key. Its description is always masked (`api_…abcd`) so that it cannot reach a
/// log or a message by accident; only `bearerValue` gives the key itself.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    /// The key in `raw` (surrounding white space ignored); nil when it is empty or not usable
    /// (`problem(in:)` says why).
    public init?(_ raw: String) {
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty, Self.problem(in: raw) == nil else { return nil }
        value = trimmed
    }

    /// Why `raw` cannot be a key, in words that never repeat it; nil when it can (or is empty).
    /// A line break, tab or other control character inside the key (a file of two lines, a
    /// pasted newline) would reach the Authorization header, where HTTP libraries refuse it
    /// and some print the header in their error.
    public static func problem(in raw: String) -> String? {
        let trimmed = raw.trimmingWhitespace()
        for scalar in trimmed.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x2028, 0x2029:
                return "it holds more than one line (only the key may be there)"
            case 0x00..<0x20, 0x7F...0x9F:
                return "it contains a control character (such as a tab or NUL)"
            case 0x20:
                return "it contains a space"
            default:
                if scalar.properties.isWhitespace { return "it contains white space" }
                if !scalar.isASCII { return "it contains a character that is not ASCII" }
            }
        }
        return nil
    }

    /// For the Authorization header only.
    public var bearerValue: String { value }

    public var hasExpectedPrefix: Bool { value.hasPrefix("api_") }

    /// `api_…abcd`: the prefix (up to the first underscore) and the last four characters.
    public var masked: String {
        let prefix = value.firstIndex(of: "_").map { String(value[...$0]) } ?? ""
        let tail = value.count > 8 ? String(value.suffix(4)) : ""
        return prefix + "…" + tail
    }

    /// A warning for keys that cannot work with the webhook endpoints, or nil.
    public var prefixWarning: String? {
        if hasExpectedPrefix { return nil }
        if value.hasPrefix("transactional_") {
            return "The key \(masked) is a transactional key, which only sends mail; webhook endpoints need an api_ key."
        }
        return "The key \(masked) does not start with api_; webhook endpoints need an api_ key."
    }

    public var description: String { masked }
    public var debugDescription: String { masked }
}

extension String {
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

extension APIKey {
    /// A short digest of the key (never the key), for a recover journal to say which account it
    /// was made for: a run with another key is told, not let replay another account's events.
    public var fingerprint: String {
        String(HMACSHA256.hex(SHA256.hash(Array(("jetemail-webhooks key fingerprint\u{0}" + value).utf8))).prefix(16))
    }
}
