/// The one-time secret: name, uuid, the full secret on one line where it fits, a plain
/// warning that it will not be shown again, and the save/close flows.
enum SecretModalView {
    static func draw(_ modal: SecretModal, state: AppState, into grid: inout Grid) {
        let secretWidth = DisplayWidth.of(modal.secret)
        let width = min(grid.columns - 2, max(66, secretWidth + 6))
        let inner = width - 4
        let secretLines = Wrap.lines(modal.secret, width: inner)
        let height = 13 + secretLines.count
        let top = max(1, (grid.rows - height) / 2)
        let left = (grid.columns - width) / 2
        grid.box(row: top, column: left, width: width, height: height, title: "Webhook created", style: Style(.success, bold: true))
        var row = top + 2
        let x = left + 2
        grid.put("Name  ", row: row, column: x, style: Style(.normal, bold: true))
        grid.put(modal.name, row: row, column: x + 6, width: inner - 6)
        row += 1
        grid.put("UUID  ", row: row, column: x, style: Style(.normal, bold: true))
        grid.put(modal.uuid, row: row, column: x + 6, width: inner - 6)
        row += 2
        grid.put("Signing secret", row: row, column: x, style: Style(.normal, bold: true))
        row += 1
        for line in secretLines {
            grid.put(line, row: row, column: x, style: Style(.accent, bold: true))
            row += 1
        }
        row += 1
        grid.put("This is the only time JetEmail shows this secret. Save it now.", row: row, column: x, style: Style(.warning, bold: true), width: inner)
        row += 2
        if let prompt = modal.pathPrompt {
            let labelText = "Save to "
            grid.put(labelText, row: row, column: x, style: Style(.normal, bold: true))
            let fieldX = x + labelText.count
            let fieldWidth = inner - labelText.count
            let (visible, cursor) = TextFieldView.window(prompt, width: fieldWidth)
            grid.fill(row: row, column: fieldX, width: fieldWidth, style: Style(.normal, underline: true))
            grid.put(visible, row: row, column: fieldX, style: Style(.normal, bold: true, underline: true), width: fieldWidth)
            if state.overlay == .secret(modal) { grid.cursor = (row, fieldX + cursor) }
        } else if let saved = modal.savedPath {
            grid.put("✓ Saved to \(saved) (mode 0600).", row: row, column: x, style: .success, width: inner)
        } else {
            grid.put("w  write to a new file (0600)   c  copy   Enter/q  close", row: row, column: x, style: .muted, width: inner)
        }
        row += 1
        if modal.confirmingClose {
            grid.put("Close without saving? The secret cannot be shown again. y/N", row: row, column: x, style: .error, width: inner)
        } else if let message = modal.message {
            for (i, line) in Wrap.lines(message.text, width: inner).prefix(2).enumerated() {
                grid.put(line, row: row + i, column: x, style: message.tone.style, width: inner)
            }
        }
    }
}

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
