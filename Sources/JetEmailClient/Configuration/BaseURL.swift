/// The API's base URL: `--base-url`, else `JETEMAIL_BASE_URL`, else production.
/// Plain http is refused unless the host is this machine, so a key never crosses a network unencrypted.
public struct BaseURL: Sendable, Equatable, CustomStringConvertible {
    public static let production = "https://api.jetemail.com"

    public let scheme: String
    public let host: String
    public let port: Int?
    /// Without a trailing slash; "" for none.
    public let path: String

    public init(_ text: String) throws(ConfigurationError) {
        let parsed: ParsedURL
        do { parsed = try ParsedURL.parse(text) } catch { throw .baseURLInvalid(text, reason: error.message) }
        if text.contains("?") || text.contains("#") { throw .baseURLInvalid(text, reason: "it must not have a query or fragment") }
        if parsed.userinfo != nil { throw .baseURLInvalid(text, reason: "it must not contain credentials") }
        scheme = parsed.scheme
        host = parsed.host
        port = parsed.port
        let afterScheme = text.dropFirst(scheme.count + 3)
        var p = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? ""
        while p.hasSuffix("/") { p.removeLast() }
        path = p
        if scheme == "http" && !isLoopback {
            throw .baseURLInvalid(text, reason: "plain http is only allowed to this machine (127.0.0.1, ::1, localhost); use https")
        }
    }

    public static func resolve(flag: String?, environment: [String: String]) throws(ConfigurationError) -> BaseURL {
        let text = flag ?? environment["JETEMAIL_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? production
        return try BaseURL(text)
    }

    public var isLoopback: Bool { Self.isLoopback(host: host) }

    /// 127.0.0.0/8, [::1] or localhost: this machine.
    public static func isLoopback(host: String) -> Bool {
        if host == "localhost" { return true }
        if let v4 = IPv4.parse(host) { return v4[0] == 127 }
        return host == "[::1]"
    }

    public var description: String { "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")\(path)" }

    /// The full URL of an API path such as `/webhooks`.
    public func url(_ apiPath: String) -> String { description + apiPath }
}
