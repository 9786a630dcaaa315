/// Row 0: what this is, and where requests go with which key.
enum TitleBar {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let bar = Style(.accent, bold: true, reverse: true)
        grid.fill(row: Layout.titleRow, column: 0, width: grid.columns, style: bar)
        grid.put(" JetEmail webhooks · New webhook", row: Layout.titleRow, column: 0, style: bar)
        var right = state.endpoint
        if let key = state.maskedKey { right += " · key " + key }
        right += " "
        let rightWidth = DisplayWidth.of(right)
        var x = grid.columns - rightWidth
        if state.isDemo {
            x -= 7
            grid.put(" DEMO ", row: Layout.titleRow, column: x, style: Style(.badge, bold: true))
            x += 7
        }
        grid.put(right, row: Layout.titleRow, column: x, style: bar)
    }
}

/// The last row: the keys that work on what has the focus.
enum KeyBar {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let row = Layout.keyBarRow(grid.rows)
        grid.fill(row: row, column: 0, width: grid.columns, style: Style(.muted, reverse: true))
        grid.put(" " + keys(state), row: row, column: 0, style: Style(.muted, reverse: true), width: grid.columns)
    }

    static func keys(_ state: AppState) -> String {
        switch state.overlay {
        case .help: return "Esc close help · Ctrl-Q quit"
        case .confirmQuit: return "y quit · any other key stays"
        case .apiKeyPrompt: return "Enter use this key · Esc quit"
        case .secret(let modal):
            if modal.confirmingClose { return "y close and lose the secret · any other key stays" }
            if modal.pathPrompt != nil { return "Enter write the file · Esc back · Ctrl-U clear" }
            return "w write to file · c copy (OSC 52) · Enter/q close · F1 help"
        case .none: break
        }
        if state.isSending { return "Esc cancel · typing is kept · F1 help · Ctrl-Q quit" }
        switch state.form.focus {
        case .name, .url, .filterUsers, .filterDomains:
            return "Tab next · S-Tab back · Enter next · Ctrl-S create · F1 help · Ctrl-Q quit"
        case .events:
            return "↑↓ move · ←→ column · Space toggle · a all · o outbound · i inbound · Tab next · ? help"
        case .status:
            return "Space toggle · Tab next · Ctrl-S create · ? help · Ctrl-Q quit"
        case .create:
            return "Enter create · Tab next · S-Tab back · ? help · Ctrl-Q quit"
        }
    }
}

/// Shown instead of the form when the window cannot hold it; the input stays in the state.
enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let lines = [
            "Enlarge to at least \(Layout.minimumColumns) x \(Layout.minimumRows)",
            "(now \(state.columns) x \(state.rows)).",
            "Your input is kept.",
        ]
        let top = max(0, (grid.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (grid.columns - DisplayWidth.of(line)) / 2)
            grid.put(line, row: top + i, column: x, style: i == 0 ? .error : .plain)
        }
    }
}
