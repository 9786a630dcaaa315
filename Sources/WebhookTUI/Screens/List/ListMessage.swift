import JetEmailClient
import TerminalUI

/// What other screens and the list's own questions tell the list.
enum ListMessage: ScreenMessageKind {
    /// Yes to "Disable…?", "Enable…?" (a status the API gave as unreadable), "Delete…?".
    case disable(uuid: String)
    case enable(uuid: String)
    case delete(uuid: String)
    /// Yes (or the alternative) to the question about the marked webhooks.
    case setStatusOfMarked([String], WebhookStatus)
    case deleteMarked([String])
    /// A key of the list's, on this webhook (`e`, `d` in details).
    case act(Key, onWebhook: String)
    /// A webhook as the server now has it (saved, created); `say`: for the list's status line.
    case changed(Webhook, select: Bool, say: StatusMessage?)
    case gone(uuid: String)
}
