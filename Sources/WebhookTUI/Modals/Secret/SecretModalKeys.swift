import JetEmailClient
import TerminalUI

/// Keys on the secret window, in three tables: the window itself, the path prompt, and the
/// question before closing unsaved.
enum SecretModalKeys {
    enum Action: Sendable, Equatable { case write, copy, sendExample, close, confirmClose, stay, writeFile, back, edit(TextEdit) }

    static let table: [KeyBinding<Action>] = [
        KeyBinding([.character("w"), .character("W")], keys: "w", bar: BarEntry("w", "write to file"), help: "write the secret to a new file (0600, never overwrites)", .write),
        KeyBinding([.character("c"), .character("C")], keys: "c", bar: BarEntry("c", "copy (OSC 52)"), help: "copy to the terminal's clipboard (OSC 52)", .copy),
        KeyBinding([.character("x"), .character("X")], keys: "x", bar: BarEntry("x", "test"), help: "test the receiver: post a signed example event to the webhook's URL and show what JetEmail would make of the answer", .sendExample),
        KeyBinding([.enter, .character("q"), .escape], keys: "Enter, q or Esc", bar: BarEntry("Enter/q", "close"), help: "close (asks first if the secret was not saved)", .close),
    ]

    static let pathPromptTable: [KeyBinding<Action>] = [
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "write the file"), help: "write the file at the path typed", .writeFile),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "back"), help: "back to the secret, nothing written", .back),
    ] + TextField.bindings.map { $0.map(Action.edit) }

    static let confirmTable: [KeyBinding<Action>] = [
        KeyBinding([.character("y"), .character("Y")], keys: "y", bar: BarEntry("y", "close and lose the secret"), help: "close without saving", .confirmClose),
        KeyBinding([.anyKey], keys: "any other key", bar: BarEntry("any other key", "stays"), help: "keep the window open", .stay),
    ]

    static func currentTable(_ modal: SecretModal) -> [KeyBinding<Action>] {
        modal.confirmingClose ? confirmTable : modal.pathPrompt != nil ? pathPromptTable : table
    }

    static func barEntries(_ modal: SecretModal) -> [BarEntry] {
        let entries = currentTable(modal).barEntries()
        return modal.confirmingClose || modal.pathPrompt != nil ? entries : entries + [BarEntry("F1", "help")]
    }

    static func handle(_ s: inout AppState, _ modal: inout SecretModal, _ key: Key) -> [Effect] {
        guard let binding = currentTable(modal).binding(for: key) else { return [] }
        var effects: [Effect] = []
        switch binding.action {
        case .confirmClose:
            modal.confirmingClose = false
            close(&s, modal)
            return []
        case .stay:
            modal.confirmingClose = false
        case .write:
            modal.pathPrompt = TextInput(modal.defaultPath)
            modal.message = nil
        case .copy:
            effects.append(.copyToClipboard(modal.secret))
            modal.message = StatusMessage(.info, "Sent to the terminal's clipboard (OSC 52). Some terminals ignore this: paste to check, or use w.")
        case .sendExample:
            guard modal.exampleRequest == nil else { break }
            let id = s.makeRequestID()
            modal.exampleRequest = id
            modal.message = StatusMessage(.info, "Sending a signed example to \(TerminalSafe.escaped(modal.url))…")
            effects.append(.sendExample(id: id, url: modal.url, eventType: ExampleFlow.eventType(for: modal.events), secret: .given(modal.secret)))
        case .close:
            if modal.savedPath == nil { modal.confirmingClose = true } else { close(&s, modal); return [] }
        case .back:
            modal.pathPrompt = nil
            modal.message = nil
        case .writeFile:
            let path = modal.pathPrompt?.text ?? ""
            if modal.writing { break }
            if path.isEmpty {
                modal.message = StatusMessage(.error, "Type a path for the new file.")
            } else {
                modal.writing = true
                modal.message = StatusMessage(.info, "Writing \(path)…")
                effects.append(.writeSecret(path: path, secret: modal.secret))
            }
        case .edit(let edit):
            modal.pathPrompt?.field.apply(edit, key: key)
        }
        s.updateTopModal(.secret(modal))
        return effects
    }

    /// A note about the copy just sent, shown in the window that sent it.
    static func advise(_ s: inout AppState, _ advice: String) {
        guard case .secret(var modal)? = s.topModal else { return }
        modal.message = StatusMessage(.warning, advice)
        s.updateTopModal(.secret(modal))
    }

    /// The file write finished: told to the secret window, wherever it is in the stack (help
    /// or the quit question may be over it).
    static func written(_ s: inout AppState, _ result: Result<String, SecretFile.Failure>) {
        guard let index = s.modals.lastIndex(where: { if case .secret = $0 { true } else { false } }),
              case .secret(var modal) = s.modals[index] else { return }
        modal.writing = false
        switch result {
        case .success(let path):
            modal.savedPath = path
            modal.pathPrompt = nil
            modal.message = nil
        case .failure(let failure):
            modal.message = StatusMessage(.error, failure.description + " The secret is still here.")
        }
        s.modals[index] = .secret(modal)
    }

    /// Closing forgets the secret. A form opened from the list goes, and the list shows the new
    /// webhook selected; a form on its own starts afresh.
    private static func close(_ s: inout AppState, _ modal: SecretModal) {
        s.closeModal()
        if let origin = modal.origin {
            if s.screens.count > 1, s.topScreen.id == origin {
                s.pop()
                let below = s.topScreen.id
                s.withList(below) { list, _ in list.replace(modal.webhook, select: true) }
            } else {
                s.replace(origin, with: .form(FormState()))
            }
        }
        s.status = modal.savedPath.map { StatusMessage(.success, "Webhook \(modal.name) created; its secret is in \($0).") }
            ?? StatusMessage(.warning, "Webhook \(modal.name) created; its secret was not saved.")
    }
}
