import JetEmailClient
import TerminalUI

/// Submitting: validate first (nothing invalid is ever sent), one request at a time, and
/// every answer shown where it belongs. Input is never cleared by a failure.
enum SubmitFlow {
    static func submit(_ form: inout FormState, screen: Int, app s: inout AppState) -> [Effect] {
        if form.isSending {
            s.status = StatusMessage(.info, "Already sending; wait for the answer, or press Esc to cancel.")
            return []
        }
        if let limit = s.rateLimit, let refusal = limit.refusal(now: s.now, doing: form.editing == nil ? "creating" : "saving") {
            s.status = StatusMessage(.error, refusal)
            return []
        }
        let outcome = form.validation
        if form.editing != nil, !outcome.report.hasErrors {
            return save(&form, screen: screen, app: &s)
        }
        guard let request = outcome.request else {
            form.touched = Set(WebhookField.allCases)
            if let first = outcome.report.firstInvalidField, let control = Control(field: first) { form.focus = control }
            let count = outcome.report.errors.count
            s.status = StatusMessage(.error, "Nothing was sent: fix the \(count == 1 ? "problem" : "\(count) problems") marked in red.")
            return []
        }
        let id = startSending(&form, screen: screen, app: &s)
        return [.submit(id: id, request, secretFile: s.secretFilePath)]
    }

    /// An edit: only the changed fields, and nothing at all when nothing changed.
    private static func save(_ form: inout FormState, screen: Int, app s: inout AppState) -> [Effect] {
        guard let patch = form.patch, !patch.isEmpty else {
            s.status = StatusMessage(.info, "No changes to save.")
            return []
        }
        let id = startSending(&form, screen: screen, app: &s)
        s.changesInFlight[id] = "the save of \(TerminalSafe.escaped(form.editing?.name ?? "")) (\(patch.uuid))"
        return [.call(id: id, .update(patch))]
    }

    /// A request of this form: its id, addressed to the form; the form shows it is sending.
    private static func startSending(_ form: inout FormState, screen: Int, app s: inout AppState) -> Int {
        let id = s.makeRequestID()
        s.requests[id] = screen
        form.submission = .sending(id: id, startedAt: s.now)
        form.serverErrors = [:]
        s.status = nil
        return id
    }

    /// The answer to a save. Success closes the form and shows the row as the server now has it;
    /// a failure keeps everything typed.
    static func saved(_ form: inout FormState, screen: Int, id: Int, _ answer: APIAnswer, app s: inout AppState) {
        guard case .sending(let current, _) = form.submission, current == id, case .webhook(let result) = answer else { return }
        form.submission = .idle
        switch result {
        case .success(let webhook):
            s.leave(screen)
            s.withFirstList { list, _ in list.replace(webhook, select: true) }
            s.status = StatusMessage(.success, "Saved \(TerminalSafe.escaped(webhook.name)).")
        case .failure(.savedButNotRead(let reason)):
            // The change is made: the row shows it as sent, and the next load brings the rest.
            if let original = form.editing, let patch = form.patch {
                s.leave(screen)
                s.withFirstList { list, _ in list.replace(patch.applied(to: original), select: true) }
            }
            s.status = StatusMessage(.warning, "Saved; the fresh copy could not be read (\(reason)). r reloads the list.")
        case .failure(.notFound):
            if let uuid = form.editing?.uuid { s.withFirstList { list, _ in list.remove(uuid: uuid) } }
            s.status = StatusMessage(.error, "This webhook no longer exists (deleted elsewhere?); nothing was saved. Your input is kept; Esc leaves.")
        case .failure(let error):
            show(error, in: &form, app: &s)
        }
    }

    /// The secret file of this create could not be made, so nothing was sent: ask for another path.
    static func secretFileRefused(_ form: inout FormState, screen: Int, id: Int, _ failure: SecretFile.Failure, app s: inout AppState) {
        guard case .sending(let current, _) = form.submission, current == id else { return }
        form.submission = .idle
        let suggestion = s.secretFilePath.map(nextFreeName) ?? SecretModal.defaultPath(for: form.name.text)
        s.open(.secretFilePrompt(SecretFilePrompt(path: suggestion, reason: failure.description, screen: screen)))
        s.status = StatusMessage(.warning, "Nothing was sent: the secret file could not be created.")
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

    static func finished(_ form: inout FormState, screen: Int, id: Int, result: Result<Webhook, JetEmailError>,
                         saved: Result<String, SecretFile.Failure>?, app s: inout AppState) {
        // An answer to a cancelled submit is ignored, unless it created the webhook: then the
        // person must hear that it exists after all, and its secret is never dropped.
        guard case .sending(let current, _) = form.submission, current == id else {
            unclaimed(result, saved: saved, app: &s)
            return
        }
        form.submission = .idle
        switch result {
        case .success(let webhook):
            var modal = SecretModal(webhook: webhook, origin: screen)
            // The shell wrote the secret file (reserved before sending) before this arrived.
            switch saved {
            case .success(let path)?: modal.savedPath = path
            case .failure(let failure)?: modal.message = StatusMessage(.error, failure.description + " The secret is still here.")
            case nil: break
            }
            if let note = webhook.unreadableNote, modal.message == nil {
                modal.message = StatusMessage(.warning, "\(note); check the webhook in the list.")
            }
            // Whatever was open over the form (help, the quit question) gives way to the secret.
            s.modals = [.secret(modal)]
            s.status = StatusMessage(.success, "Created webhook \(webhook.name).")
        case .failure(let error):
            show(error, in: &form, app: &s)
        }
    }

    /// An answer nobody waits for (cancelled, or its screen is gone). Dropped, unless it created
    /// the webhook: then the person must hear that it exists after all, and its secret is never
    /// dropped.
    static func unclaimed(_ result: Result<Webhook, JetEmailError>, saved: Result<String, SecretFile.Failure>?, app s: inout AppState) {
        guard case .success(let webhook) = result else { return }
        if case .success(let path)? = saved {
            s.status = StatusMessage(.warning, "The create you cancelled went through: webhook \(webhook.name) exists and its secret is in \(path).")
        } else if webhook.secret != nil {
            s.open(.secret(SecretModal(webhook: webhook, origin: nil)))
            s.status = StatusMessage(.warning, "The create you cancelled went through: webhook \(webhook.name) exists.")
        }
    }

    private static func show(_ error: JetEmailError, in form: inout FormState, app s: inout AppState) {
        let operation: JetEmailError.Operation = form.editing == nil ? .create : .change
        switch error {
        case .rateLimited:
            // The app-wide wait was set where the answer came in; the countdown shows it.
            s.status = StatusMessage(.error, error.message(doing: operation))
        case .noAnswer, .cancelled, .answerUnusable:
            s.status = StatusMessage(.warning, error.message(doing: operation))
        default:
            if let field = error.field, let control = Control(field: field) {
                form.serverErrors[field] = serverText(error, operation)
                form.focus = control
            }
            s.status = StatusMessage(.error, error.message(doing: operation))
        }
    }

    private static func serverText(_ error: JetEmailError, _ operation: JetEmailError.Operation) -> String {
        switch error {
        case .badRequest(let message, _), .forbiddenFilters(let message, _, _): "JetEmail: \(message)"
        default: error.message(doing: operation)
        }
    }
}
