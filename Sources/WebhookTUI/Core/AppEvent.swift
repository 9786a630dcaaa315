import JetEmailClient

/// Everything that can happen to the program, from the keyboard, the terminal or an effect.
public enum AppEvent: Sendable, Equatable {
    case key(Key)
    case resize(columns: Int, rows: Int)
    /// Time passes (drives the spinner and countdowns).
    case tick
    case submitFinished(id: Int, Result<Webhook, JetEmailError>)
    case secretWritten(Result<String, SecretFile.Failure>)
    /// The terminal went away (SIGHUP) or was told to stop (SIGTERM).
    case terminate
}

