/// Turns the state into what the screen shows. Pure: the same state gives the same grid.
public func render(_ state: AppState) -> Grid {
    var grid = Grid(columns: state.columns, rows: state.rows)
    guard Layout.fits(columns: state.columns, rows: state.rows) else {
        TooSmallView.draw(state, into: &grid)
        return grid
    }
    TitleBar.draw(state, into: &grid)
    FormView.draw(state, into: &grid)
    KeyBar.draw(state, into: &grid)
    switch state.overlay {
    case .none: break
    case .help:
        if case .secret(let modal) = state.beneath { SecretModalView.draw(modal, state: state, into: &grid) }
        HelpView.draw(state, into: &grid)
    case .confirmQuit(let reason):
        if case .secret(let modal) = state.beneath { SecretModalView.draw(modal, state: state, into: &grid) }
        ConfirmView.drawQuit(reason: reason, state: state, into: &grid)
    case .secret(let modal): SecretModalView.draw(modal, state: state, into: &grid)
    case .apiKeyPrompt(let field): ConfirmView.drawKeyPrompt(field, state: state, into: &grid)
    }
    return grid
}

extension StatusMessage.Tone {
    var style: Style {
        switch self {
        case .info: .plain
        case .success: .success
        case .warning: Style(.warning, bold: true)
        case .error: .error
        }
    }

    var symbol: String {
        switch self {
        case .info: "·"
        case .success: "✓"
        case .warning: "!"
        case .error: "✗"
        }
    }
}

/// Splits text into lines of at most `width` columns, at spaces where it can.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            var rest = word
            while DisplayWidth.of(rest) > width {
                let head = String(rest.prefix(width))
                lines.append(head)
                rest = String(rest.dropFirst(head.count))
            }
            current = rest
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
