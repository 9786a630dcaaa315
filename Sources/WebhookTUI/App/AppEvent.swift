import JetEmailClient
import TerminalUI

/// Everything that can happen to the program, from the keyboard, the terminal or an effect.
public enum AppEvent: Sendable, Equatable {
    /// The first frame is on screen: screens that load something start now.
    case start
    /// The first frame has been up a moment (a second): work that can wait, such as the form's
    /// lists of the account's users and domains, starts now, off the way of the first keys.
    case settled
    case key(Key)
    case resize(columns: Int, rows: Int)
    /// Time passes (drives the spinner and countdowns).
    case tick
    /// The answer to request `id`, delivered to the screen that sent it. `saved`: where the
    /// secret went when the submit named a secret file, or why it could not.
    case submitFinished(id: Int, Result<Webhook, JetEmailError>, saved: Result<String, SecretFile.Failure>? = nil)
    /// The answer to API call `id`.
    case answered(id: Int, APIAnswer)
    /// The secret file of a submit could not be created: nothing was sent.
    case secretFileRefused(id: Int, SecretFile.Failure)
    /// After a copy with OSC 52: why it may not arrive (inside tmux, with its clipboard off).
    case clipboardAdvice(String)
    /// The client cannot be used (a typed key refused, a bad CA file or proxy): why.
    case clientUnavailable(String)
    case secretWritten(Result<String, SecretFile.Failure>)
    /// The receiver's answer to an example, or why none could be sent (the secret file unreadable).
    case exampleSent(id: Int, Result<ReceiverTest.Report, ExampleFailure>)
    /// The terminal went away (SIGHUP) or was told to stop (SIGTERM).
    case terminate
}

/// Why an example was not sent.
public struct ExampleFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
