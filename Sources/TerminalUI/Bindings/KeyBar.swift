/// The last row: the enabled bindings' bar entries, as many whole entries as fit.
public enum KeyBarLine {
    public static func text(_ entries: [BarEntry], width: Int) -> String {
        var line = ""
        for entry in entries {
            let next = line.isEmpty ? entry.text : line + " · " + entry.text
            if DisplayWidth.of(" " + next) > width { break }
            line = next
        }
        return line
    }

    public static func draw(_ entries: [BarEntry], into grid: inout Grid) {
        let row = grid.rows - 1
        let style = Style(.muted, reverse: true)
        grid.fill(row: row, column: 0, width: grid.columns, style: style)
        grid.put(" " + text(entries, width: grid.columns), row: row, column: 0, style: style, width: grid.columns)
    }
}
