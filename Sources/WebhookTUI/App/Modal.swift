import TerminalUI

/// A window over the screen that takes every key while it is on top. Modals stack: help may
/// open over the secret window, the quit question over either; closing one shows the one below.
public enum Modal: Sendable, Equatable {
    case help(HelpModal)
    /// "Quit? y/N"; the message says what would be lost.
    case confirmQuit(ConfirmDialog)
    case secret(SecretModal)
    /// No key was found: ask for one, masked.
    case apiKeyPrompt(TextInput)
    /// The secret file of a create could not be made: ask where the secret should go instead.
    case secretFilePrompt(SecretFilePrompt)
}
