import TerminalUI

/// Shown instead of the form when the window cannot hold it; the input stays in the state.
/// Whatever is pending is named here too, and the quit question is asked here: nothing that
/// can act is ever hidden (keys other than quit wait for a larger window).
enum TooSmallView {
    /// Esc on the small screen: back to the screen below (the form asks first when it holds
    /// input), or, on the home screen, quit (asking when something would be lost).
    static func back(_ s: inout AppState) -> [Effect] {
        guard s.screens.count > 1 else { Quit.ask(&s); return [] }
        let top = s.topScreen
        if case .form(let form) = top.screen {
            FormKeys.leave(form, screen: top.id, app: &s)
            return []
        }
        if case .deliveries(var log) = top.screen {
            let effects = DeliveryLogFlow.cancelAll(&log, app: &s)
            s.leave(top.id)
            return effects
        }
        s.leave(top.id)
        return []
    }

    static func draw(_ state: AppState, into grid: inout Grid) {
        let minimum = state.topScreen.screen.minimumSize
        var lines: [(String, Style)] = [
            ("Enlarge to at least \(minimum.columns) x \(minimum.rows)", .error),
            ("(now \(state.columns) x \(state.rows)).", .plain),
        ]
        switch state.topModal {
        case .confirmQuit(let dialog)?, .confirm(let dialog, _, _)?:
            lines += Wrap.lines(dialog.message, width: max(1, grid.columns - 2), maxLines: 4).map { ($0, Style(.warning, bold: true)) }
            lines += Wrap.lines(dialog.question, width: max(1, grid.columns - 2), maxLines: 2).map { ($0, Style(.normal, bold: true)) }
        default:
            if let modal = state.secretOnScreen, modal.savedPath == nil {
                lines.append(("A webhook was created: enlarge to see and save its secret.", Style(.warning, bold: true)))
            } else if state.isCreating {
                lines.append(("A webhook is being created.", .plain))
            } else if state.topScreen.screen.hasInput {
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
