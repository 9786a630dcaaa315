import JetEmailClient
import TerminalUI

/// A window over the screen that takes every key while it is on top. Modals stack: help may
/// open over the secret window, the quit question over either; closing one shows the one below.
public enum Modal: Sendable, Equatable {
    case help(HelpModal)
    /// "Quit? y/N"; the message says what would be lost.
    case confirmQuit(ConfirmDialog)
    /// A question a screen asked ("Delete NAME?"); `y` sends `action` back to that screen.
    case confirm(ConfirmDialog, screen: Int, action: ConfirmAction)
    case secret(SecretModal)
    /// No key was found: ask for one, masked.
    case apiKeyPrompt(TextInput)
    /// The secret file of a create could not be made: ask where the secret should go instead.
    case secretFilePrompt(SecretFilePrompt)
    /// Choosing from a list: the log's event type, a filter's users or domains.
    case picker(PickerModal)
    /// `x` on a webhook's details: which secret file signs the example.
    case examplePrompt(ExamplePrompt)
}

/// What a screen asked to be confirmed.
public enum ConfirmAction: Sendable, Equatable {
    case disable(uuid: String)
    /// Enable a webhook whose status the API gave as unreadable.
    case enable(uuid: String)
    case delete(uuid: String)
    /// Leave the form, losing what was typed.
    case leaveForm
    /// `to`: the one webhook's name, or nil for every subscribed webhook.
    case replay(ReplayTarget, to: String?)
}
