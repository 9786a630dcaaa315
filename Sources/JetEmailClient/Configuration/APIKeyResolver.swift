import FoundationEssentials
import Glibc
import PosixSupport

/// Finds the API key the way the official `jetemail` CLI does, except that the key is never
/// taken from argv (where `ps` would show it): `--api-key-file PATH`, else `JETEMAIL_API_KEY`,
/// else the config file (`$JETEMAIL_CONFIG` or `~/.config/jetemail/config.toml`), in the profile
/// named by `--profile`, else its `current_profile`, else `default`. An explicit `--profile`
/// skips the environment variable, since the user asked for a profile.
public struct APIKeyResolver: Sendable {
    public struct Resolved: Sendable, Equatable {
        public var key: APIKey
        /// Where the key came from, for messages: never the key itself.
        public var source: String
        public var warnings: [String]
    }

    public var keyFile: String?
    public var profile: String?
    public var environment: [String: String]

    public init(keyFile: String? = nil, profile: String? = nil, environment: [String: String] = ProcessEnvironment.current) {
        self.keyFile = keyFile; self.profile = profile; self.environment = environment
    }

    public var configPath: String {
        if let explicit = environment["JETEMAIL_CONFIG"], !explicit.isEmpty { return explicit }
        let home = HomeDirectory.path(environment: environment)
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return base + "/jetemail/config.toml"
    }

    /// `max_rate` from the config file, when there is one that can be read (else nil: the key
    /// may come from elsewhere, and a budget is never a reason to fail).
    public func configuredMaxRate() -> Int? {
        guard let text = try? SecureRead.string(atPath: configPath), let file = try? ConfigFile.parse(text) else { return nil }
        return file.maxRate(profile: profile)
    }

    public func resolve() throws(ConfigurationError) -> Resolved {
        if let keyFile {
            let text: String
            do { text = try SecureRead.string(atPath: keyFile) } catch { throw .keyFileUnreadable(path: keyFile, reason: error.reason) }
            if let reason = APIKey.problem(in: text) { throw .keyInvalid(source: "--api-key-file \(keyFile)", reason: reason) }
            guard let key = APIKey(text) else { throw .keyFileEmpty(path: keyFile) }
            var warnings = SecureRead.permissionWarning(path: keyFile).map { [$0] } ?? []
            warnings += key.prefixWarning.map { [$0] } ?? []
            return Resolved(key: key, source: "--api-key-file \(keyFile)", warnings: warnings)
        }
        if profile == nil, let value = environment["JETEMAIL_API_KEY"] {
            if let reason = APIKey.problem(in: value) { throw .keyInvalid(source: "JETEMAIL_API_KEY", reason: reason) }
        }
        if profile == nil, let value = environment["JETEMAIL_API_KEY"], let key = APIKey(value) {
            return Resolved(key: key, source: "JETEMAIL_API_KEY", warnings: key.prefixWarning.map { [$0] } ?? [])
        }
        let path = configPath
        let text: String
        do {
            text = try SecureRead.string(atPath: path)
        } catch {
            if error.isMissing && profile == nil { throw .noKey(configPath: path) }
            throw .configUnreadable(path: path, reason: error.reason)
        }
        let file: ConfigFile
        do { file = try ConfigFile.parse(text) } catch { throw .configInvalid(path: path, reason: error.description) }
        if let (name, raw) = file.apiKey(profile: profile), let reason = APIKey.problem(in: raw) {
            throw .keyInvalid(source: "\(path) (profile \(name))", reason: reason)
        }
        guard let (name, raw) = file.apiKey(profile: profile), let key = APIKey(raw) else {
            throw .profileNotFound(path: path, profile: profile ?? file.currentProfile ?? "default", available: file.profiles.keys.sorted())
        }
        var warnings = SecureRead.permissionWarning(path: path).map { [$0] } ?? []
        warnings += key.prefixWarning.map { [$0] } ?? []
        return Resolved(key: key, source: "\(path) (profile \(name))", warnings: warnings)
    }
}
