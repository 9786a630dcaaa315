/// The last row: the enabled bindings' bar entries, most useful first, as many whole entries as
/// fit; `pinned` ones (help) are always shown, at the end. An entry whose label is already in
/// the bar as a pinned one's (a screen's `q quit` and the global `Ctrl-Q quit`) is shown once.
public enum KeyBarLine {
    public static func text(_ entries: [BarEntry], pinned: [BarEntry] = [], width: Int) -> String {
        var labels = Set<String>()
        let pinnedLabels = Set(pinned.map(\.label))
        let unique = (entries + pinned).filter { !pinnedLabels.contains($0.label) || labels.insert($0.label).inserted }
        let pinnedShown = unique.filter { pinned.contains($0) }
        let tail = pinnedShown.map(\.text).joined(separator: " · ")
        let reserve = tail.isEmpty ? 0 : DisplayWidth.of(tail) + 3
        var line = ""
        for entry in unique where !pinned.contains(entry) {
            let next = line.isEmpty ? entry.text : line + " · " + entry.text
            if DisplayWidth.of(" " + next) + reserve > width { break }
            line = next
        }
        if tail.isEmpty { return line }
        return line.isEmpty ? tail : line + " · " + tail
    }

    public static func draw(_ entries: [BarEntry], pinned: [BarEntry] = [], into grid: inout Grid) {
        let row = grid.rows - 1
        let style = Style(.muted, reverse: true)
        grid.fill(row: row, column: 0, width: grid.columns, style: style)
        grid.put(" " + text(entries, pinned: pinned, width: grid.columns), row: row, column: 0, style: style, width: grid.columns)
    }
}
