/// What a terminal without UTF-8 shows for the box and symbol characters the screens use: a
/// stand-in of one column that keeps the meaning (the backend draws with it; golden frames
/// check it).
public enum ASCIIGlyph {
    public static func of(_ c: Character) -> String {
        switch c {
        case "┌", "┐", "└", "┘": return "+"
        case "─": return "-"
        case "│": return "|"
        case "•": return "*"
        // Enabled, disabled, "no filter": each keeps a meaning of its own ("*" is a mark).
        case "●": return "+"
        case "○": return "o"
        case "—": return "-"
        case "›": return ">"
        case "✓": return "+"
        case "✗": return "x"
        case "↳": return ">"
        case "·": return "-"
        // Not ".": a cut URL or id ("https://w.en=abc123", "evt_8.823f") would read as whole.
        case "…": return "~"
        case "↑": return "^"
        case "↓": return "v"
        case "←": return "<"
        case "→": return ">"
        // The failure chart: failed deliveries, then the others.
        case "█": return "#"
        case "░": return ":"
        // The list's sparkline, low to high.
        case "▁": return "_"
        case "▂": return "."
        case "▃": return "-"
        case "▄": return "~"
        case "▅": return "="
        case "▆": return "+"
        case "▇": return "*"
        default: return c.isASCII ? String(c) : "?"
        }
    }
}
