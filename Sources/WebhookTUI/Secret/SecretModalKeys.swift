import JetEmailClient
import TerminalUI

/// Keys on the secret modal: `w` save to a file, Enter/q/Esc close (asking when unsaved).
enum SecretModalKeys {
    static func handle(_ state: AppState, _ modal: inout SecretModal, _ key: Key) -> (AppState, [Effect]) {
        var s = state
        let effects = apply(key, to: &modal, in: &s)
        if case .secret = s.overlay { s.overlay = .secret(modal) }
        return (s, effects)
    }

    /// Changes the modal (and, on close, the app); returns the effects to run.
    private static func apply(_ key: Key, to modal: inout SecretModal, in s: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if modal.confirmingClose {
            modal.confirmingClose = false
            if key == .character("y") || key == .character("Y") { close(&s, modal) }
            return []
        }
        if var prompt = modal.pathPrompt {
            switch key {
            case .escape:
                modal.pathPrompt = nil
                modal.message = nil
            case .enter:
                let path = prompt.text
                if modal.writing { break }
                if path.isEmpty {
                    modal.message = StatusMessage(.error, "Type a path for the new file.")
                } else {
                    modal.writing = true
                    modal.message = StatusMessage(.info, "Writing \(path)…")
                    effects.append(.writeSecret(path: path, secret: modal.secret))
                }
            default:
                _ = prompt.handle(key)
                modal.pathPrompt = prompt
            }
            return effects
        }
        switch key {
        case .character("c"), .character("C"):
            effects.append(.copyToClipboard(modal.secret))
            modal.message = StatusMessage(.info, "Sent to the terminal's clipboard (OSC 52). Some terminals ignore this: paste to check, or use w.")
        case .character("w"), .character("W"):
            modal.pathPrompt = TextField(modal.defaultPath)
            modal.message = nil
        case .enter, .character("q"), .escape:
            if modal.savedPath == nil { modal.confirmingClose = true } else { close(&s, modal) }
        default:
            break
        }
        return effects
    }

    /// A note about the copy just sent, shown in the window that sent it.
    static func advise(_ state: AppState, _ advice: String) -> AppState {
        var s = state
        if case .secret(var modal) = s.overlay {
            modal.message = StatusMessage(.warning, advice)
            s.overlay = .secret(modal)
        }
        return s
    }

    static func written(_ state: AppState, _ result: Result<String, SecretFile.Failure>) -> AppState {
        var s = state
        guard case .secret(var modal) = s.overlay else {
            // The modal sits beneath help or the quit question.
            if case .secret(var modal) = s.beneath {
                apply(result, to: &modal)
                s.beneath = .secret(modal)
            }
            return s
        }
        apply(result, to: &modal)
        s.overlay = .secret(modal)
        return s
    }

    private static func apply(_ result: Result<String, SecretFile.Failure>, to modal: inout SecretModal) {
        modal.writing = false
        switch result {
        case .success(let path):
            modal.savedPath = path
            modal.pathPrompt = nil
            modal.message = nil
        case .failure(let failure):
            modal.message = StatusMessage(.error, failure.description + " The secret is still here.")
        }
    }

    /// Closing forgets the secret and starts a fresh form.
    private static func close(_ s: inout AppState, _ modal: SecretModal) {
        s.overlay = .none
        s.form = FormState()
        s.status = modal.savedPath.map { StatusMessage(.success, "Webhook \(modal.name) created; its secret is in \($0).") }
            ?? StatusMessage(.warning, "Webhook \(modal.name) created; its secret was not saved.")
    }
}
