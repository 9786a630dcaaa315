import ArgumentParser
import Foundation
import JetEmailClient

/// Where and how to reach the API; shared by every command that talks to it.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("File holding the API key (keeps it out of argv and shell history).", valueName: "path"))
    var apiKeyFile: String?

    @Option(help: ArgumentHelp("Profile of the jetemail CLI's config file to take the key from.", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("API base URL (default: $JETEMAIL_BASE_URL, else https://api.jetemail.com).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("PEM file of extra CA certificates to trust, besides the system store.", valueName: "path"))
    var caFile: String?

    @Option(help: ArgumentHelp("Give up waiting for an answer after this many seconds.", valueName: "seconds"))
    var timeout: Int = 30

    func validate() throws {
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be from 1 to 600 seconds.") }
    }

    /// The client, with the key found the usual way, and warnings about that key.
    func makeClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError)
        -> (client: JetEmailClient, maskedKey: String, warnings: [String]) {
        let resolved = try APIKeyResolver(keyFile: apiKeyFile, profile: profile, environment: environment).resolve()
        return (try makeClient(key: resolved.key, environment: environment), resolved.key.masked, resolved.warnings)
    }

    /// The client for a key given directly (typed at the form's prompt).
    func makeClient(key: APIKey, environment: [String: String]) throws(ConfigurationError) -> JetEmailClient {
        let base = try BaseURL.resolve(flag: baseURL, environment: environment)
        let proxy = try ProxySettings.forTarget(base, environment: environment)
        let transport = try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: timeout, caFile: caFile, proxy: proxy))
        return JetEmailClient(baseURL: base, key: key, transport: transport)
    }
}
