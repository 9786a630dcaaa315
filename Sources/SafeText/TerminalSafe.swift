/// Text from a server, a file or a paste, made safe to print on a terminal: control characters
/// (C0, DEL, C1) and the bidirectional overrides that reorder what is shown are written as
/// escapes (`\x1b`, `\u009b`), so nothing received can move the cursor, set the title, write
/// the clipboard or disguise itself. Printable text, non-ASCII letters included, is unchanged.
public enum TerminalSafe {
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLineBreaks) else { out.append(scalar); continue }
            let v = scalar.value
            let escape = v < 0x80 ? "\\x" + hex(v, digits: 2) : "\\u" + hex(v, digits: 4)
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// At most `limit` characters of `text`, escaped, with `…` when cut: for server messages,
    /// which may be of any length.
    public static func excerpt(_ text: String, limit: Int = 300) -> String {
        var head = ""
        var count = 0
        for c in text {
            if count == limit { return escaped(head) + "…" }
            head.append(c)
            count += 1
        }
        return escaped(head)
    }

    /// How a character shows on a terminal that must not act on it: nil when it shows as itself,
    /// else its escape (`\x1b`, `\u202e`), every scalar of it written out.
    @inlinable
    public static func visible(_ c: Character) -> String? {
        guard let first = c.unicodeScalars.first, needsEscape(first, false) else { return nil }
        return slowEscape(c)
    }

    @usableFromInline
    static func slowEscape(_ c: Character) -> String { escaped(String(c)) }

    @inlinable
    static func needsEscape(_ s: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        switch s.value {
        case 0x0A: !keepingLineBreaks
        case 0x00..<0x20, 0x7F...0x9F: true
        // Bidirectional embeddings, overrides and isolates; line and paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
