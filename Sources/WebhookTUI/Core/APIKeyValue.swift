import JetEmailClient

/// The typed key, checked and masked with the client's rules.
struct APIKeyValue {
    let masked: String
    let warning: String?

    init?(_ text: String) {
        guard let key = APIKey(text) else { return nil }
        masked = key.masked
        warning = key.prefixWarning
    }
}
