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
    /// The answer to request `id`, for whoever sent it.
    case answered(RequestID, Answer)
    /// After a copy with OSC 52: why it may not arrive (inside tmux, with its clipboard off).
    case clipboardAdvice(String)
    /// The client cannot be used (a typed key refused, a bad CA file or proxy): why.
    case clientUnavailable(String)
    /// Requests wait for the request budget: for how long and why (nil: none waits).
    case budgetWait(BudgetWait?)
    /// A 429 holds the account, whichever process of the program met it (nil: nothing holds it).
    case rateLimitHold(BudgetWait?)
    /// Something about the budget the person should know once (the shared ledger cannot be used).
    case budgetNotice(String)
    /// How a job is going, from its runner.
    case job(JobID, JobReport)
    /// Recovers of this account that stopped before their end, found in the journal folder on start.
    case stoppedRecovers([StoppedRecover])
    /// On start: this account's rotations that stopped before their end.
    case stoppedRotations([StoppedRotation])
    /// The terminal went away (SIGHUP) or was told to stop (SIGTERM).
    case terminate
}
