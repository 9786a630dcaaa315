import JetEmailClient
import TerminalUI

/// The Create button, the spinner while sending, and the status message (wrapped over two rows).
enum CreateRowView {
    static let spinner: [Character] = ["|", "/", "-", "\\"]

    static func draw(_ form: FormScreen, context app: ScreenContext, layout: FormLayout, focused: Bool, into grid: inout Grid) {
        form.submitButton.draw(into: &grid, rect: Rect(row: layout.create, column: FormLayout.labelColumn, width: form.submitButton.width, height: 1), focused: focused)
        let start = FormLayout.labelColumn + form.submitButton.width + 2
        var message: (String, Style)?
        if let startedAt = form.sendingSince {
            let elapsed = max(0, app.now - startedAt)
            let frame = spinner[Int(elapsed * 10) % spinner.count]
            message = ("\(frame) \(form.sendingWords.doing)… \(String(format1: elapsed)) s · Esc cancels", Style(.accent, bold: true))
        } else if let limit = app.rateLimit, limit.later {
            message = ("✗ Rate limited by JetEmail for more than an hour: try again later.", .error)
        } else if let limit = app.rateLimit {
            message = ("✗ Rate limited by JetEmail: you can \(form.sendingWords.noun) again in \(Countdown.text(limit.until - app.now)).", .error)
        } else if let status = app.status {
            message = ("\(status.tone.symbol) \(status.text)", status.tone.style)
        } else if let wait = app.budgetWait {
            message = ("· Waiting for the request budget: \(Countdown.text(wait)).", .muted)
        }
        guard let (text, textStyle) = message else { return }
        let firstWidth = grid.columns - start - 1
        let lines = Wrap.lines(text, width: firstWidth)
        guard let first = lines.first else { return }
        grid.put(first, row: layout.create, column: start, style: textStyle)
        let rest = lines.dropFirst().joined(separator: " ")
        if !rest.isEmpty {
            grid.put(DisplayWidth.truncate(rest, to: grid.columns - 2), row: layout.message, column: FormLayout.labelColumn, style: textStyle)
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
