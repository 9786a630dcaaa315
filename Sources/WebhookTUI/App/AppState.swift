import JetEmailClient
import TerminalUI

/// The whole state of the interactive program, as a plain value: a stack of screens, a stack
/// of modals over them, and what every screen shares.
public struct AppState: Sendable, Equatable {
    /// Bottom to top; never empty.
    public internal(set) var screens: [ScreenEntry]
    /// Bottom to top; the top one takes the keys.
    public internal(set) var modals: [Modal] = []
    public var status: StatusMessage?
    /// A 429 holds every network action until it passes.
    public var rateLimit: RateLimit?
    /// 429s in a row: each wait is longer, and after a few nothing is asked by itself.
    var backoff = RateLimitBackoff()
    /// Requests in flight that change something (a delete, a toggle, a save, a replay), in
    /// words: quitting asks while there are any, and says afterwards what may have happened.
    public internal(set) var changesInFlight: [Int: String] = [:]
    public var columns: Int
    public var rows: Int
    /// Seconds, from the shell's clock; updated with every event.
    public var now: Double = 0
    /// Ids for screens and for requests, never reused.
    var nextScreenID = 1
    public internal(set) var nextRequestID = 1
    /// Which screen sent each request still in flight: its answer goes there, or nowhere.
    var requests: [Int: Int] = [:]
    /// Shown in the title bar: where requests go and with which key (masked).
    public var endpoint: String
    public var maskedKey: String?
    public var isDemo: Bool
    /// For dates on screen.
    public var clock = WallClock()
    /// Set once: the shell ends the program when it sees it.
    public internal(set) var quitRequested = false
    /// `--secret-file`: where a secret is written the moment it arrives.
    public var secretFilePath: String?
    /// The terminal went away while a create was in flight and a secret file was given: wait
    /// for the answer, save the secret, then quit.
    public var terminating = false
    /// Said on stderr after the terminal is given back, when a signal ended the program with
    /// something lost (an unsaved secret, a create whose answer never came).
    public var exitNotice: String?

    /// `home`: the first screen (the list, or the form for `create`).
    public init(form: FormState = FormState(), home: Home = .form, columns: Int = 80, rows: Int = 24, endpoint: String,
                maskedKey: String?, isDemo: Bool, needsKey: Bool = false) {
        screens = []
        self.columns = columns
        self.rows = rows
        self.endpoint = endpoint
        self.maskedKey = maskedKey
        self.isDemo = isDemo
        switch home {
        case .form: push(.form(form))
        case .list: push(.list(ListState()))
        }
        if needsKey { modals = [.apiKeyPrompt(TextInput(masked: true))] }
    }

    public enum Home: Sendable { case list, form }

    public var topScreen: ScreenEntry { screens[screens.count - 1] }
    public var topModal: Modal? { modals.last }

    // MARK: The stacks

    mutating func makeRequestID() -> Int {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    mutating func push(_ screen: Screen) {
        screens.append(ScreenEntry(id: nextScreenID, screen: screen))
        nextScreenID += 1
    }

    /// Replaces the screen with this id (keeping its place and id).
    mutating func replace(_ id: Int, with screen: Screen) {
        guard let index = screens.firstIndex(where: { $0.id == id }) else { return }
        screens[index].screen = screen
    }

    mutating func pop() { if screens.count > 1 { screens.removeLast() } }

    /// Removes the screen with this id (never the last one).
    mutating func leave(_ id: Int) {
        guard screens.count > 1, let index = screens.firstIndex(where: { $0.id == id }) else { return }
        screens.remove(at: index)
    }

    mutating func open(_ modal: Modal) { modals.append(modal) }

    mutating func closeModal() { if !modals.isEmpty { modals.removeLast() } }

    /// Replaces the top modal.
    mutating func updateTopModal(_ modal: Modal) {
        if modals.isEmpty { modals.append(modal) } else { modals[modals.count - 1] = modal }
    }

    /// Runs `change` on the lowest list on the stack (the home screen), if there is one.
    mutating func withFirstList(_ change: (inout ListState, inout AppState) -> Void) {
        guard let entry = screens.first(where: { if case .list = $0.screen { true } else { false } }) else { return }
        withList(entry.id, change)
    }

    /// Whether the screen with this id is still on the stack.
    func hasScreen(_ id: Int) -> Bool { screens.contains { $0.id == id } }

    // MARK: Questions every part asks

    /// The topmost form, for tests and the shell's accessibility mode.
    public var form: FormState {
        get {
            for entry in screens.reversed() { if case .form(let form) = entry.screen { return form } }
            return FormState()
        }
        set {
            guard let entry = screens.last(where: { if case .form = $0.screen { true } else { false } }) else { return }
            replace(entry.id, with: .form(newValue))
        }
    }

    /// A form is sending (a create or a save): its spinner moves.
    public var isSending: Bool { screens.contains { $0.screen.isSending } }

    /// A create is in flight: its answer carries a secret shown once.
    public var isCreating: Bool { screens.contains { if case .form(let form) = $0.screen { form.isSending && form.editing == nil } else { false } } }

    /// The shell sends `.tick` events while this is true: something on screen counts time (a
    /// spinner, a countdown, the seconds a load or a receiver test has taken).
    public var wantsTicks: Bool {
        isSending || rateLimit != nil || modals.contains { if case .examplePrompt(let p) = $0 { p.sending != nil } else { false } }
            || screens.contains { entry in
                switch entry.screen {
                case .list(let list): list.loading != nil
                case .deliveries(let log): log.isLoading && log.total == nil
                default: false
                }
            }
    }


    public var secretOnScreen: SecretModal? {
        for modal in modals.reversed() { if case .secret(let secret) = modal { return secret } }
        return nil
    }

    /// Some screen loads something once the first frame is out: the shell then sends `.start`.
    public var wantsStart: Bool { screens.contains { if case .list = $0.screen { true } else { false } } }

    /// Some screen has work for `.settled`: a form whose lists were never asked for.
    public var wantsSettled: Bool {
        screens.contains { if case .form(let form) = $0.screen { form.choices.neverAsked } else { false } }
    }

    public var isShowingHelp: Bool { if case .help? = topModal { true } else { false } }

    public var isAskingToQuit: Bool { if case .confirmQuit? = topModal { true } else { false } }
}

extension Screen {
    var isSending: Bool {
        switch self {
        case .form(let form): form.isSending
        case .list, .details, .deliveries, .event: false
        }
    }
}
