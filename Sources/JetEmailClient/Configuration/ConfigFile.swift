/// The official `jetemail` CLI's config file: TOML with `current_profile = "name"` and
/// `[profiles.name]` tables holding `api_key = "api_..."`. Only that subset is read:
/// tables, string values (basic and literal), comments. Other values are skipped.
public struct ConfigFile: Sendable, Equatable {
    public var currentProfile: String?
    /// profile name -> key -> string value
    public var profiles: [String: [String: String]]

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> ConfigFile {
        var file = ConfigFile(currentProfile: nil, profiles: [:])
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = Substring(rawLine)
            line = line.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard !line.hasPrefix("[["), let close = line.lastIndex(of: "]") else {
                    // Arrays of tables are not part of the format; skip them.
                    table = ["<skipped>"]; continue
                }
                table = try keyPath(line[line.index(after: line.startIndex)..<close], line: lineNumber)
                continue
            }
            guard let eq = findEquals(line) else { throw ParseError(line: lineNumber, reason: "expected key = value") }
            let keys = try keyPath(line[..<eq], line: lineNumber)
            let valueText = line[line.index(after: eq)...].drop(while: { $0 == " " || $0 == "\t" })
            guard let value = try stringValue(valueText, line: lineNumber) else { continue }
            let full = table + keys
            if full == ["current_profile"] {
                file.currentProfile = value
            } else if full.count == 3, full[0] == "profiles" {
                file.profiles[full[1], default: [:]][full[2]] = value
            }
        }
        return file
    }

    /// The API key of a profile: the one named, else `current_profile`, else `default`.
    public func apiKey(profile: String?) -> (profile: String, key: String)? {
        let name = profile ?? currentProfile ?? "default"
        guard let key = profiles[name]?["api_key"] else { return nil }
        return (name, key)
    }

    private static func findEquals(_ line: Substring) -> Substring.Index? {
        var quote: Character?
        for i in line.indices {
            let c = line[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "=" { return i }
        }
        return nil
    }

    /// `a.b."c d"` -> ["a", "b", "c d"]
    private static func keyPath(_ text: Substring, line: Int) throws(ParseError) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var quoted = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c; quoted = true
            } else if c == "." {
                parts.append(current.trimmingWhitespace()); current = ""; quoted = false
            } else {
                current.append(c)
            }
        }
        if quote != nil { throw ParseError(line: line, reason: "unterminated quoted key") }
        let last = quoted ? current : current.trimmingWhitespace()
        parts.append(last)
        if parts.contains(where: \.isEmpty) { throw ParseError(line: line, reason: "empty key") }
        return parts
    }

    /// A basic or literal string (nil for other kinds of value, which are skipped).
    private static func stringValue(_ text: Substring, line: Int) throws(ParseError) -> String? {
        guard let first = text.first else { throw ParseError(line: line, reason: "missing value") }
        if first == "'" {
            let body = text.dropFirst()
            guard let end = body.firstIndex(of: "'") else { throw ParseError(line: line, reason: "unterminated string") }
            return String(body[..<end])
        }
        guard first == "\"" else { return nil }
        var out = ""
        var escaped = false
        for c in text.dropFirst() {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                return out
            } else {
                out.append(c)
            }
        }
        throw ParseError(line: line, reason: "unterminated string")
    }
}
