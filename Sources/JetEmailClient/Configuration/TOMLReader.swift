/// A reader of TOML 1.0 documents that hands every key/value pair, with its full dotted path,
/// to a callback. Strings are decoded (basic, literal, multi-line, every escape); other values
/// (numbers, booleans, dates, arrays, inline tables) are checked for shape and reported as
/// `.other`. Errors carry the line. Written here rather than taken from TOMLKit, which would
/// bring a C++ TOML library into every build for the one key this program reads.
enum TOMLReader {
    /// A string (decoded), a bare scalar as written (a number, a boolean, a date), an array of
    /// strings (decoded), or anything else.
    enum Value: Equatable { case string(String), scalar(String), strings([String]), other }

    typealias Visit = ([String], Value, Int) throws(ConfigFile.ParseError) -> Void
    /// A table header: its path, whether it is an array of tables' entry (`[[…]]`), its line.
    typealias HeaderVisit = ([String], Bool, Int) throws(ConfigFile.ParseError) -> Void

    static func read(_ text: String, header: HeaderVisit? = nil, _ visit: Visit) throws(ConfigFile.ParseError) {
        var scanner = Scanner(Array(text.unicodeScalars))
        if scanner.peek == "\u{FEFF}" { scanner.i += 1 }
        var table: [String] = []
        while true {
            scanner.skipBlank()
            guard let c = scanner.peek else { return }
            if c == "#" || c == "\n" || c == "\r" { try scanner.endOfLine(); continue }
            let line = scanner.line
            if c == "[" {
                scanner.i += 1
                let isArray = scanner.peek == "["
                if isArray { scanner.i += 1 }
                scanner.skipBlank()
                let path = try scanner.key()
                scanner.skipBlank()
                try scanner.expect("]", "a table header must end with ]")
                if isArray { try scanner.expect("]", "an array-of-tables header must end with ]]") }
                // Entries of an array of tables are not profiles: keep them apart.
                table = isArray ? path + ["[]"] : path
                try header?(path, isArray, line)
                try scanner.endOfLine()
                continue
            }
            let path = try scanner.key()
            scanner.skipBlank()
            try scanner.expect("=", "expected key = value")
            scanner.skipBlank()
            let value = try scanner.value()
            try visit(table + path, value, line)
            try scanner.endOfLine()
        }
    }

    struct Scanner {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        /// Arrays and inline tables open around the value being read: bounded, since each is a
        /// call deeper (a file of 100,000 `[` would otherwise overflow the stack).
        var depth = 0
        static let deepest = 64

        init(_ s: [Unicode.Scalar]) { self.s = s }

        var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

        func fail(_ reason: String) -> ConfigFile.ParseError { ConfigFile.ParseError(line: line, reason: reason) }

        mutating func skipBlank() { while peek == " " || peek == "\t" { i += 1 } }

        mutating func expect(_ c: Unicode.Scalar, _ reason: String) throws(ConfigFile.ParseError) {
            guard peek == c else { throw fail(reason) }
            i += 1
        }

        /// Blanks, a comment, then a line break or the end.
        mutating func endOfLine() throws(ConfigFile.ParseError) {
            skipBlank()
            if peek == "#" {
                while let c = peek, c != "\n", c != "\r" {
                    if isControl(c) && c != "\t" { throw fail("control character in a comment") }
                    i += 1
                }
            }
            guard let c = peek else { return }
            try newline(c, or: "unexpected text after the value")
        }

        mutating func newline(_ c: Unicode.Scalar, or reason: String) throws(ConfigFile.ParseError) {
            if c == "\r" {
                guard i + 1 < s.count, s[i + 1] == "\n" else { throw fail("a carriage return not followed by a line feed") }
                i += 2
            } else if c == "\n" {
                i += 1
            } else {
                throw fail(reason)
            }
            line += 1
        }

        /// `a.b."c d".'e'`
        mutating func key() throws(ConfigFile.ParseError) -> [String] {
            var parts: [String] = []
            while true {
                skipBlank()
                switch peek {
                case "\""?: parts.append(try basicString())
                case "'"?: parts.append(try literalString())
                default:
                    var bare = ""
                    while let c = peek, isBareKey(c) { bare.unicodeScalars.append(c); i += 1 }
                    guard !bare.isEmpty else { throw fail(peek == "=" ? "missing key before =" : "expected a key") }
                    parts.append(bare)
                }
                skipBlank()
                guard peek == "." else { return parts }
                i += 1
            }
        }

        mutating func value() throws(ConfigFile.ParseError) -> Value {
            switch peek {
            case nil, "\n"?, "\r"?, "#"?: throw fail("missing value")
            case "\""?:
                return .string(starts(with: "\"\"\"") ? try multiline("\"", escapes: true) : try basicString())
            case "'"?:
                return .string(starts(with: "'''") ? try multiline("'", escapes: false) : try literalString())
            case "["?:
                return try array()
            case "{"?:
                try inlineTable()
                return .other
            default:
                return .scalar(try scalar())
            }
        }

        func starts(with text: String) -> Bool {
            let t = Array(text.unicodeScalars)
            return i + t.count <= s.count && Array(s[i..<i + t.count]) == t
        }

        mutating func basicString() throws(ConfigFile.ParseError) -> String {
            i += 1
            var out = ""
            while true {
                guard let c = peek, c != "\n", c != "\r" else { throw fail("unterminated string") }
                i += 1
                if c == "\"" { return out }
                if c == "\\" { out.unicodeScalars.append(try escape()); continue }
                if isControl(c) && c != "\t" { throw fail("control character in a string") }
                out.unicodeScalars.append(c)
            }
        }

        /// `"""…"""` (with escapes) or `'''…'''` (without), over several lines.
        mutating func multiline(_ quote: Unicode.Scalar, escapes: Bool) throws(ConfigFile.ParseError) -> String {
            let delimiter = String(repeating: String(quote), count: 3)
            i += 3
            try trimFirstNewline()
            var out = ""
            while true {
                guard let c = peek else { throw fail("unterminated multi-line string") }
                if starts(with: delimiter) {
                    i += 3
                    // Up to two quotes may stand right before the closing three.
                    for _ in 0..<2 where peek == quote { out.unicodeScalars.append(quote); i += 1 }
                    return out
                }
                if escapes, c == "\\" {
                    i += 1
                    // A backslash at the end of a line joins it to the next, without white space.
                    var j = i
                    while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
                    if j < s.count, s[j] == "\n" || s[j] == "\r" {
                        i = j
                        while let w = peek, w == " " || w == "\t" || w == "\n" || w == "\r" {
                            if w == "\n" || w == "\r" { try newline(w, or: "") } else { i += 1 }
                        }
                        continue
                    }
                    out.unicodeScalars.append(try escape())
                    continue
                }
                if c == "\n" || c == "\r" { try newline(c, or: ""); out.append("\n"); continue }
                if isControl(c) && c != "\t" { throw fail("control character in a string") }
                out.unicodeScalars.append(c)
                i += 1
            }
        }

        mutating func literalString() throws(ConfigFile.ParseError) -> String {
            i += 1
            var out = ""
            while true {
                guard let c = peek, c != "\n", c != "\r" else { throw fail("unterminated string") }
                i += 1
                if c == "'" { return out }
                if isControl(c) && c != "\t" { throw fail("control character in a string") }
                out.unicodeScalars.append(c)
            }
        }

        mutating func trimFirstNewline() throws(ConfigFile.ParseError) {
            if let c = peek, c == "\n" || c == "\r" { try newline(c, or: "") }
        }

        /// After a backslash: `\n`, `\u00e9`, `\U0001F600`, and the rest of TOML's escapes.
        mutating func escape() throws(ConfigFile.ParseError) -> Unicode.Scalar {
            guard let c = peek else { throw fail("unterminated string") }
            i += 1
            switch c {
            case "b": return "\u{08}"
            case "t": return "\t"
            case "n": return "\n"
            case "f": return "\u{0C}"
            case "r": return "\r"
            case "e": return "\u{1B}"
            case "\"": return "\""
            case "\\": return "\\"
            case "u", "U":
                let count = c == "u" ? 4 : 8
                guard i + count <= s.count else { throw fail("\\\(c) needs \(count) hex digits") }
                let digits = String(String.UnicodeScalarView(s[i..<i + count]))
                guard let value = UInt32(digits, radix: 16), digits.allSatisfy(\.isHexDigit), let scalar = Unicode.Scalar(value) else {
                    throw fail("\\\(c)\(digits) is not a Unicode scalar")
                }
                i += count
                return scalar
            default:
                throw fail("unknown escape \\\(c)")
            }
        }

        /// `[ value, value, ]`, over as many lines as it likes, with comments: its strings when
        /// every element is one.
        mutating func array() throws(ConfigFile.ParseError) -> Value {
            try enter()
            defer { depth -= 1 }
            i += 1
            var strings: [String]? = []
            while true {
                try skipBlankLinesAndComments()
                if peek == "]" { i += 1; break }
                if case .string(let text) = try value() { strings?.append(text) } else { strings = nil }
                try skipBlankLinesAndComments()
                if peek == "," { i += 1; continue }
                try expect("]", "expected , or ] in an array")
                break
            }
            return strings.map(Value.strings) ?? .other
        }

        mutating func enter() throws(ConfigFile.ParseError) {
            depth += 1
            if depth > Self.deepest { throw fail("arrays or inline tables nested more than \(Self.deepest) deep") }
        }

        mutating func skipBlankLinesAndComments() throws(ConfigFile.ParseError) {
            while let c = peek {
                if c == " " || c == "\t" { i += 1 } else if c == "\n" || c == "\r" { try newline(c, or: "") } else if c == "#" {
                    while let d = peek, d != "\n", d != "\r" { i += 1 }
                } else { return }
            }
        }

        /// `{ key = value, ... }` on one line.
        mutating func inlineTable() throws(ConfigFile.ParseError) {
            try enter()
            defer { depth -= 1 }
            i += 1
            skipBlank()
            if peek == "}" { i += 1; return }
            while true {
                _ = try key()
                skipBlank()
                try expect("=", "expected key = value in an inline table")
                skipBlank()
                _ = try value()
                skipBlank()
                if peek == "," { i += 1; skipBlank(); continue }
                try expect("}", "expected , or } in an inline table")
                return
            }
        }

        /// A number, boolean or date: checked loosely for shape.
        mutating func scalar() throws(ConfigFile.ParseError) -> String {
            var token = ""
            while let c = peek, isScalarCharacter(c) || (c == " " && looksLikeDate(token) && nextIsDigit) {
                token.unicodeScalars.append(c)
                i += 1
            }
            guard !token.isEmpty else { throw fail("a value must be a string in quotes, a number, true, false, a date, [ or {") }
            let first = token.unicodeScalars.first!
            let known = token == "true" || token == "false" || ["inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(token)
                || ("0"..."9").contains(first) || first == "+" || first == "-"
            guard known else { throw fail("'\(token)' is not a TOML value (strings need quotes)") }
            return token
        }

        var nextIsDigit: Bool { i + 1 < s.count && ("0"..."9").contains(s[i + 1]) }

        func looksLikeDate(_ token: String) -> Bool {
            let u = Array(token.unicodeScalars)
            return u.count == 10 && u[4] == "-" && u[7] == "-"
        }

        func isScalarCharacter(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "+-._:".unicodeScalars.contains(c)
        }

        func isBareKey(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }

        func isControl(_ c: Unicode.Scalar) -> Bool { c.value < 0x20 || c.value == 0x7F }
    }
}
