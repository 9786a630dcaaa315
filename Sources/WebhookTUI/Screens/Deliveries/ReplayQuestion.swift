import JetEmailClient
import TerminalUI

/// `R`, from the log or an event's details: the question, the request, and what its answer
/// says. The log of one webhook replays to it only; the log of all, to every webhook subscribed
/// to the event's type.
enum ReplayQuestion {
    static func ask(_ delivery: Delivery, scope: Webhook?) -> Outcome {
        let id = TerminalSafe.escaped(delivery.id)
        let dialog: ConfirmDialog
        // The message says exactly what goes where; the question is short enough that its y/N
        // stays in view at 80 columns (a long one wraps, never cut).
        if let scope {
            let name = TerminalSafe.escaped(scope.name)
            dialog = ConfirmDialog(title: "Replay?", message: "Replay \(id) to \(name)? JetEmail sends it again to \(TerminalSafe.escaped(scope.url)) only.",
                                   question: "Replay it to \(name)? y/N", confirmLabel: "replay")
        } else {
            let type = TerminalSafe.escaped(delivery.eventType.rawValue)
            dialog = ConfirmDialog(title: "Replay?", message: "Replay \(id) to every webhook subscribed to \(type)? Each of them receives it again.",
                                   question: "Replay it to every subscribed webhook? y/N", confirmLabel: "replay")
        }
        return .open(ConfirmModal(dialog, onYes: .tell(.replay(ReplayTarget(.eventID(delivery.id), uuid: scope?.uuid), to: scope?.name))))
    }

    static func send(_ target: ReplayTarget, to name: String?) -> Outcome {
        let what: String
        let event: String
        switch target.event {
        case .eventID(let id): what = TerminalSafe.escaped(id); event = id
        case .sourceUID(let uid): what = "the events of " + TerminalSafe.escaped(uid); event = uid
        }
        let described = "the replay of \(what) to " + (name.map { TerminalSafe.escaped($0) } ?? "every subscribed webhook")
        return .send(.api(.replay(event: event), .replay(target), progress: "Sending \(described)…", change: described,
                          subject: described.prefix(1).uppercased() + described.dropFirst()))
    }

    /// What the answer says, as it was asked ("The replay of evt_… to Billing: enqueued").
    static func answered(_ result: Result<ReplayReceipt, JetEmailError>, event: String, scope: Webhook?) -> Outcome {
        let subject = "The replay of \(TerminalSafe.escaped(event)) to " + (scope.map { TerminalSafe.escaped($0.name) } ?? "every subscribed webhook")
        switch result {
        case .success(let receipt):
            let message = receipt.message.isEmpty ? "" : " (\(TerminalSafe.escaped(receipt.message)))"
            return .status(.success, "\(subject): \(TerminalSafe.escaped(receipt.status))\(message).")
        case .failure(let error):
            return .status(.error, "\(subject) failed: " + error.message(doing: .replay))
        }
    }
}
