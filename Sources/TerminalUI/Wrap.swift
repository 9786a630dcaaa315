/// Splits text into lines of at most `width` columns, at spaces where it can. One pass over the
/// text, and it stops after `maxLines` lines: the cost of drawing a message or a secret is
/// bounded by the screen, not by what a server sent.
public enum Wrap {
    public static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var line = "", lineWidth = 0
        var word = "", wordWidth = 0

        /// A word wider than the line is cut into pieces that fill lines of their own.
        func placeWord() {
            let spacer = line.isEmpty ? 0 : 1
            if lineWidth + spacer + wordWidth <= width {
                if spacer == 1 { line.append(" ") }
                line += word
                lineWidth += spacer + wordWidth
                return
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            lineWidth = 0
            for c in word {
                let w = DisplayWidth.of(c)
                if lineWidth + w > width {
                    lines.append(line)
                    if lines.count >= maxLines { return }
                    line = ""
                    lineWidth = 0
                }
                line.append(c)
                lineWidth += w
            }
        }

        for c in text {
            if lines.count >= maxLines { return Array(lines.prefix(maxLines)) }
            if c == " " {
                placeWord()
                word = ""
                wordWidth = 0
                continue
            }
            // A word longer than every line that could still be shown need not be read further.
            if maxLines != .max, wordWidth > width * (maxLines + 1) { break }
            word.append(c)
            wordWidth += DisplayWidth.of(c)
        }
        placeWord()
        if !line.isEmpty { lines.append(line) }
        return Array(lines.prefix(maxLines))
    }
}
