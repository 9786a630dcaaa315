import JetEmailClient

/// A JSON value as indented lines, keys sorted, every string escaped for the terminal.
enum JSONPretty {
    static func lines(_ value: JSONValue) -> [String] {
        var out: [String] = []
        render(value, indent: "", prefix: "", suffix: "", into: &out)
        return out
    }

    private static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): value.integer.map(String.init) ?? String(n)
        case .string(let s): TerminalSafe.escaped(JSONQuote.quoted(s))
        case .array(let a) where a.isEmpty: "[]"
        case .object(let o) where o.isEmpty: "{}"
        default: nil
        }
    }

    private static func render(_ value: JSONValue, indent: String, prefix: String, suffix: String, into out: inout [String]) {
        if let text = scalar(value) { out.append(indent + prefix + text + suffix); return }
        switch value {
        case .array(let items):
            out.append(indent + prefix + "[")
            for (i, item) in items.enumerated() {
                render(item, indent: indent + "  ", prefix: "", suffix: i == items.count - 1 ? "" : ",", into: &out)
            }
            out.append(indent + "]" + suffix)
        case .object(let fields):
            out.append(indent + prefix + "{")
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                render(fields[key]!, indent: indent + "  ", prefix: TerminalSafe.escaped(JSONQuote.quoted(key)) + ": ",
                       suffix: i == keys.count - 1 ? "" : ",", into: &out)
            }
            out.append(indent + "}" + suffix)
        default: break
        }
    }
}
