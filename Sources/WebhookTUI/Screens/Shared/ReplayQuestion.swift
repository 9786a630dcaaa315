import JetEmailClient
import TerminalUI

/// `R`, from the log or an event's details: the question, the request, and what its answer
/// says. A replay goes to the webhook the row belongs to (its `uuid`), in a webhook's own log
/// and in the log of all alike; every webhook subscribed to the event's type is a second,
/// explicit choice (`a`) in the log of all.
enum ReplayQuestion {
    /// The second choice of the log of all.
    static let toEveryone = ConfirmDialog.Alternative(key: "a", label: "every subscribed webhook")

    /// `names`: the webhooks' names by uuid (the log of all knows them).
    static func ask(_ delivery: Delivery, scope: Webhook?, names: [String: String] = [:]) -> Outcome {
        let id = TerminalSafe.escaped(delivery.id)
        let type = TerminalSafe.escaped(delivery.eventType.rawValue)
        let everyone = ReplayTarget(.eventID(delivery.id), uuid: nil)
        // The message says exactly what goes where; the question is short enough that its y/N
        // stays in view at 80 columns (a long one wraps, never cut).
        if let scope {
            let name = TerminalSafe.escaped(scope.name)
            let dialog = ConfirmDialog(title: "Replay?", message: "Replay \(id) to \(name)? JetEmail sends it again to \(TerminalSafe.escaped(scope.url)) only.",
                                       question: "Replay it to \(name)? y/N", confirmLabel: "replay")
            return .open(ConfirmModal(dialog, onYes: .tell(ReplayConfirmed(target: ReplayTarget(.eventID(delivery.id), uuid: scope.uuid), to: scope.name))))
        }
        guard !delivery.uuid.isEmpty else {
            // A row that does not say its webhook: every subscribed webhook is all there is.
            let dialog = ConfirmDialog(title: "Replay?", message: "Replay \(id) to every webhook subscribed to \(type)? This row does not say "
                                       + "which webhook it was delivered to, so each of them receives it again.",
                                       question: "Replay it to every subscribed webhook? y/N", confirmLabel: "replay to all")
            return .open(ConfirmModal(dialog, onYes: .tell(ReplayConfirmed(target: everyone, to: nil))))
        }
        let name = names[delivery.uuid] ?? delivery.uuid
        let shown = TerminalSafe.escaped(name)
        let dialog = ConfirmDialog(title: "Replay?", message: "Replay \(id) to \(shown), the webhook this row was delivered to? "
                                   + "Or press a to replay it to every webhook subscribed to \(type): each of them receives it again.",
                                   question: "Replay it to \(shown)? y/N, a: all", confirmLabel: "replay to it", alternative: toEveryone)
        return .open(ConfirmModal(dialog, onYes: .tell(ReplayConfirmed(target: ReplayTarget(.eventID(delivery.id), uuid: delivery.uuid), to: name)),
                                  onAlternative: ScreenMessage(ReplayConfirmed(target: everyone, to: nil))))
    }

    static func send(_ target: ReplayTarget, to name: String?) -> Outcome {
        let what: String
        let event: String
        switch target.event {
        case .eventID(let id): what = TerminalSafe.escaped(id); event = id
        case .sourceUID(let uid): what = "the events of " + TerminalSafe.escaped(uid); event = uid
        }
        let described = "the replay of \(what) to " + describe(name)
        return .send(.api(ReplayTag(event: event, to: name), .replay(target), progress: "Sending \(described)…", change: described,
                          subject: described.prefix(1).uppercased() + described.dropFirst()))
    }

    /// One webhook by its name, or every subscribed one.
    static func describe(_ name: String?) -> String { name.map { TerminalSafe.escaped($0) } ?? "every subscribed webhook" }

    /// What the answer says, as it was asked ("The replay of evt_… to Billing: enqueued").
    static func answered(_ result: Result<ReplayReceipt, JetEmailError>, event: String, to name: String?) -> Outcome {
        let subject = "The replay of \(TerminalSafe.escaped(event)) to " + describe(name)
        switch result {
        case .success(let receipt) where !receipt.isEnqueued:
            return .status(.error, "\(subject): \(receipt.refusal).")
        case .success(let receipt):
            let message = receipt.message.isEmpty ? "" : " (\(TerminalSafe.escaped(receipt.message)))"
            return .status(.success, "\(subject): \(TerminalSafe.escaped(receipt.status))\(message).")
        case .failure(let error):
            return .status(.error, "\(subject) failed: " + error.message(doing: .replay))
        }
    }
}

/// A replay's request, on any screen that sends one: `to` is the one webhook's name, or nil for
/// every subscribed webhook.
struct ReplayTag: RequestTagKind {
    var event: String
    var to: String?
}

/// Yes to a replay question, to the screen that asked: `to` is the one webhook's name, or nil
/// for every subscribed webhook.
struct ReplayConfirmed: ScreenMessageKind {
    var target: ReplayTarget
    var to: String?
}
