import JetEmailClient
import TerminalUI

/// `R`, from the log or an event's details: the question, the request, and the answer in the
/// status line. The log of one webhook replays to it only; the log of all, to every webhook
/// subscribed to the event's type.
enum ReplayFlow {
    static func ask(_ s: inout AppState, screen: Int, _ delivery: Delivery, scope: Webhook?) {
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
        s.open(.confirm(dialog, screen: screen, action: .replay(ReplayTarget(.eventID(delivery.id), uuid: scope?.uuid), to: scope?.name)))
    }

    static func confirmed(_ s: inout AppState, screen: Int, _ target: ReplayTarget, to name: String?) -> [Effect] {
        if let limit = s.rateLimit, let refusal = limit.refusal(now: s.now, doing: "replaying") {
            s.status = StatusMessage(.error, refusal)
            return []
        }
        let id = s.makeRequestID()
        s.requests[id] = screen
        let what: String
        switch target.event {
        case .eventID(let event): what = TerminalSafe.escaped(event)
        case .sourceUID(let uid): what = "the events of " + TerminalSafe.escaped(uid)
        }
        let described = "the replay of \(what) to " + (name.map { TerminalSafe.escaped($0) } ?? "every subscribed webhook")
        s.changesInFlight[id] = described
        s.status = StatusMessage(.info, "Sending \(described)…")
        return [.call(id: id, .replay(target))]
    }

    /// `what`: the replay in words ("the replay of evt_… to Billing"), as it was asked.
    static func answered(_ s: inout AppState, _ result: Result<ReplayReceipt, JetEmailError>, what: String?) {
        let subject = what.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "The replay"
        switch result {
        case .success(let receipt):
            let message = receipt.message.isEmpty ? "" : " (\(TerminalSafe.escaped(receipt.message)))"
            s.status = StatusMessage(.success, "\(subject): \(TerminalSafe.escaped(receipt.status))\(message).")
        case .failure(let error):
            s.status = StatusMessage(.error, "\(subject) failed: " + error.message(doing: .replay))
        }
    }
}
