import JetEmailClient

/// The typed key, checked and masked with the client's rules.
struct APIKeyValue {
    let masked: String
    let warning: String?

    /// Why the text cannot be a key (never repeating it), or nil.
    static func problem(in text: String) -> String? { APIKey.problem(in: text) }

    init?(_ text: String) {
        guard let key = APIKey(text) else { return nil }
        masked = key.masked
        warning = key.prefixWarning
    }
}
