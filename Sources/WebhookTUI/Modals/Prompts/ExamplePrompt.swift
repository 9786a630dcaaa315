import JetEmailClient
import TerminalUI

/// `x` on a webhook's details: the secret is never stored, so it is read from a file the
/// person names here. The prompt stays until the answer: a file that cannot be read is asked
/// for again, the path kept; Esc closes it, and a late answer shows in the status line.
public struct ExamplePrompt: Modal {
    public var input = TextInput()
    public var url: String
    public var eventType: String
    /// An example is on its way, since then.
    public var sending = false
    public var startedAt: Double = 0
    /// Why the last try sent nothing (a secret file that cannot be read).
    public var problem: String?

    init(input: TextInput, url: String, eventType: String) {
        self.input = input; self.url = url; self.eventType = eventType
    }

    /// The example's type: the webhook's first event we know, else a delivery.
    static func eventType(for events: [EventName]) -> String {
        events.first { DeliveryQuery.eventTypes.contains($0.rawValue) }?.rawValue ?? EventType.outboundDelivered.rawValue
    }

    /// For a webhook's details.
    static func asking(for webhook: Webhook) -> ExamplePrompt {
        ExamplePrompt(input: TextInput(SecretModal.defaultPath(for: webhook.name), selected: true), url: webhook.url, eventType: eventType(for: webhook.events))
    }

    static let mainKeys: [Binding<ExamplePrompt>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "send"), help: "send the example, signed with the secret in this file") { prompt, _, context in
            let path = prompt.input.text.trimmingWhitespace()
            guard !path.isEmpty, !prompt.sending else { return .none }
            prompt.sending = true
            prompt.startedAt = context.now
            prompt.problem = nil
            return .send(Request(ReceiverTestTag(), .receiverTest(url: prompt.url, eventType: prompt.eventType, secret: .file(path: path)),
                                 subject: "Receiver test of \(TerminalSafe.escaped(prompt.url))"))
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "close; nothing is sent (an example on its way reports in the status line)") { _, _, _ in
            .close
        },
    ]

    public var keys: [Binding<ExamplePrompt>] {
        Self.mainKeys + (sending ? [] : TextField.bindings.map { widget in
            Binding(widget) { prompt, edit, key, _ in
                prompt.input.field.apply(edit, key: key)
                prompt.problem = nil
                return .none
            }
        })
    }

    public var isTyping: Bool { !sending }
    public var wantsTicks: Bool { sending }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        guard case .receiverTest(let result) = answer else { return .none }
        sending = false
        if case .failure(let failure) = result {
            problem = "No example was sent: \(failure.message)"
            return .none
        }
        let message = Self.message(result)
        return .close + .status(message.tone, message.text)
    }

    static func message(_ result: Result<ReceiverTest.Report, ExampleFailure>) -> StatusMessage {
        switch result {
        case .success(let report):
            StatusMessage(report.verdict == .delivered ? .success : .warning, "Example \(report.eventType): \(report.summary)")
        case .failure(let failure):
            StatusMessage(.error, "No example was sent: \(failure.message)")
        }
    }

    public func draw(into grid: inout Grid, focused: Bool, context: ScreenContext) {
        let width = min(grid.columns - 4, 72)
        let problemLines = problem.map { Wrap.lines($0, width: width - 4, maxLines: 3) } ?? []
        // Where it goes, whole: a URL cut at the box's edge would read as another receiver.
        let whereLines = Wrap.lines("A signed \(eventType) example goes to \(TerminalSafe.escaped(url)).", width: width - 4, maxLines: 3)
        let top = whereLines.count - 1
        let box = Rect.centred(width: width, height: 8 + top + problemLines.count, in: grid)
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: "Test the receiver", style: Style(.accent, bold: true))
        for (i, line) in whereLines.enumerated() { grid.put(line, row: box.row + 1 + i, column: box.column + 2, width: box.width - 4) }
        grid.put("The secret is read from this file (it was shown once, at creation):", row: box.row + 2 + top, column: box.column + 2, style: .muted, width: box.width - 4)
        input.draw(into: &grid, rect: Rect(row: box.row + 4 + top, column: box.column + 2, width: box.width - 4, height: 1), focused: !sending && focused)
        for (i, line) in problemLines.enumerated() { grid.put(line, row: box.row + 5 + top + i, column: box.column + 2, style: .error, width: box.width - 4) }
        let hint = !sending ? Self.mainKeys.compactMap(\.bar).map(\.text).joined(separator: " · ")
            : "Sending… \(String(format1: max(0, context.now - startedAt))) s · Esc closes (the answer shows below)"
        grid.put(hint, row: box.bottom - 2, column: box.column + 2, style: sending ? .accent : .muted, width: box.width - 4)
    }
}

/// A signed example posted to a receiver (from the prompt, or from the secret window).
struct ReceiverTestTag: RequestTagKind {}
