import JetEmailClient
import TerminalUI

/// Sending a signed example (send-example) from the secret window or a webhook's details,
/// and showing what JetEmail would make of the receiver's answer.
enum ExampleFlow {
    enum Action: Sendable, Equatable { case send, cancel, edit(TextEdit) }

    static let promptTable: [KeyBinding<Action>] = [
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "send"), help: "send the example, signed with the secret in this file", .send),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "nothing is sent", .cancel),
    ] + TextField.bindings.map { $0.map(Action.edit) }

    /// The example's type: the webhook's first event we know, else a delivery.
    static func eventType(for events: [EventName]) -> String {
        events.first { DeliveryQuery.eventTypes.contains($0.rawValue) }?.rawValue ?? EventType.outboundDelivered.rawValue
    }

    static func ask(_ s: inout AppState, screen: Int, _ webhook: Webhook) {
        s.open(.examplePrompt(ExamplePrompt(input: TextInput(SecretModal.defaultPath(for: webhook.name)), url: webhook.url,
                                            eventType: eventType(for: webhook.events), screen: screen)))
    }

    static func handlePrompt(_ s: inout AppState, _ prompt: inout ExamplePrompt, _ key: Key) -> [Effect] {
        guard let binding = promptTable.binding(for: key) else { return [] }
        switch binding.action {
        case .cancel:
            // An example already on its way still reports, in the status line.
            if prompt.sending != nil { s.status = StatusMessage(.info, "Sending a signed example to \(TerminalSafe.escaped(prompt.url))…") }
            s.closeModal()
        case .edit(let edit):
            guard prompt.sending == nil else { return [] }
            prompt.input.field.apply(edit, key: key)
            prompt.problem = nil
            s.updateTopModal(.examplePrompt(prompt))
        case .send:
            let path = prompt.input.text.trimmingWhitespace()
            guard !path.isEmpty, prompt.sending == nil else { return [] }
            // The prompt stays until the answer: a file that cannot be read is asked for again.
            let id = s.makeRequestID()
            s.requests[id] = prompt.screen
            prompt.sending = id
            prompt.startedAt = s.now
            prompt.problem = nil
            s.updateTopModal(.examplePrompt(prompt))
            return [.sendExample(id: id, url: prompt.url, eventType: prompt.eventType, secret: .file(path: path))]
        }
        return []
    }

    static func message(_ result: Result<ReceiverTest.Report, ExampleFailure>) -> StatusMessage {
        switch result {
        case .success(let report):
            StatusMessage(report.verdict == .delivered ? .success : .warning, "Example \(report.eventType): \(report.summary)")
        case .failure(let failure):
            StatusMessage(.error, "No example was sent: \(failure.message)")
        }
    }

    /// To the secret window that sent it, wherever it is in the stack; to the prompt that sent
    /// it while open (which asks again when nothing could be sent); else to the status line,
    /// wherever the person is now.
    static func answered(_ s: inout AppState, id: Int, _ result: Result<ReceiverTest.Report, ExampleFailure>) {
        if let index = s.modals.firstIndex(where: { if case .secret(let m) = $0 { m.exampleRequest == id } else { false } }),
           case .secret(var modal) = s.modals[index] {
            modal.exampleRequest = nil
            modal.message = message(result)
            s.modals[index] = .secret(modal)
            return
        }
        guard s.requests.removeValue(forKey: id) != nil else { return }
        if let index = s.modals.firstIndex(where: { if case .examplePrompt(let p) = $0 { p.sending == id } else { false } }),
           case .examplePrompt(var prompt) = s.modals[index] {
            prompt.sending = nil
            if case .failure(let failure) = result {
                prompt.problem = "No example was sent: \(failure.message)"
                s.modals[index] = .examplePrompt(prompt)
                return
            }
            s.modals.remove(at: index)
        }
        s.status = message(result)
    }
}
