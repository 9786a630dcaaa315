import JetEmailClient
import TerminalUI

/// Submitting: validate first (nothing invalid is ever sent), one request at a time, and
/// every answer shown where it belongs. Input is never cleared by a failure.
extension FormScreen {
    mutating func submit(_ context: ScreenContext) -> Outcome {
        if isSending { return .status(.info, "Already sending; wait for the answer, or press Esc to cancel.") }
        let outcome = validation
        if editing != nil, !outcome.report.hasErrors { return save(context) }
        guard let request = outcome.request else {
            touched = Set(WebhookField.allCases)
            if let first = outcome.report.firstInvalidField, let control = Control(field: first) { focus = control }
            let count = outcome.report.errors.count
            return .status(.error, "Nothing was sent: fix the \(count == 1 ? "problem" : "\(count) problems") marked in red.")
        }
        startSending(context)
        return .send(Request(FormTag.create, .api(.create(request, secretFile: context.secretFilePath)),
                             subject: "The create of \(TerminalSafe.escaped(request.name))")) + .clearStatus
    }

    /// An edit: only the changed fields, and nothing at all when nothing changed.
    private mutating func save(_ context: ScreenContext) -> Outcome {
        guard let patch, !patch.isEmpty else { return .status(.info, "No changes to save.") }
        startSending(context)
        let name = TerminalSafe.escaped(editing?.name ?? "")
        return .send(.api(FormTag.save(uuid: patch.uuid), .update(patch), change: "the save of \(name) (\(patch.uuid))", subject: "The save of \(name)"))
            + .clearStatus
    }

    private mutating func startSending(_ context: ScreenContext) {
        sendingSince = context.now
        serverErrors = [:]
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        switch answer {
        case .api(.choices(let users, let domains)):
            FilterChoices.answered(&self, users: users, domains: domains)
            return .none
        case .api(.created(let result, let saved)):
            guard isSending else { return .none }
            sendingSince = nil
            return created(result, saved: saved)
        case .api(.secretFileRefused(let failure)):
            sendingSince = nil
            let suggestion = context.secretFilePath.map(Self.nextFreeName) ?? SecretModal.defaultPath(for: name.text)
            return .open(SecretFilePrompt(path: suggestion, reason: failure.description))
                .with(.warning, "Nothing was sent: the secret file could not be created.")
        case .api(.webhook(let result)):
            guard isSending else { return .none }
            sendingSince = nil
            return saved(result)
        default:
            return .none
        }
    }

    /// The answer to a create: the secret window, over everything, or the error.
    private mutating func created(_ result: Result<Webhook, JetEmailError>, saved: Result<String, SecretFile.Failure>?) -> Outcome {
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
            var outcome = Outcome.status(.success, "Created webhook \(TerminalSafe.escaped(webhook.name)).")
            // Whatever was open over the form (help, the quit question) gives way to the secret.
            outcome.navigation = [.openAlone(modal)]
            return outcome
        case .failure(let error):
            return failed(error)
        }
    }

    /// The answer to a save. Success closes the form and shows the row as the server now has it;
    /// a failure keeps everything typed.
    private mutating func saved(_ result: Result<Webhook, JetEmailError>) -> Outcome {
        switch result {
        case .success(let webhook):
            return .leave + .message(ListMessage.changed(webhook, select: true, say: StatusMessage(.success, "Saved \(TerminalSafe.escaped(webhook.name)).")), to: .below)
        case .failure(.savedButNotRead(let reason)):
            // The change is made: the row shows it as sent, and the next load brings the rest.
            guard let original = editing, let patch else { return .none }
            return .leave + .message(ListMessage.changed(patch.applied(to: original), select: true,
                                                     say: StatusMessage(.warning, "Saved; the fresh copy could not be read (\(reason)). r reloads the list.")), to: .below)
        case .failure(.notFound):
            let gone = editing.map { Outcome.message(ListMessage.gone(uuid: $0.uuid), to: .below) } ?? .none
            return gone.with(.error, "This webhook no longer exists (deleted elsewhere?); nothing was saved. Your input is kept; Esc leaves.")
        case .failure(let error):
            return failed(error)
        }
    }

    private mutating func failed(_ error: JetEmailError) -> Outcome {
        let operation: JetEmailError.Operation = editing == nil ? .create : .change
        switch error {
        case .rateLimited, .heldByRateLimit:
            // The app-wide wait was set where the answer came in; the countdown shows it.
            return .status(.error, error.message(doing: operation))
        case .noAnswer, .cancelled, .answerUnusable:
            return .status(.warning, error.message(doing: operation))
        default:
            if let field = error.field, let control = Control(field: field) {
                serverErrors[field] = Self.serverText(error, operation)
                focus = control
            }
            return .status(.error, error.message(doing: operation))
        }
    }

    private static func serverText(_ error: JetEmailError, _ operation: JetEmailError.Operation) -> String {
        switch error {
        case .badRequest(let message, _), .forbiddenFilters(let message, _, _): "JetEmail: \(message)"
        default: error.message(doing: operation)
        }
    }

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        if case .names(let names, let users)? = message.as(PickerChoice.self) { return FilterChoices.put(&self, names, users: users) }
        if message.as(APIKeyAccepted.self) != nil {
            // Lists the form could not fetch without a key are asked for again with it.
            return choices.requested || choices.isLoaded ? .none : FilterChoices.load(&self, context)
        }
        guard let message = message.as(FormMessage.self) else { return .none }
        switch message {
        case .leave:
            return .leave
        case .secretFileChosen(let path):
            var outcome = Outcome()
            outcome.secretFilePath = .some(path)
            var asked = context
            asked.secretFilePath = path
            return outcome + submit(asked)
        case .secretClosed(let webhook, let savedPath):
            let said = savedPath.map { StatusMessage(.success, "Webhook \(TerminalSafe.escaped(webhook.name)) created; its secret is in \($0).") }
                ?? StatusMessage(.warning, "Webhook \(TerminalSafe.escaped(webhook.name)) created; its secret was not saved.")
            // A form opened from the list goes, and the list shows the new webhook selected; a
            // form on its own starts afresh.
            if context.depth > 1 { return .leave + .message(ListMessage.changed(webhook, select: true, say: said), to: .below) }
            var fresh = FormScreen()
            fresh.choices = choices
            var outcome = Outcome()
            outcome.navigation = [.replace(fresh)]
            return outcome + .status(said.tone, said.text)
        }
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

    /// A create's answer nobody waits for (cancelled, or its form is gone). Dropped, unless it
    /// created the webhook: then the person must hear that it exists after all, and its secret
    /// is never dropped.
    static func unclaimed(_ webhook: Webhook, saved: Result<String, SecretFile.Failure>?, app s: inout AppState) {
        let top = s.topScreen.id
        if case .success(let path)? = saved {
            s.setStatus(StatusMessage(.warning, "The create you cancelled went through: webhook \(TerminalSafe.escaped(webhook.name)) exists and its secret is in \(path)."), of: top)
        } else if webhook.secret != nil {
            // No owner: closing it leaves every form as it is.
            s.modals.append(ModalEntry(id: s.makeID(), owner: nil, modal: SecretModal(webhook: webhook)))
            s.setStatus(StatusMessage(.warning, "The create you cancelled went through: webhook \(TerminalSafe.escaped(webhook.name)) exists."), of: top)
        }
    }
}
