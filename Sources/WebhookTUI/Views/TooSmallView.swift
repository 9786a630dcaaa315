/// Shown instead of the form when the window cannot hold it; the input stays in the state.
enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let lines = [
            "Enlarge to at least \(Layout.minimumColumns) x \(Layout.minimumRows)",
            "(now \(state.columns) x \(state.rows)).",
            "Your input is kept.",
        ]
        let top = max(0, (grid.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (grid.columns - DisplayWidth.of(line)) / 2)
            grid.put(line, row: top + i, column: x, style: i == 0 ? .error : .plain)
        }
    }
}
