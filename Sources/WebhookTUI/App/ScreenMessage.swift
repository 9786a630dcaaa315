import JetEmailClient
import TerminalUI

/// What screens and modals tell each other, one way: a question's answer to the screen that
/// asked it, a webhook changed or created to the list, a choice to the form.
public enum ScreenMessage: Sendable, Equatable {
    /// `y` to a question (`ConfirmModal`), to the screen that asked it.
    case confirmed(ConfirmAction)
    /// The event type chosen in the picker (nil: all types).
    case pickedType(String?)
    /// The names checked in a filter picker.
    case pickedNames([String], users: Bool)
    /// A webhook as the server now has it (saved, created); `say`: for the receiver's status line.
    case webhookChanged(Webhook, select: Bool, say: StatusMessage?)
    case webhookGone(uuid: String)
    /// A key of the list's, on this webhook (`e`, `d` in details).
    case act(Key, onWebhook: String)
    /// The path a create's secret goes to, chosen after the first could not be made (nil: none).
    case secretFileChosen(String?)
    /// A key was typed at the prompt: what could not be loaded without one is asked for again.
    case keyAccepted
    /// The secret window closed; `saved`: where its secret went.
    case secretClosed(Webhook, saved: String?)
    /// The recover run enqueued this event's replay: a log showing it turns it pending.
    case replayEnqueued(uuid: String, eventID: String)
    /// The recover run moved on (its state is in the context).
    case recoverChanged
    /// After a copy with OSC 52: why it may not arrive (to the modal on top).
    case clipboardAdvice(String)
}

/// What a question asked to be confirmed.
public enum ConfirmAction: Sendable, Equatable {
    case disable(uuid: String)
    /// Enable a webhook whose status the API gave as unreadable.
    case enable(uuid: String)
    case delete(uuid: String)
    /// Leave the form, losing what was typed.
    case leaveForm
    /// `to`: the one webhook's name, or nil for every subscribed webhook.
    case replay(ReplayTarget, to: String?)
    /// Start the recover the question described.
    case recover(RecoverProposal)
    /// Replay the marked events, each to the webhook its row belongs to.
    case replayMarked([MarkedReplay])
    /// Enable or disable the marked webhooks (by uuid).
    case setStatusOfMarked([String], WebhookStatus)
    case deleteMarked([String])
}

/// One marked event to replay: to its own webhook (`name` for what is said of it).
public struct MarkedReplay: Sendable, Equatable {
    public var target: ReplayTarget
    public var name: String?
    public init(target: ReplayTarget, name: String?) { self.target = target; self.name = name }
}
