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
        let width = min(grid.columns - 4, 70)
        let height = 10
        let top = (grid.rows - height) / 2
        let left = (grid.columns - width) / 2
        grid.box(row: top, column: left, width: width, height: height, title: "API key needed", style: Style(.accent, bold: true))
        let x = left + 2
        grid.put("No API key was found (--api-key-file, JETEMAIL_API_KEY, config file).", row: top + 2, column: x, width: width - 4)
        grid.put("Paste an api_ key; it is used for this session only, never stored.", row: top + 3, column: x, width: width - 4)
        grid.put("To try the program without a key, quit and run with --demo.", row: top + 4, column: x, style: .muted, width: width - 4)
        let fieldX = x + 5
        let fieldWidth = width - 9
        grid.put("Key ", row: top + 6, column: x, style: Style(.normal, bold: true))
        grid.fill(row: top + 6, column: fieldX, width: fieldWidth, style: Style(.normal, underline: true))
        // Masked: one dot per character, never the key itself.
        let dots = String(repeating: "•", count: min(field.characters.count, fieldWidth - 1))
        grid.put(dots, row: top + 6, column: fieldX, style: Style(.normal, underline: true))
        grid.cursor = (top + 6, fieldX + min(field.cursor, fieldWidth - 1))
        if let status = state.status { grid.put(status.text, row: top + 8, column: x, style: status.tone.style, width: width - 4) }
    }
}
