import JetEmailClient
import TerminalUI

/// `R`, from the log or an event's details: the question, the request, and the answer in the
/// status line. The log of one webhook replays to it only; the log of all, to every webhook
/// subscribed to the event's type.
enum ReplayFlow {
    static func ask(_ s: inout AppState, screen: Int, _ delivery: Delivery, scope: Webhook?) {
        let id = TerminalSafe.escaped(delivery.id)
        let dialog: ConfirmDialog
        if let scope {
            let name = TerminalSafe.escaped(scope.name)
            dialog = ConfirmDialog(title: "Replay?", message: "Replay \(id) to \(name)? JetEmail sends it again to \(TerminalSafe.escaped(scope.url)) only.",
                                   question: "Replay \(id) to \(name)? y/N", confirmLabel: "replay")
        } else {
            let type = TerminalSafe.escaped(delivery.eventType.rawValue)
            dialog = ConfirmDialog(title: "Replay?", message: "Replay \(id) to every webhook subscribed to \(type)? Each of them receives it again.",
                                   question: "Replay \(id) to every webhook subscribed to \(type)? y/N", confirmLabel: "replay")
        }
        s.open(.confirm(dialog, screen: screen, action: .replay(ReplayTarget(.eventID(delivery.id), uuid: scope?.uuid))))
    }

    static func confirmed(_ s: inout AppState, screen: Int, _ target: ReplayTarget) -> [Effect] {
        if let limit = s.rateLimit, let refusal = limit.refusal(now: s.now, doing: "replaying") {
            s.status = StatusMessage(.error, refusal)
            return []
        }
        let id = s.makeRequestID()
        s.requests[id] = screen
        if case .eventID(let event) = target.event { s.status = StatusMessage(.info, "Replaying \(TerminalSafe.escaped(event))…") }
        return [.call(id: id, .replay(target))]
    }

    static func answered(_ s: inout AppState, _ result: Result<ReplayReceipt, JetEmailError>) {
        switch result {
        case .success(let receipt):
            let message = receipt.message.isEmpty ? "" : " (\(TerminalSafe.escaped(receipt.message)))"
            s.status = StatusMessage(.success, "\(TerminalSafe.escaped(receipt.eventID)): \(TerminalSafe.escaped(receipt.status))\(message). r reloads the log.")
        case .failure(let error):
            if case .rateLimited(let retryAfter, _) = error { s.rateLimit = RateLimit(retryAfter: retryAfter, now: s.now) }
            if case .noAnswer = error {
                s.status = StatusMessage(.error, "No answer to the replay: it may have been enqueued. r reloads the log; check before replaying again.")
            } else {
                s.status = StatusMessage(.error, error.message)
            }
        }
    }
}
