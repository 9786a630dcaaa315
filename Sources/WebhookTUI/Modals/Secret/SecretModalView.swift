import TerminalUI

/// The one-time secret: name, uuid, the full secret on one line where it fits, a plain
/// warning that it will not be shown again, and the save/close flows. However long the secret
/// or a message, the window fits the screen and its prompt and keys stay in view: a secret too
/// long to show ends in a marker (`w` and `c` still take all of it).
enum SecretModalView {
    static func draw(_ modal: SecretModal, focused: Bool, into grid: inout Grid) {
        let secretWidth = DisplayWidth.of(modal.secret, upTo: grid.columns)
        let width = min(grid.columns - 2, max(66, secretWidth + 6))
        let inner = width - 4
        let messageLines: [(String, Style)] = modal.confirmingClose
            ? Wrap.lines("Close without saving? The secret cannot be shown again. y/N", width: inner).map { ($0, .error) }
            : modal.message.map { m in Wrap.lines(m.text, width: inner, maxLines: 4).map { ($0, m.tone.style) } } ?? []
        // Everything but the secret's own lines, borders included.
        let fixedRows = 11 + max(2, messageLines.count)
        let room = max(1, grid.rows - 2 - fixedRows)
        var secretLines = Wrap.lines(modal.secret, width: inner, maxLines: room + 1)
        if secretLines.count > room {
            secretLines = Array(secretLines.prefix(room - 1))
                + [DisplayWidth.truncate("… too long to show (\(modal.secret.utf8.count) bytes); w and c take all of it", to: inner)]
        }
        let height = fixedRows + secretLines.count
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
            prompt.draw(into: &grid, rect: Rect(row: row, column: fieldX, width: fieldWidth, height: 1), focused: focused,
                        textStyle: Style(.normal, bold: true, underline: true))
        } else if let saved = modal.savedPath {
            grid.put("✓ Saved to \(saved) (mode 0600).", row: row, column: x, style: .success, width: inner)
        } else {
            let keys = SecretModal.mainKeys.compactMap(\.bar).map { "\($0.key)  \($0.label)" }.joined(separator: "   ")
            grid.put(keys, row: row, column: x, style: .muted, width: inner)
        }
        row += 1
        for (i, (line, style)) in messageLines.enumerated() {
            grid.put(line, row: row + i, column: x, style: style, width: inner)
        }
    }
}
