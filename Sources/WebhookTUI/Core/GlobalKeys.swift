import TerminalUI

/// Keys that mean the same everywhere (quit, help), then routing to the overlay or the form.
enum GlobalKeys {
    static func handle(_ state: AppState, _ key: Key) -> (AppState, [Effect]) {
        var s = state
        // A window too small to show the form shows nothing that could act: only quitting works
        // (asked on that small screen when something would be lost); other keys wait.
        if !Layout.fits(columns: s.columns, rows: s.rows) {
            if case .confirmQuit = s.overlay {} else {
                return isQuit(key) ? askToQuit(s) : (s, [])
            }
        }
        switch s.overlay {
        case .apiKeyPrompt(var field):
            return APIKeyPromptKeys.handle(s, &field, key)
        case .secretFilePrompt(var field, let reason):
            if isQuit(key) { return askToQuit(s) }
            return SecretFilePromptKeys.handle(s, &field, reason: reason, key)
        case .confirmQuit:
            if key == .character("y") || key == .character("Y") {
                s.quitRequested = true
                return (s, [.quit])
            }
            s.overlay = s.beneath
            s.beneath = .none
            return (s, [])
        case .help:
            if isQuit(key) { return askToQuit(s) }
            if [.escape, .enter, .function(1), .character("?"), .character("q")].contains(key) {
                s.overlay = s.beneath
                s.beneath = .none
            }
            return (s, [])
        case .secret, .none:
            break
        }
        if isQuit(key) { return askToQuit(s) }
        if key == .function(1) || (key == .character("?") && !typingFocused(s)) {
            s.beneath = s.overlay
            s.overlay = .help
            return (s, [])
        }
        if case .secret(var modal) = s.overlay {
            return SecretModalKeys.handle(s, &modal, key)
        }
        return FormKeys.handle(s, key)
    }

    static func isQuit(_ key: Key) -> Bool { key == .control("c") || key == .control("q") }

    /// True when printable keys go into a text input, so `?` is a character, not help.
    static func typingFocused(_ s: AppState) -> Bool {
        if case .secret(let modal) = s.overlay { return modal.pathPrompt != nil }
        if case .secretFilePrompt = s.overlay { return true }
        return s.form.focus.isTextField
    }

    /// Quit at once when nothing would be lost; otherwise ask, saying what would be lost.
    static func askToQuit(_ state: AppState) -> (AppState, [Effect]) {
        var s = state
        let reason: String?
        if let modal = s.secretOnScreen, modal.savedPath == nil {
            reason = "The signing secret has not been saved and cannot be shown again."
        } else if s.isSending {
            reason = "A webhook is being created; its secret would be lost."
        } else if s.form.hasInput && s.secretOnScreen == nil {
            reason = "The form has input that has not been sent."
        } else {
            reason = nil
        }
        guard let reason else {
            s.quitRequested = true
            return (s, [.quit])
        }
        if case .help = s.overlay {} else { s.beneath = s.overlay }
        s.overlay = .confirmQuit(reason: reason)
        return (s, [])
    }
}

/// The masked prompt shown when no API key was found.
enum APIKeyPromptKeys {
    static func handle(_ state: AppState, _ field: inout TextField, _ key: Key) -> (AppState, [Effect]) {
        var s = state
        switch key {
        case .escape, .control("c"), .control("q"):
            s.quitRequested = true
            return (s, [.quit])
        case .enter:
            let typed = field.text
            if let problem = APIKeyValue.problem(in: typed) {
                s.status = StatusMessage(.error, "That key is not usable: \(problem). Paste only the key.")
                return (s, [])
            }
            guard let apiKey = APIKeyValue(typed) else {
                s.status = StatusMessage(.error, "Type or paste the API key, then press Enter.")
                return (s, [])
            }
            s.overlay = .none
            s.maskedKey = apiKey.masked
            s.status = apiKey.warning.map { StatusMessage(.warning, $0) } ?? StatusMessage(.info, "Using key \(apiKey.masked) for this session only; it is not stored.")
            return (s, [.useAPIKey(typed)])
        default:
            _ = field.handle(key)
            s.overlay = .apiKeyPrompt(field)
            return (s, [])
        }
    }
}

/// "Save the secret to:" asked when the secret file of a create could not be made. Enter sends
/// with the new path (empty: without a file, the secret shown as usual); Esc sends nothing.
enum SecretFilePromptKeys {
    static func handle(_ state: AppState, _ field: inout TextField, reason: String, _ key: Key) -> (AppState, [Effect]) {
        var s = state
        switch key {
        case .escape:
            s.overlay = .none
            s.status = StatusMessage(.info, "Nothing was sent; your input is kept.")
            return (s, [])
        case .enter:
            let path = field.text.trimmingSpaces()
            s.secretFilePath = path.isEmpty ? nil : path
            s.overlay = .none
            return SubmitFlow.submit(s)
        default:
            _ = field.handle(key)
            s.overlay = .secretFilePrompt(field, reason: reason)
            return (s, [])
        }
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
