import JetEmailClient

/// Submitting: validate first (nothing invalid is ever sent), one request at a time, and
/// every answer shown where it belongs. Input is never cleared by a failure.
enum SubmitFlow {
    static func submit(_ state: AppState) -> (AppState, [Effect]) {
        var s = state
        switch s.submission {
        case .sending:
            s.status = StatusMessage(.info, "Already sending; wait for the answer, or press Esc to cancel.")
            return (s, [])
        case .rateLimited(let until) where s.now < until:
            s.status = StatusMessage(.error, "Rate limited by JetEmail: wait \(Countdown.text(until - s.now)) before creating.")
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
        return (s, [.submit(id: id, request)])
    }

    static func finished(_ state: AppState, id: Int, result: Result<Webhook, JetEmailError>) -> (AppState, [Effect]) {
        var s = state
        // An answer to a cancelled submit is ignored.
        guard case .sending(let current, _) = s.submission, current == id else { return (s, []) }
        s.submission = .idle
        var effects: [Effect] = []
        switch result {
        case .success(let webhook):
            var modal = SecretModal(webhook: webhook)
            if let path = s.secretFilePath {
                // Saved before the modal is first drawn: the shell runs this effect at once.
                modal.writing = true
                modal.message = StatusMessage(.info, "Writing \(path)…")
                effects.append(.writeSecret(path: path, secret: modal.secret))
            }
            s.beneath = .none
            s.overlay = .secret(modal)
            s.status = StatusMessage(.success, "Created webhook \(webhook.name).")
        case .failure(let error):
            show(error, in: &s)
        }
        if s.terminating {
            s.quitRequested = true
            effects.append(.quit)
        }
        return (s, effects)
    }

    private static func show(_ error: JetEmailError, in s: inout AppState) {
        switch error {
        case .rateLimited(let retryAfter, _):
            s.submission = .rateLimited(until: s.now + Double(retryAfter ?? 60))
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
        let total = max(0, Int(seconds.rounded(.up)))
        return total >= 60 ? "\(total / 60):\(total % 60 < 10 ? "0" : "")\(total % 60)" : "\(total) s"
    }
}
