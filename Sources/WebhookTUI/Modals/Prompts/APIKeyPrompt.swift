import TerminalUI

/// The masked prompt shown when no API key was found. Enter uses the key for this session;
/// Esc (or Ctrl-C, Ctrl-Q) quits at once, since nothing can have been typed elsewhere yet.
enum APIKeyPrompt {
    enum Action: Sendable, Equatable { case use, quit, edit(TextEdit) }

    static let table: [KeyBinding<Action>] = [
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "use this key"), help: "use the key for this session only (never stored)", .use),
        KeyBinding([.escape, .control("c"), .control("q")], keys: "Esc, Ctrl-C or Ctrl-Q", bar: BarEntry("Esc", "quit"), help: "quit", .quit),
    ] + TextField.bindings.map { $0.map(Action.edit) }

    static func handle(_ s: inout AppState, _ input: inout TextInput, _ key: Key) -> [Effect] {
        guard let binding = table.binding(for: key) else { return [] }
        switch binding.action {
        case .quit:
            s.quitRequested = true
            return []
        case .use:
            let typed = input.text
            if let problem = APIKeyValue.problem(in: typed) {
                s.status = StatusMessage(.error, "That key is not usable: \(problem). Paste only the key.")
                return []
            }
            guard let apiKey = APIKeyValue(typed) else {
                s.status = StatusMessage(.error, "Type or paste the API key, then press Enter.")
                return []
            }
            s.closeModal()
            s.maskedKey = apiKey.masked
            s.status = apiKey.warning.map { StatusMessage(.warning, $0) }
                ?? StatusMessage(.info, "Using key \(apiKey.masked) for this session only; it is not stored.")
            // Lists the form could not fetch without a key are asked for again with it.
            var effects: [Effect] = [.useAPIKey(typed)]
            for entry in s.screens {
                effects += s.withForm(entry.id) { form, app in
                    form.choices.request == nil && !form.choices.isLoaded ? FilterChoices.load(&form, screen: entry.id, app: &app) : []
                } ?? []
            }
            return effects
        case .edit(let edit):
            input.field.apply(edit, key: key)
            s.updateTopModal(.apiKeyPrompt(input))
            return []
        }
    }

    static func draw(_ input: TextInput, status: StatusMessage?, into grid: inout Grid) {
        let width = min(grid.columns - 4, 74)
        let inner = width - 4
        // Wrapped, never cut: every line of it matters to someone with no key.
        let intro = Wrap.lines("No API key was found (--api-key-file, JETEMAIL_API_KEY, config file). "
                               + "Paste an api_ key; it is used for this session only, never stored.", width: inner)
        let hint = Wrap.lines("To try the program without a key, quit and run with --demo.", width: inner)
        let statusLines = status.map { s in Wrap.lines(s.text, width: inner, maxLines: 3).map { ($0, s.tone.style) } } ?? []
        let height = 7 + intro.count + hint.count + max(1, statusLines.count)
        let top = max(0, (grid.rows - height) / 2)
        let left = (grid.columns - width) / 2
        grid.box(row: top, column: left, width: width, height: height, title: "API key needed", style: Style(.accent, bold: true))
        let x = left + 2
        var row = top + 2
        for line in intro { grid.put(line, row: row, column: x, width: inner); row += 1 }
        for line in hint { grid.put(line, row: row, column: x, style: .muted, width: inner); row += 1 }
        row += 1
        grid.put("Key ", row: row, column: x, style: Style(.normal, bold: true))
        input.draw(into: &grid, rect: Rect(row: row, column: x + 5, width: width - 9, height: 1), focused: true, textStyle: Style(.normal, underline: true))
        row += 2
        for (line, style) in statusLines { grid.put(line, row: row, column: x, style: style, width: inner); row += 1 }
    }
}
