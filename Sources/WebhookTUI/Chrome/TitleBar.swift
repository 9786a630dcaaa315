import TerminalUI

/// Row 0: what this is, and where requests go with which key.
enum TitleBar {
    static func draw(_ state: AppState, title: String, into grid: inout Grid) {
        let bar = Style(.accent, bold: true, reverse: true)
        grid.fill(row: 0, column: 0, width: grid.columns, style: bar)
        grid.put(" JetEmail webhooks · \(title)", row: 0, column: 0, style: bar)
        var right = state.endpoint
        if let key = state.maskedKey { right += " · key " + key }
        right += " "
        let rightWidth = DisplayWidth.of(right)
        var x = grid.columns - rightWidth
        if state.isDemo {
            x -= 7
            grid.put(" DEMO ", row: 0, column: x, style: Style(.badge, bold: true))
            x += 7
        }
        grid.put(right, row: 0, column: x, style: bar)
    }
}
