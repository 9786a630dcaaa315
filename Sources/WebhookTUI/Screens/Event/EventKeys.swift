import JetEmailClient
import TerminalUI

/// Keys on an event's details, each with what it does.
extension EventScreen {
    static let mainKeys: [Binding<EventScreen>] = [
        Binding([.escape, .character("q"), .left, .backspace], keys: "Esc, q or ←", bar: BarEntry("Esc", "back", pin: .offHome), help: "back to the log") { _, _, _ in .leave },
        Binding([.character("R")], keys: "R", bar: BarEntry("R", "replay"), help: "replay the event (asks first)") { event, _, _ in
            ReplayQuestion.ask(event.delivery, scope: event.scope, names: event.webhookName.map { [event.delivery.uuid: $0] } ?? [:])
        },
    ]

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        guard let replay = message.as(ReplayConfirmed.self) else { return .none }
        return ReplayQuestion.send(replay.target, to: replay.to)
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        guard case .api(.replayed(let result)) = answer, let replay = tag.as(ReplayTag.self) else { return .none }
        return ReplayQuestion.answered(result, event: replay.event, to: replay.to)
    }

    static var referenceSections: [HelpSection] {
        [
            HelpSection("An event's details", (mainKeys + scrollKeys).helpLines()),
            HelpSection("Questions (replay)", ConfirmModal.helpLines(yes: "replay to the row's webhook", alternative: ReplayQuestion.toEveryone)),
        ]
    }
}
