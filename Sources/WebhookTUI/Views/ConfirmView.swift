import TerminalUI

/// The quit question and the API key prompt: small boxes in the middle of the screen.
enum ConfirmView {
    static func drawQuit(reason: String, state: AppState, into grid: inout Grid) {
        let width = min(grid.columns - 4, 64)
        let lines = Wrap.lines(reason, width: width - 4)
        let height = 5 + lines.count
        let top = (grid.rows - height) / 2
        let left = (grid.columns - width) / 2
        grid.box(row: top, column: left, width: width, height: height, title: "Quit?", style: Style(.warning, bold: true))
        for (i, line) in lines.enumerated() { grid.put(line, row: top + 2 + i, column: left + 2) }
        grid.put("Quit jetemail-webhooks? y/N", row: top + height - 2, column: left + 2, style: Style(.normal, bold: true))
    }

    static func drawKeyPrompt(_ field: TextField, state: AppState, into grid: inout Grid) {
        let width = min(grid.columns - 4, 74)
        let inner = width - 4
        // Wrapped, never cut: every line of it matters to someone with no key.
        let intro = Wrap.lines("No API key was found (--api-key-file, JETEMAIL_API_KEY, config file). "
                               + "Paste an api_ key; it is used for this session only, never stored.", width: inner)
        let hint = Wrap.lines("To try the program without a key, quit and run with --demo.", width: inner)
        let status = state.status.map { s in Wrap.lines(s.text, width: inner, maxLines: 3).map { ($0, s.tone.style) } } ?? []
        let height = 7 + intro.count + hint.count + max(1, status.count)
        let top = max(0, (grid.rows - height) / 2)
        let left = (grid.columns - width) / 2
        grid.box(row: top, column: left, width: width, height: height, title: "API key needed", style: Style(.accent, bold: true))
        let x = left + 2
        var row = top + 2
        for line in intro { grid.put(line, row: row, column: x, width: inner); row += 1 }
        for line in hint { grid.put(line, row: row, column: x, style: .muted, width: inner); row += 1 }
        row += 1
        let fieldX = x + 5
        let fieldWidth = width - 9
        grid.put("Key ", row: row, column: x, style: Style(.normal, bold: true))
        grid.fill(row: row, column: fieldX, width: fieldWidth, style: Style(.normal, underline: true))
        // Masked: one dot per character, never the key itself.
        let dots = String(repeating: "•", count: min(field.characters.count, fieldWidth - 1))
        grid.put(dots, row: row, column: fieldX, style: Style(.normal, underline: true))
        grid.cursor = (row, fieldX + min(field.cursor, fieldWidth - 1))
        row += 2
        for (line, style) in status { grid.put(line, row: row, column: x, style: style, width: inner); row += 1 }
    }

    /// Where the secret of this create should go, since the secret file could not be made.
    static func drawSecretFilePrompt(_ field: TextField, reason: String, into grid: inout Grid) {
        let width = min(grid.columns - 4, 70)
        let inner = width - 4
        let reasonLines = Wrap.lines(reason, width: inner, maxLines: 3)
        let height = 9 + reasonLines.count
        let top = (grid.rows - height) / 2
        let left = (grid.columns - width) / 2
        grid.box(row: top, column: left, width: width, height: height, title: "Secret file", style: Style(.warning, bold: true))
        let x = left + 2
        for (i, line) in reasonLines.enumerated() { grid.put(line, row: top + 2 + i, column: x, width: inner) }
        var row = top + 3 + reasonLines.count
        grid.put("Save the new secret to (Enter sends; empty: no file):", row: row, column: x, width: inner)
        row += 1
        grid.fill(row: row, column: x, width: inner, style: Style(.normal, underline: true))
        let (visible, cursor) = TextFieldView.window(field, width: inner)
        grid.put(visible, row: row, column: x, style: Style(.normal, bold: true, underline: true), width: inner)
        grid.cursor = (row, x + cursor)
        grid.put("Esc  send nothing (your input is kept)", row: row + 2, column: x, style: .muted, width: inner)
    }
}
