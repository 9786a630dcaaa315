import TerminalUI

/// "Save the secret to:" asked when the secret file of a create could not be made. Enter sends
/// with the new path (empty: without a file, the secret shown as usual); Esc sends nothing.
public struct SecretFilePrompt: Modal {
    public var input: TextInput
    public var reason: String

    init(path: String, reason: String) {
        input = TextInput(path, selected: true)
        self.reason = reason
    }

    public var keys: [Binding<SecretFilePrompt>] {
        [
            Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "send with this file"), help: "send the create; the secret goes to this file (empty: no file)") { prompt, _, _ in
                let path = prompt.input.text.trimmingSpaces()
                return .close + .message(FormMessage.secretFileChosen(path.isEmpty ? nil : path), to: .owner)
            },
            Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "send nothing"), help: "send nothing; the form keeps your input") { _, _, _ in
                .close + .status(.info, "Nothing was sent; your input is kept.")
            },
        ] + TextField.bindings.map { widget in
            Binding(widget) { prompt, edit, key, _ in
                prompt.input.field.apply(edit, key: key)
                return .none
            }
        }
    }

    public var isTyping: Bool { true }

    public func draw(into grid: inout Grid, focused: Bool, context: ScreenContext) {
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
        input.draw(into: &grid, rect: Rect(row: row, column: x, width: inner, height: 1), focused: true,
                   textStyle: Style(.normal, bold: true, underline: true))
        grid.put("Esc  send nothing (your input is kept)", row: row + 2, column: x, style: .muted, width: inner)
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var t = Substring(self)
        while t.first == " " { t.removeFirst() }
        while t.last == " " { t.removeLast() }
        return String(t)
    }
}
