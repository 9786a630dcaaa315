import JetEmailClient
import TerminalUI

/// The Create button, the spinner while sending, and the status message (wrapped over two rows).
enum CreateRowView {
    static let spinner: [Character] = ["|", "/", "-", "\\"]

    static func draw(_ state: AppState, into grid: inout Grid) {
        let focused = state.form.focus == .create && state.overlay == .none
        let button = "[ Create webhook ]"
        let style: Style = focused ? .focused : Style(.accent, bold: true)
        grid.put(button, row: Layout.createRow, column: Layout.labelColumn, style: style)
        if focused { grid.cursor = (Layout.createRow, Layout.labelColumn + 2) }

        let start = Layout.labelColumn + DisplayWidth.of(button) + 2
        var message: (String, Style)?
        switch state.submission {
        case .sending(_, let startedAt):
            let elapsed = max(0, state.now - startedAt)
            let frame = spinner[Int(elapsed * 10) % spinner.count]
            message = ("\(frame) Creating… \(String(format1: elapsed)) s · Esc cancels", Style(.accent, bold: true))
        case .rateLimited(_, true):
            message = ("✗ Rate limited by JetEmail for more than an hour: try again later.", .error)
        case .rateLimited(let until, false):
            message = ("✗ Rate limited by JetEmail: you can create again in \(Countdown.text(until - state.now)).", .error)
        case .idle:
            if let status = state.status { message = ("\(status.tone.symbol) \(status.text)", status.tone.style) }
        }
        guard let (text, textStyle) = message else { return }
        let firstWidth = grid.columns - start - 1
        let lines = Wrap.lines(text, width: firstWidth)
        guard let first = lines.first else { return }
        grid.put(first, row: Layout.createRow, column: start, style: textStyle)
        let rest = lines.dropFirst().joined(separator: " ")
        if !rest.isEmpty {
            grid.put(DisplayWidth.truncate(rest, to: grid.columns - 2), row: Layout.messageRow, column: Layout.labelColumn, style: textStyle)
        }
    }
}

extension String {
    /// One decimal place without Foundation: 1.25 -> "1.2".
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded(.down))
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
