/// A strict RFC 8259 parser straight to `JSONValue`. Decoding `JSONValue` through `Codable` tries
/// each type in turn and throws on every miss: 1.6 s for a list of 10,000 webhooks (3.5 MB).
/// This reads each byte once. Nesting deeper than `maxDepth` and invalid UTF-8 are refused.
/// `lenient` parsing (a page of the log, where one odd event must not hide the others) takes
/// valid JSON it cannot hold, nesting too deep or a number out of Double's range, as
/// `.unreadable(why)` in place of that value, and reads on.
enum JSONParser {
    static let maxDepth = 512

    static func parse(_ bytes: [UInt8], lenient: Bool = false) -> JSONValue? {
        var parser = Cursor(bytes: bytes, lenient: lenient)
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.index == bytes.count ? value : nil
    }

    /// A list of objects, bare or under one of `keys` of the top-level object, each converted as
    /// soon as it is read, so that the whole tree of a long list never exists at once (10,000
    /// webhooks: 42 MiB peak with the tree). Nil when the answer has another shape.
    static func objects<T>(in bytes: [UInt8], underAnyOf keys: Set<String>, _ convert: ([String: JSONValue]) -> T) -> [T]? {
        var parser = Cursor(bytes: bytes)
        parser.skipSpace()
        guard parser.index < bytes.count else { return nil }
        var found: [T]?
        if bytes[parser.index] == UInt8(ascii: "[") {
            found = parser.objectArray(convert)
        } else if bytes[parser.index] == UInt8(ascii: "{") {
            parser.index += 1
            parser.skipSpace()
            if parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "}") { return nil }
            while true {
                parser.skipSpace()
                guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "\""), let key = parser.string() else { return nil }
                parser.skipSpace()
                guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: ":") else { return nil }
                parser.index += 1
                parser.skipSpace()
                if found == nil, keys.contains(key), parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "[") {
                    guard let list = parser.objectArray(convert) else { return nil }
                    found = list
                } else if parser.value(depth: 1) == nil {
                    return nil
                }
                parser.skipSpace()
                guard parser.index < bytes.count else { return nil }
                if bytes[parser.index] == UInt8(ascii: ",") { parser.index += 1; continue }
                if bytes[parser.index] == UInt8(ascii: "}") { parser.index += 1; break }
                return nil
            }
        }
        parser.skipSpace()
        return parser.index == bytes.count ? found : nil
    }

    private struct Cursor {
        /// At `[`: an array whose every element is an object, converted one by one.
        mutating func objectArray<T>(_ convert: ([String: JSONValue]) -> T) -> [T]? {
            index += 1
            var out: [T] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return out }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), case .object(let fields)? = object(depth: 1) else { return nil }
                out.append(convert(fields))
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return out }
                return nil
            }
        }

        let bytes: [UInt8]
        var lenient = false
        var index = 0

        init(bytes: [UInt8], lenient: Bool = false) {
            self.bytes = bytes
            self.lenient = lenient
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) -> JSONValue? {
            skipSpace()
            guard index < bytes.count else { return nil }
            if depth >= JSONParser.maxDepth, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") {
                guard lenient, skipContainer() else { return nil }
                return .unreadable("nested deeper than \(JSONParser.maxDepth) levels")
            }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else { return nil }
            index += utf8.count
            return value
        }

        mutating func object(depth: Int) -> JSONValue? {
            index += 1
            var fields: [String: JSONValue] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let value = value(depth: depth + 1) else { return nil }
                fields[key] = value
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
                return nil
            }
        }

        mutating func array(depth: Int) -> JSONValue? {
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                return nil
            }
        }

        /// At the opening quote; returns the text, escapes resolved.
        mutating func string() -> String? {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    // Invalid UTF-8 is refused, as JSON requires.
                    return String(validating: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var code = hex4() else { return nil }
                        if (0xD800...0xDBFF).contains(code) {
                            // A high surrogate must be followed by an escaped low one.
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                            index += 2
                            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { return nil }
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default: return nil
                    }
                default:
                    guard byte >= 0x20 else { return nil }  // control characters must be escaped
                    out.append(byte)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                value <<= 4
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value |= UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value |= UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): value |= UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
            }
            index += 4
            return value
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() -> JSONValue? {
            let start = index
            func digits() -> Int {
                let from = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - from
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return nil }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return nil }
            }
            guard let text = String(validating: bytes[start..<index], as: UTF8.self), let number = Double(text) else { return nil }
            guard number.isFinite else { return lenient ? .unreadable("a number out of range (\(TerminalSafe.excerpt(text, limit: 20)))") : nil }
            return .number(number)
        }

        /// At `{` or `[`: moves past the matching bracket without building anything, in one loop
        /// (no recursion, however deep). Strings are stepped over with their escapes; false when
        /// the text ends first or the brackets do not match.
        mutating func skipContainer() -> Bool {
            var open: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["): open.append(byte)
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard let last = open.popLast(), (last == UInt8(ascii: "{")) == (byte == UInt8(ascii: "}")) else { return false }
                    if open.isEmpty { return true }
                case UInt8(ascii: "\""):
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    guard index < bytes.count else { return false }
                    index += 1
                default: break
                }
            }
            return false
        }
    }
}
