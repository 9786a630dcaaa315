import JetEmailClient
import TerminalUI

/// Submitting: validate first (nothing invalid is ever sent), one request at a time, and
/// every answer shown where it belongs. Input is never cleared by a failure.
enum SubmitFlow {
    static func submit(_ state: AppState) -> (AppState, [Effect]) {
        var s = state
        switch s.submission {
        case .sending:
            s.status = StatusMessage(.info, "Already sending; wait for the answer, or press Esc to cancel.")
            return (s, [])
        case .rateLimited(let until, let later) where s.now < until:
            s.status = StatusMessage(.error, later
                ? "Rate limited by JetEmail for more than an hour: try again later."
                : "Rate limited by JetEmail: wait \(Countdown.text(until - s.now)) before creating.")
            return (s, [])
        default:
            break
        }
        let outcome = s.form.validation
        guard let request = outcome.request else {
            s.form.touched = Set(WebhookField.allCases)
            if let first = outcome.report.firstInvalidField, let control = Control(field: first) { s.form.focus = control }
            let count = outcome.report.errors.count
            s.status = StatusMessage(.error, "Nothing was sent: fix the \(count == 1 ? "problem" : "\(count) problems") marked in red.")
            return (s, [])
        }
        let id = s.nextSubmitID
        s.nextSubmitID += 1
        s.submission = .sending(id: id, startedAt: s.now)
        s.form.serverErrors = [:]
        s.status = nil
        return (s, [.submit(id: id, request, secretFile: s.secretFilePath)])
    }

    /// The secret file of this create could not be made, so nothing was sent: ask for another path.
    static func secretFileRefused(_ state: AppState, id: Int, _ failure: SecretFile.Failure) -> AppState {
        var s = state
        guard case .sending(let current, _) = s.submission, current == id else { return s }
        s.submission = .idle
        let suggestion = s.secretFilePath.map(nextFreeName) ?? SecretModal.defaultPath(for: s.form.name.text)
        s.overlay = .secretFilePrompt(TextField(suggestion), reason: failure.description)
        s.status = StatusMessage(.warning, "Nothing was sent: the secret file could not be created.")
        return s
    }

    /// `./a.whsec` -> `./a-2.whsec` -> `./a-3.whsec`.
    static func nextFreeName(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let file = path[slash...]
        let dot = file.lastIndex(of: ".") ?? file.endIndex
        var stem = String(file[..<dot])
        var n = 2
        if let dash = stem.lastIndex(of: "-"), let k = Int(stem[stem.index(after: dash)...]) {
            n = k + 1
            stem = String(stem[..<dash])
        }
        return String(path[..<slash]) + stem + "-\(n)" + String(file[dot...])
    }

    static func finished(_ state: AppState, id: Int, result: Result<Webhook, JetEmailError>,
                         saved: Result<String, SecretFile.Failure>? = nil) -> (AppState, [Effect]) {
        var s = state
        // An answer to a cancelled submit is ignored, unless it created the webhook and its secret
        // went into the secret file: then the person must hear that it exists after all.
        guard case .sending(let current, _) = s.submission, current == id else {
            if case .success(let webhook) = result, case .success(let path)? = saved {
                s.status = StatusMessage(.warning, "The create you cancelled went through: webhook \(webhook.name) exists and its secret is in \(path).")
            }
            return (s, [])
        }
        s.submission = .idle
        var effects: [Effect] = []
        switch result {
        case .success(let webhook):
            var modal = SecretModal(webhook: webhook)
            // The shell wrote the secret file (reserved before sending) before this arrived.
            switch saved {
            case .success(let path)?: modal.savedPath = path
            case .failure(let failure)?: modal.message = StatusMessage(.error, failure.description + " The secret is still here.")
            case nil: break
            }
            if let note = webhook.unreadableNote, modal.message == nil {
                modal.message = StatusMessage(.warning, "\(note); check the webhook in the list.")
            }
            s.beneath = .none
            s.overlay = .secret(modal)
            s.status = StatusMessage(.success, "Created webhook \(webhook.name).")
        case .failure(let error):
            show(error, in: &s)
        }
        if s.terminating {
            s.exitNotice = lossOnExit(s)
            s.quitRequested = true
            effects.append(.quit)
        }
        return (s, effects)
    }

    /// What ending now would lose, in words for stderr; nil when nothing.
    static func lossOnExit(_ s: AppState) -> String? {
        if let modal = s.secretOnScreen, modal.savedPath == nil {
            return "The signing secret of webhook \"\(modal.name)\" (\(modal.uuid)) was not saved and has been discarded. "
                + "The webhook exists; delete it and create it again to get a new secret."
        }
        if s.isSending {
            return "A create was in flight: the webhook may have been created without a known secret. Check the list."
        }
        return nil
    }

    private static func show(_ error: JetEmailError, in s: inout AppState) {
        switch error {
        case .rateLimited(let retryAfter, _):
            // A wait longer than an hour is not counted down: the message says to try later,
            // and after an hour another try may be made (the API refuses it if still blocked).
            let wait = retryAfter ?? 60
            s.submission = .rateLimited(until: s.now + Double(min(wait, RetryAfter.longestWait)), later: wait > RetryAfter.longestWait)
            s.status = StatusMessage(.error, error.message)
        case .noAnswer, .cancelled:
            s.status = StatusMessage(.warning, error.message)
        default:
            if let field = error.field, let control = Control(field: field) {
                s.form.serverErrors[field] = serverText(error)
                s.form.focus = control
            }
            s.status = StatusMessage(.error, error.message)
        }
    }

    private static func serverText(_ error: JetEmailError) -> String {
        switch error {
        case .badRequest(let message, _), .forbiddenFilters(let message, _, _): "JetEmail: \(message)"
        default: error.message
        }
    }
}

enum Countdown {
    /// `4:59` or `12 s`.
    static func text(_ seconds: Double) -> String {
        // Clamped before it becomes an Int: a huge or non-finite wait must not trap.
        let bounded = seconds.isFinite ? min(max(seconds, 0), 359_999) : 0
        let total = Int(bounded.rounded(.up))
        return total >= 60 ? "\(total / 60):\(total % 60 < 10 ? "0" : "")\(total % 60)" : "\(total) s"
    }
}
