/// The last row: the enabled bindings' bar entries, most useful first, as many whole entries as
/// fit; `pinned` ones (help) are always shown, at the end. An entry whose label is already in
/// the bar as a pinned one's (a screen's `q quit` and the global `Ctrl-Q quit`) is shown once.
public enum KeyBarLine {
    public static func text(_ entries: [BarEntry], pinned: [BarEntry] = [], width: Int) -> String {
        // Arrays, not Sets: a bar holds a dozen entries, and the first Set<String> of a run costs a
        // scan of every conformance record in the binary (about 0.6 M instructions of the first
        // frame; Benchmarks/first-frame-instructions).
        var labels: [String] = []
        let pinnedLabels = pinned.map(\.label)
        let unique = (entries + pinned).filter { entry in
            guard pinnedLabels.contains(entry.label) else { return true }
            if labels.contains(entry.label) { return false }
            labels.append(entry.label)
            return true
        }
        // Concatenated by hand: `joined(separator:)` looks its element's conformance up at run time.
        var tail = ""
        for entry in unique where pinned.contains(entry) { tail += tail.isEmpty ? entry.text : " · " + entry.text }
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
