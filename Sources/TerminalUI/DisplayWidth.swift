import SafeText

/// Terminal columns a character takes: 2 for East Asian wide and emoji, else 1. A control
/// character or bidirectional override takes the width of the escape the grid shows for it
/// (`\x1b`: 4), since nothing on screen ever shows one raw.
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return TerminalSafe.visible(c)?.unicodeScalars.count ?? 0 }
        // Nothing below U+1100 is wide or emoji: most text needs no Unicode property lookup.
        if v < 0x1100 { return 1 }
        if (0x2028...0x206F).contains(v), let escape = TerminalSafe.visible(c) { return escape.unicodeScalars.count }
        if first.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    /// The width of `s`, or of as much of it as shows it is wider than `limit`: reads at most
    /// `limit + 1` characters, so a huge text costs no more than a screen's worth.
    public static func of(_ s: String, upTo limit: Int) -> Int {
        var used = 0
        for c in s {
            used += of(c)
            if used > limit { return used }
        }
        return used
    }

    /// The longest prefix of `s` that fits in `width` columns, with "…" when cut. Reads no
    /// further than the cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        var cut: (text: String, width: Int)?
        for c in s {
            let w = of(c)
            if cut == nil, used + w > width - 1 { cut = (out, used) }
            if used + w > width { return (cut?.text ?? out) + "…" }
            out.append(c)
            used += w
        }
        return out
    }

    /// Long text cut in the middle, keeping the start (host) and the end (path): `https://ho…/hook`.
    public static func middle(_ text: String, width: Int) -> String {
        guard of(text, upTo: width + 1) > width, width > 3 else { return text }
        let chars = Array(text)
        let tail = (width - 1) / 2
        let head = width - 1 - tail
        var start = ""
        var used = 0
        for c in chars { let w = of(c); if used + w > head { break }; start.append(c); used += w }
        var end: [Character] = []
        used = 0
        for c in chars.reversed() { let w = of(c); if used + w > tail { break }; end.insert(c, at: 0); used += w }
        return start + "…" + String(end)
    }
}
