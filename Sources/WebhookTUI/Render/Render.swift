import TerminalUI

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
    case .secretFilePrompt(let field, let reason): ConfirmView.drawSecretFilePrompt(field, reason: reason, into: &grid)
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
