import TerminalUI

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
        case .secretFilePrompt: return "Enter send with this file · Esc send nothing · Ctrl-U clear"
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
