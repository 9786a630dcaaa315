/// Why the client could not be configured. Messages never contain a key.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case keyFileUnreadable(path: String, reason: String)
    case keyFileEmpty(path: String)
    /// A key was found but cannot be one; `source` says where (never the key).
    case keyInvalid(source: String, reason: String)
    case configUnreadable(path: String, reason: String)
    case configInvalid(path: String, reason: String)
    case profileNotFound(path: String, profile: String, available: [String])
    case noKey(configPath: String)
    /// The URL as shown: its user and password, if any, masked (see `URLCredentials`).
    case baseURLInvalid(String, reason: String)
    /// A proxy variable (`HTTPS_PROXY`…) that cannot be used; its value shown masked.
    case proxyInvalid(variable: String, shown: String, reason: String)
    case caFileUnreadable(path: String, reason: String)

    public var description: String {
        // Reasons come from several places, some ending in a full stop: never two.
        let text = message
        return text.hasSuffix("..") ? String(text.dropLast()) : text
    }

    private var message: String {
        switch self {
        case .keyFileUnreadable(let path, let reason): "Cannot read the API key file \(path): \(reason)."
        case .keyFileEmpty(let path): "The API key file \(path) is empty."
        case .keyInvalid(let source, let reason): "The API key from \(source) is not usable: \(reason)."
        case .configUnreadable(let path, let reason): "Cannot read the config file \(path): \(reason)."
        case .configInvalid(let path, let reason): "The config file \(path) is not valid TOML (\(reason))."
        case .profileNotFound(let path, let profile, let available):
            "Profile '\(profile)' has no api_key in \(path)"
                + (available.isEmpty ? "." : "; profiles there: \(available.joined(separator: ", ")).")
        case .noKey(let configPath):
            "No API key found. Pass --api-key-file PATH, set JETEMAIL_API_KEY, or run `jetemail login` to write \(configPath). To try the program without a key, use --demo."
        case .baseURLInvalid(let url, let reason): "Base URL \(URLCredentials.masked(url)) is not usable: \(reason)."
        case .proxyInvalid(let variable, let shown, let reason): "The proxy in \(variable) (\(URLCredentials.masked(shown))) is not usable: \(reason)."
        case .caFileUnreadable(let path, let reason): "Cannot read the CA file \(path): \(reason)."
        }
    }
}
