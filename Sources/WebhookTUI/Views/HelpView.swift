import JetEmailClient
import TerminalUI

/// Every key, by where it works. Opens with F1 anywhere, or `?` outside text fields.
enum HelpView {
    static let sections: [(String, [(String, String)])] = [
        ("Anywhere", [
            ("Tab / Shift-Tab", "next / previous control (always allowed)"),
            ("Ctrl-S", "create; nothing invalid is ever sent"),
            ("Esc", "close help, cancel a create, or ask to quit"),
            ("Ctrl-C / Ctrl-Q", "quit; asks if input or a secret would be lost"),
            ("F1 or ?", "this help (? only outside text fields)"),
        ]),
        ("Text fields", [
            ("←/→  Home/End", "move; Ctrl-A / Ctrl-E start / end of line"),
            ("Backspace / Delete", "delete before / under the cursor"),
            ("Ctrl-U / Ctrl-K / Ctrl-W", "delete to start / to end / previous word"),
            ("Enter", "next control"),
        ]),
        ("Events", [
            ("↑/↓ or k/j, ←/→", "move; switch column"),
            ("Space", "select or clear the highlighted event"),
            ("a / o / i", "all or none / all outbound / all inbound"),
        ]),
        ("Status, Create", [("Space / Enter", "toggle Status / create on Create")]),
        ("Secret window", [("w / c", "write to a new file (0600) / copy (OSC 52)"), ("Enter / q", "close (asks if not saved)")]),
    ]

    static func draw(_ state: AppState, into grid: inout Grid) {
        let width = min(grid.columns - 2, 90)
        let lineCount = sections.reduce(0) { $0 + $1.1.count + 1 }
        let height = min(grid.rows - 2, lineCount + 2)
        let top = max(1, (grid.rows - height) / 2)
        let left = (grid.columns - width) / 2
        grid.box(row: top, column: left, width: width, height: height, title: "Keys (Esc closes)", style: Style(.accent, bold: true))
        var row = top + 1
        let keyWidth = 25
        for (title, keys) in sections {
            guard row < top + height - 1 else { break }
            grid.put(title, row: row, column: left + 2, style: Style(.accent, bold: true))
            row += 1
            for (key, meaning) in keys where row < top + height - 1 {
                grid.put(key, row: row, column: left + 3, style: Style(.normal, bold: true), width: keyWidth)
                grid.put(DisplayWidth.truncate(meaning, to: width - keyWidth - 5), row: row, column: left + 3 + keyWidth)
                row += 1
            }
        }
    }
}
