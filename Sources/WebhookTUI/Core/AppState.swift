import JetEmailClient
import TerminalUI

/// The whole state of the interactive program, as a plain value.
public struct AppState: Sendable, Equatable {
    public enum Submission: Sendable, Equatable {
        case idle
        case sending(id: Int, startedAt: Double)
        /// 429: no new submit until then. `later`: the API asked for more than an hour, which
        /// is not counted down; the person is told to try again later.
        case rateLimited(until: Double, later: Bool = false)
    }

    public enum Overlay: Sendable, Equatable {
        case none
        case help
        /// "Quit? y/N"; the text says what would be lost.
        case confirmQuit(reason: String)
        case secret(SecretModal)
        /// No key was found: ask for one, masked.
        case apiKeyPrompt(TextField)
        /// The secret file could not be created for this create (already used, say): ask where
        /// the secret should go instead. `reason` says why.
        case secretFilePrompt(TextField, reason: String)
    }

    public var form: FormState
    public var submission: Submission = .idle
    public var overlay: Overlay = .none
    /// Help and the quit question open over another overlay (the secret modal); this is
    /// what they return to.
    public var beneath: Overlay = .none
    public var status: StatusMessage?
    public var columns: Int
    public var rows: Int
    /// Seconds, from the shell's clock; updated with every event.
    public var now: Double = 0
    public var nextSubmitID = 1
    /// Shown in the title bar: where requests go and with which key (masked).
    public var endpoint: String
    public var maskedKey: String?
    public var isDemo: Bool
    public var quitRequested = false
    /// `--secret-file`: where a secret is written the moment it arrives.
    public var secretFilePath: String?
    /// The terminal went away while a create was in flight and a secret file was given: wait
    /// for the answer, save the secret, then quit.
    public var terminating = false
    /// Said on stderr after the terminal is given back, when a signal ended the program with
    /// something lost (an unsaved secret, a create whose answer never came).
    public var exitNotice: String?

    public init(form: FormState = FormState(), columns: Int = 80, rows: Int = 24, endpoint: String,
                maskedKey: String?, isDemo: Bool, needsKey: Bool = false) {
        self.form = form
        self.columns = columns
        self.rows = rows
        self.endpoint = endpoint
        self.maskedKey = maskedKey
        self.isDemo = isDemo
        if needsKey { overlay = .apiKeyPrompt(TextField()) }
    }

    public var isSending: Bool { if case .sending = submission { true } else { false } }

    /// The shell sends `.tick` events while this is true.
    public var wantsTicks: Bool {
        switch submission {
        case .idle: false
        case .sending, .rateLimited: true
        }
    }

    public var secretOnScreen: SecretModal? {
        if case .secret(let modal) = overlay { return modal }
        if case .secret(let modal) = beneath { return modal }
        return nil
    }
}
