/// A webhook's URL on screen. In a list, what tells receivers apart, the host and the start of
/// the path, and never the query or fragment (often a credential: `?token=…`); in details,
/// the whole URL with the values of secret-looking query parameters (and a password in it)
/// masked until the person asks to see them. JSON output is never changed.
public enum URLDisplay {
    /// Query parameter names that suggest a secret (matched inside the name, any case).
    public static let secretWords = ["token", "key", "secret", "sig", "auth", "password", "passwd", "pwd"]
    public static let mask = "****"

    struct Parts {
        var scheme: String?
        var user: String?
        var password: String?
        var host: String
        var path: String
        var query: String?
        var fragment: String?
    }

    static func parts(_ url: String) -> Parts {
        var rest = Substring(url)
        var scheme: String?
        if let range = rest.firstRange(of: "://") {
            scheme = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") { fragment = String(rest[rest.index(after: hash)...]); rest = rest[..<hash] }
        var query: String?
        if let mark = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: mark)...]); rest = rest[..<mark] }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        let path = String(rest[slash...])
        var user: String?, password: String?
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            if let colon = info.firstIndex(of: ":") { user = String(info[..<colon]); password = String(info[info.index(after: colon)...]) } else { user = String(info) }
            authority = authority[authority.index(after: at)...]
        }
        return Parts(scheme: scheme, user: user, password: password, host: String(authority), path: path, query: query, fragment: fragment)
    }

    /// `hooks.example.com/orders/webhook…`: the host and path (with `http://` kept, since plain
    /// http is worth seeing), no credentials, and `…` where a query or fragment was left out.
    public static func listForm(_ url: String) -> String {
        let p = parts(url)
        let scheme = p.scheme.map { $0.lowercased() == "https" ? "" : $0 + "://" } ?? ""
        let more = p.query != nil || p.fragment != nil
        return scheme + p.host + (p.path == "/" && more ? "" : p.path) + (more ? "…" : "")
    }

    /// Whether `masked` hides anything.
    public static func hasSecrets(_ url: String) -> Bool { masked(url) != url }

    /// The whole URL with secret-looking query values and a password masked.
    public static func masked(_ url: String) -> String {
        var p = parts(url)
        guard p.password != nil || p.query != nil else { return url }
        if p.password != nil { p.password = mask }
        if let query = p.query {
            p.query = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
                let name = pair[..<equals].lowercased()
                return secretWords.contains(where: { name.contains($0) }) ? pair[..<equals] + "=" + mask : String(pair)
            }.joined(separator: "&")
        }
        var out = p.scheme.map { $0 + "://" } ?? ""
        if let user = p.user { out += user + (p.password.map { ":" + $0 } ?? "") + "@" }
        out += p.host + p.path
        if let query = p.query { out += "?" + query }
        if let fragment = p.fragment { out += "#" + fragment }
        return out
    }
}
