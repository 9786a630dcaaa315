import TerminalUI

/// The masked prompt shown when no API key was found. Enter uses the key for this session;
/// Esc (or Ctrl-C, Ctrl-Q) quits at once, since nothing can have been typed elsewhere yet.
public struct APIKeyPrompt: Modal {
    public var input = TextInput(masked: true)
    public var message: StatusMessage?

    public init() {}

    public var keys: [Binding<APIKeyPrompt>] {
        [
            Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "use this key"), help: "use the key for this session only (never stored)") { prompt, _, _ in
                let typed = prompt.input.text
                if let problem = APIKeyValue.problem(in: typed) {
                    prompt.message = StatusMessage(.error, "That key is not usable: \(problem). Paste only the key.")
                    return .none
                }
                guard let key = APIKeyValue(typed) else {
                    prompt.message = StatusMessage(.error, "Type or paste the API key, then press Enter.")
                    return .none
                }
                var outcome = Outcome.close + .effect(.useAPIKey(typed)) + .message(APIKeyAccepted(), to: .all)
                outcome.maskedKey = key.masked
                let said = key.warning.map { StatusMessage(.warning, $0) } ?? StatusMessage(.info, "Using key \(key.masked) for this session only; it is not stored.")
                return outcome + .status(said.tone, said.text)
            },
            Binding([.escape, .control("c"), .control("q")], keys: "Esc, Ctrl-C or Ctrl-Q", bar: BarEntry("Esc", "quit", pin: .onHome), help: "quit") { _, _, _ in
                var outcome = Outcome()
                outcome.quitNow = true
                return outcome
            },
        ] + TextField.bindings.map { widget in
            Binding(widget) { prompt, edit, key, _ in
                prompt.input.field.apply(edit, key: key)
                return .none
            }
        }
    }

    public var isTyping: Bool { true }
    public var takesGlobalKeys: Bool { false }

    public func draw(into grid: inout Grid, focused: Bool, context: ScreenContext) {
        let width = min(grid.columns - 4, 74)
        let inner = width - 4
        // Wrapped, never cut: every line of it matters to someone with no key.
        let intro = Wrap.lines("No API key was found (--api-key-file, JETEMAIL_API_KEY, config file). "
                               + "Paste an api_ key; it is used for this session only, never stored.", width: inner)
        let hint = Wrap.lines("To try the program without a key, quit and run with --demo.", width: inner)
        let status = message ?? context.status
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

/// A key was typed at the prompt (to every screen): what could not be loaded without one is
/// asked for again.
struct APIKeyAccepted: ScreenMessageKind {}
