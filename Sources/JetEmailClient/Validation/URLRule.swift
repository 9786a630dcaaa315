/// `url`: required, an absolute http or https URI (RFC 3986) with a host, no whitespace and
/// a port from 1 to 65535. Warns about plain http and about hosts JetEmail cannot reach.
public enum URLRule {
    public static func check(_ url: String) -> [ValidationProblem] {
        func error(_ m: String) -> [ValidationProblem] { [.init(.url, .error, m)] }
        if url.isEmpty { return error("URL is required, for example https://example.com/webhook.") }
        let whitespace = url.unicodeScalars.filter { ECMAWhitespace.contains($0) || $0.properties.isWhitespace }
        if !whitespace.isEmpty {
            return error("URL must not contain whitespace; remove \(CharacterName.list(whitespace)) (spaces can be written %20).")
        }
        let parts: ParsedURL
        do { parts = try ParsedURL.parse(url) } catch let problem { return error(problem.message) }
        var problems: [ValidationProblem] = []
        if parts.scheme == "http" {
            problems.append(.init(.url, .warning, "Plain http: deliveries and their signatures travel unencrypted; use https if the endpoint supports it."))
        }
        if let reason = HostReachability.unreachableReason(parts.host) {
            problems.append(.init(.url, .warning, "\(reason); JetEmail's servers cannot deliver there."))
        }
        if parts.userinfo != nil {
            problems.append(.init(.url, .warning, "URL contains credentials (user@ or user:password@); they are stored with the webhook in plain text."))
        }
        return problems
    }
}

/// The parts of an absolute http(s) URL that validation needs, parsed per RFC 3986.
struct ParsedURL: Equatable {
    var scheme: String
    var userinfo: String?
    var host: String
    var port: Int?

    struct Problem: Error { var message: String }

    static func parse(_ text: String) throws(Problem) -> ParsedURL {
        let s = Array(text.unicodeScalars)
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        var i = 0
        while i < s.count, isSchemeChar(s[i], first: i == 0) { i += 1 }
        guard i > 0, i < s.count, s[i] == ":" else {
            let hint = text.contains(".") && !text.contains(":") ? " Did you mean https://\(text)?" : ""
            throw Problem(message: "Must start with https:// or http://.\(hint)")
        }
        let scheme = string(s[0..<i]).lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw Problem(message: "Scheme '\(scheme):' is not allowed; the URL must start with https:// or http://.")
        }
        i += 1
        guard i + 1 < s.count + 1, s.count >= i + 2, s[i] == "/", s[i + 1] == "/" else {
            throw Problem(message: "URL must name a host, as in \(scheme)://example.com/webhook.")
        }
        i += 2
        var end = i
        while end < s.count, !["/", "?", "#"].contains(s[end]) { end += 1 }
        var authority = Array(s[i..<end])
        let rest = Array(s[end...])

        var userinfo: String?
        if let at = authority.lastIndex(of: "@") {
            let info = Array(authority[..<at])
            if let bad = firstInvalid(info, allowing: ":") {
                throw Problem(message: "URL's user part contains \(CharacterName.describe(bad)), which must be percent-encoded.")
            }
            userinfo = string(info)
            authority = Array(authority[(at + 1)...])
        }

        var hostScalars: [Unicode.Scalar]
        var portText: String?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else {
                throw Problem(message: "URL's IPv6 address is missing its closing ']'.")
            }
            hostScalars = Array(authority[0...close])
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw Problem(message: "Unexpected text after the IPv6 address; expected ':port'.") }
                portText = string(after.dropFirst())
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostScalars = Array(authority[..<colon])
            portText = string(authority[(colon + 1)...])
        } else {
            hostScalars = authority
        }
        let host = string(hostScalars)
        if host.isEmpty { throw Problem(message: "URL has no host; write it as \(scheme)://example.com/webhook.") }
        if let problem = HostSyntax.problem(host) { throw Problem(message: problem) }

        var port: Int?
        if let portText, !portText.isEmpty {
            guard portText.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                throw Problem(message: "Port '\(portText)' is not a number.")
            }
            guard portText.count <= 5, let n = Int(portText), (1...65535).contains(n) else {
                throw Problem(message: "Port \(portText) is out of range; ports go from 1 to 65535.")
            }
            port = n
        }

        if let problem = restProblem(rest) { throw Problem(message: problem) }
        return ParsedURL(scheme: scheme, userinfo: userinfo, host: host.lowercased(), port: port)
    }

    /// A string of the scalars, appended one by one. `String.UnicodeScalarView`'s own initialiser is
    /// generic code in the standard library, which looks up the collection's conformances at run time:
    /// a scan of every conformance in the binary, on the way to the form's first frame.
    private static func string<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(scalar) }
        return String(view)
    }

    private static func isSchemeChar(_ c: Unicode.Scalar, first: Bool) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z": return true
        case "0"..."9", "+", "-", ".": return !first
        default: return false
        }
    }

    static func isUnreserved(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~": return true
        default: return false
        }
    }

    static func isSubDelim(_ c: Unicode.Scalar) -> Bool { "!$&'()*+,;=".unicodeScalars.contains(c) }

    private static func isHex(_ c: Unicode.Scalar) -> Bool {
        switch c { case "0"..."9", "a"..."f", "A"..."F": return true; default: return false }
    }

    /// The first character that is neither allowed nor part of a valid %HH escape.
    private static func firstInvalid(_ s: [Unicode.Scalar], allowing extra: String) -> Unicode.Scalar? {
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "%" {
                guard i + 2 < s.count, isHex(s[i + 1]), isHex(s[i + 2]) else { return c }
                i += 3; continue
            }
            if !(isUnreserved(c) || isSubDelim(c) || extra.unicodeScalars.contains(c)) { return c }
            i += 1
        }
        return nil
    }

    /// Path, query and fragment: pchar, "/" and "?"; one "#" starts the fragment.
    private static func restProblem(_ rest: [Unicode.Scalar]) -> String? {
        var bad: [Unicode.Scalar] = []
        var badPercent = false
        var inFragment = false
        var i = 0
        while i < rest.count {
            let c = rest[i]
            if c == "%" {
                if i + 2 < rest.count, isHex(rest[i + 1]), isHex(rest[i + 2]) { i += 3; continue }
                badPercent = true; i += 1; continue
            }
            if c == "#" && !inFragment { inFragment = true; i += 1; continue }
            if !(isUnreserved(c) || isSubDelim(c) || ":@/?".unicodeScalars.contains(c)) { bad.append(c) }
            i += 1
        }
        if !bad.isEmpty {
            return "URL contains \(CharacterName.list(bad)), which must be percent-encoded (for example a space is %20)."
        }
        if badPercent { return "URL has a '%' that is not followed by two hex digits; write a literal percent sign as %25." }
        return nil
    }
}

/// Host names, IPv4 and bracketed IPv6 literals, as an http(s) URL may carry them.
enum HostSyntax {
    static func problem(_ host: String) -> String? {
        if host.hasPrefix("[") { return IPv6Literal.isValid(host) ? nil : "'\(host)' is not a valid IPv6 address." }
        let nonASCII = host.unicodeScalars.filter { !$0.isASCII }
        if !nonASCII.isEmpty {
            return "Host '\(host)' has non-ASCII characters; write an international name in its xn-- (punycode) form."
        }
        let bad = host.unicodeScalars.filter { !(ParsedURL.isUnreserved($0) && $0 != "~") }
        if !bad.isEmpty { return "Host '\(host)' contains \(CharacterName.list(bad)), which a host name cannot have." }
        let trimmed = host.hasSuffix(".") ? String(host.dropLast()) : host
        let labels = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) { return "Host '\(host)' has an empty part between dots." }
        if let long = labels.first(where: { $0.count > 63 }) { return "Host label '\(long.prefix(20))…' is longer than 63 characters." }
        if trimmed.count > 253 { return "Host name is longer than 253 characters." }
        if labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) && IPv4.parse(trimmed) == nil {
            return "'\(host)' is not a valid IPv4 address."
        }
        return nil
    }
}

enum IPv4 {
    static func parse(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt8(p) else { return nil }
            out.append(n)
        }
        return out
    }
}

enum IPv6Literal {
    /// `[…]` with hex groups and colons, at most one `::`, optionally ending in IPv4.
    static func isValid(_ bracketed: String) -> Bool {
        guard bracketed.hasPrefix("["), bracketed.hasSuffix("]") else { return false }
        let body = String(bracketed.dropFirst().dropLast())
        return groups(body) != nil
    }

    /// The eight 16-bit groups, or nil when the text is not an IPv6 address.
    static func groups(_ text: String) -> [UInt16]? {
        var body = text
        // A trailing dotted IPv4 part stands for the last two groups.
        if let lastColon = body.lastIndex(of: ":"), body[body.index(after: lastColon)...].contains(".") {
            guard let v4 = IPv4.parse(String(body[body.index(after: lastColon)...])) else { return nil }
            let high = String(UInt16(v4[0]) << 8 | UInt16(v4[1]), radix: 16)
            let low = String(UInt16(v4[2]) << 8 | UInt16(v4[3]), radix: 16)
            body = String(body[...lastColon]) + high + ":" + low
        }
        let chars = Array(body)
        var doubleColon: Int?
        for i in 0..<max(0, chars.count - 1) where chars[i] == ":" && chars[i + 1] == ":" {
            if doubleColon != nil { return nil }
            doubleColon = i
        }
        func parseGroups(_ s: ArraySlice<Character>) -> [UInt16]? {
            if s.isEmpty { return [] }
            var out: [UInt16] = []
            for g in s.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(g.count), let v = UInt16(String(g), radix: 16) else { return nil }
                out.append(v)
            }
            return out
        }
        guard let dc = doubleColon else {
            guard let all = parseGroups(chars[...]), all.count == 8 else { return nil }
            return all
        }
        guard let head = parseGroups(chars[..<dc]), let back = parseGroups(chars[(dc + 2)...]) else { return nil }
        let missing = 8 - head.count - back.count
        guard missing >= 1 else { return nil }
        return head + Array(repeating: 0, count: missing) + back
    }
}
