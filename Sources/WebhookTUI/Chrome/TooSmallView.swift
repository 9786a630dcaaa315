import TerminalUI

/// Shown instead of the form when the window cannot hold it; the input stays in the state.
/// Whatever is pending is named here too, and the quit question is asked here: nothing that
/// can act is ever hidden (keys other than quit wait for a larger window).
enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let minimum = state.topScreen.screen.minimumSize
        var lines: [(String, Style)] = [
            ("Enlarge to at least \(minimum.columns) x \(minimum.rows)", .error),
            ("(now \(state.columns) x \(state.rows)).", .plain),
        ]
        if case .confirmQuit(let dialog)? = state.topModal {
            lines += Wrap.lines(dialog.message, width: max(1, grid.columns - 2), maxLines: 4).map { ($0, Style(.warning, bold: true)) }
            lines.append(("Quit anyway? y/N", Style(.normal, bold: true)))
        } else if let modal = state.secretOnScreen, modal.savedPath == nil {
            lines.append(("A webhook was created: enlarge to see and save its secret.", Style(.warning, bold: true)))
        } else if state.isSending {
            lines.append(("A webhook is being created.", .plain))
        } else {
            lines.append(("Your input is kept.", .plain))
        }
        let top = max(0, (grid.rows - lines.count) / 2)
        for (i, (line, style)) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, to: grid.columns)
            let x = max(0, (grid.columns - DisplayWidth.of(text)) / 2)
            grid.put(text, row: top + i, column: x, style: style)
        }
    }
}
