import TerminalUI

/// Shown instead of the screen when the window cannot hold it; the screen's state stays. What
/// is pending is named here too, and questions are answered here: nothing that can act is
/// hidden (keys other than Esc and quitting wait for a larger window).
enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let minimum = state.topScreen.screen.minimumSize
        var lines: [(String, Style)] = [
            ("Enlarge to at least \(minimum.columns) x \(minimum.rows)", .error),
            ("(now \(state.columns) x \(state.rows)).", .plain),
        ]
        if let question = state.topModal?.smallWindowLines {
            for (text, style) in question { lines += Wrap.lines(text, width: max(1, grid.columns - 2), maxLines: 4).map { ($0, style) } }
        } else {
            if let secret = state.secretOnScreen, secret.savedPath == nil {
                lines.append(("A webhook was created: enlarge to see and save its secret.", Style(.warning, bold: true)))
            } else if state.isCreating {
                lines.append(("A webhook is being created.", .plain))
            } else if state.topScreen.screen.unsavedInput != nil {
                lines.append(("Your input is kept.", .plain))
            }
            lines.append((state.screens.count > 1 ? "Esc back · Ctrl-Q quit" : "Esc or Ctrl-Q quit", .muted))
        }
        let top = max(0, (grid.rows - lines.count) / 2)
        for (i, (line, style)) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, to: grid.columns)
            let x = max(0, (grid.columns - DisplayWidth.of(text)) / 2)
            grid.put(text, row: top + i, column: x, style: style)
        }
    }
}
