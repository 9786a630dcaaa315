/// An API key. Its description is always masked (`api_…abcd`) so that it cannot reach a
/// log or a message by accident; only `bearerValue` gives the key itself.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init?(_ raw: String) {
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        value = trimmed
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
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
