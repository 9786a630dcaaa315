/// The proxy to use for a target, from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` (either case),
/// as curl reads them. Loopback targets never go through a proxy.
public struct ProxySettings: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case http, socks }
    public var kind: Kind
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?

    public static func forTarget(_ base: BaseURL, environment env: [String: String]) throws(ConfigurationError) -> ProxySettings? {
        try forTarget(scheme: base.scheme, host: base.host, isLoopback: base.isLoopback, environment: env)
    }

    public static func forTarget(scheme: String, host: String, isLoopback: Bool, environment env: [String: String]) throws(ConfigurationError) -> ProxySettings? {
        func value(_ name: String) -> String? {
            (env[name.lowercased()] ?? env[name.uppercased()]).flatMap { $0.isEmpty ? nil : $0 }
        }
        if isLoopback { return nil }
        func named(_ name: String) -> (String, String)? {
            if let v = env[name.lowercased()], !v.isEmpty { return (name.lowercased(), v) }
            if let v = env[name.uppercased()], !v.isEmpty { return (name.uppercased(), v) }
            return nil
        }
        let found = scheme == "https" ? named("https_proxy") ?? named("all_proxy") : named("http_proxy") ?? named("all_proxy")
        guard let (variable, raw) = found else { return nil }
        if let noProxy = value("no_proxy"), bypasses(host: host, noProxy: noProxy) { return nil }
        do { return try parse(raw) } catch {
            // Said as the proxy's, by its variable, with its password masked.
            if case .baseURLInvalid(_, let reason) = error { throw .proxyInvalid(variable: variable, shown: raw, reason: reason) }
            throw error
        }
    }

    static func bypasses(host: String, noProxy: String) -> Bool {
        let h = host.lowercased()
        for entry in noProxy.split(whereSeparator: { $0 == "," || $0 == " " }) {
            var e = entry.lowercased()
            if e == "*" { return true }
            if let colon = e.lastIndex(of: ":"), !e.hasPrefix("[") { e = String(e[..<colon]) }
            if e.hasPrefix("*") { e.removeFirst() }
            if e.hasPrefix(".") { e.removeFirst() }
            if h == e || h.hasSuffix("." + e) { return true }
        }
        return false
    }

    static func parse(_ raw: String) throws(ConfigurationError) -> ProxySettings {
        var rest = Substring(raw)
        var kind = Kind.http
        if let range = rest.firstRange(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            switch scheme {
            case "http": kind = .http
            case "socks5", "socks5h", "socks": kind = .socks
            default: throw .baseURLInvalid(raw, reason: "proxy scheme '\(scheme)' is not supported (use http:// or socks5://)")
            }
            rest = rest[range.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var username: String?, password: String?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            if let colon = info.firstIndex(of: ":") {
                username = String(info[..<colon]); password = String(info[info.index(after: colon)...])
            } else { username = String(info) }
            rest = rest[rest.index(after: at)...]
        }
        var host = String(rest)
        var port = kind == .socks ? 1080 : 80
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("]") {
            guard let p = Int(rest[rest.index(after: colon)...]), (1...65535).contains(p) else {
                throw .baseURLInvalid(raw, reason: "the proxy's port is not a number from 1 to 65535")
            }
            port = p
            host = String(rest[..<colon])
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .baseURLInvalid(raw, reason: "the proxy has no host") }
        return ProxySettings(kind: kind, host: host, port: port, username: username, password: password)
    }
}
