/// A small JSON writer that keeps object keys in the order given, so request bodies read in
/// schema order (Foundation's encoder does not promise an order).
enum JSONText {
    case string(String), number(Int), array([JSONText]), object([(String, JSONText)]), null

    func rendered(pretty: Bool, indent: Int = 0) -> String {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let close = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
        let open = pretty ? "\n" : ""
        let comma = pretty ? ",\n" : ","
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let n): return String(n)
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + open + items.map { pad + $0.rendered(pretty: pretty, indent: indent + 1) }.joined(separator: comma) + close + "]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            let colon = pretty ? ": " : ":"
            return "{" + open + fields.map { pad + Self.quote($0.0) + colon + $0.1.rendered(pretty: pretty, indent: indent + 1) }
                .joined(separator: comma) + close + "}"
        }
    }

    /// A JSON string literal per RFC 8259: quote, backslash and control characters escaped.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension JSONText {
    /// The same value, unordered, for code that reads JSON as `JSONValue`.
    var value: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .number(let n): .number(Double(n))
        case .null: .null
        case .array(let items): .array(items.map(\.value))
        case .object(let fields): .object(Dictionary(fields.map { ($0.0, $0.1.value) }, uniquingKeysWith: { _, last in last }))
        }
    }
}

/// JSON's quoting of a string, for showing JSON as it would be written.
public enum JSONQuote {
    public static func quoted(_ s: String) -> String { JSONText.quote(s) }
}
