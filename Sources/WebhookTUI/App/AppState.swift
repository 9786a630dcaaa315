import JetEmailClient
import TerminalUI

/// A screen on the stack, with the id its requests and messages are addressed by, and its own
/// status line (a message shows where it was said, not on every screen after it).
public struct ScreenEntry: Sendable, Equatable {
    public let id: ScreenID
    public var screen: any Screen
    public var status: StatusMessage?
    /// The request whose progress the status line shows: it goes when that request ends.
    var statusRequest: RequestID?
    /// The rows it was last fitted to (see `AppState.fitScreens`).
    var fittedRows: Int?
    /// When its status line was set (for info and success messages, which expire).
    var statusSetAt: Double?

    public static func == (a: ScreenEntry, b: ScreenEntry) -> Bool {
        a.id == b.id && a.screen.isSame(as: b.screen) && a.status == b.status && a.statusRequest == b.statusRequest && a.fittedRows == b.fittedRows
            && a.statusSetAt == b.statusSetAt
    }

    /// When an info or success message goes (a warning or an error stays until replaced; a
    /// request's progress goes with its request).
    var statusExpiresAt: Double? {
        guard let status, statusRequest == nil, status.tone == .info || status.tone == .success, let set = statusSetAt else { return nil }
        return set + ScreenEntry.messageLifetime
    }

    /// How long an info or success message stays, in seconds.
    static let messageLifetime = 10.0
}

/// A modal on the stack, and the screen that opened it (its messages go there).
public struct ModalEntry: Sendable, Equatable {
    public let id: ScreenID
    public let owner: ScreenID?
    public var modal: any Modal

    public static func == (a: ModalEntry, b: ModalEntry) -> Bool { a.id == b.id && a.owner == b.owner && a.modal.isSame(as: b.modal) }
}

/// A request in flight: who asked, and what it was.
struct InFlight: Sendable, Equatable {
    var owner: ScreenID
    var request: Request
    /// Cancelled by its screen: its answer is dropped, unless it is a create that went through.
    var cancelled = false
}

/// The whole state of the interactive program, as a plain value: a stack of screens, a stack of
/// modals over them, the requests in flight, and what every screen shares.
public struct AppState: Sendable, Equatable {
    /// Bottom to top; never empty.
    public internal(set) var screens: [ScreenEntry] = []
    /// Bottom to top; the top one takes the keys.
    public internal(set) var modals: [ModalEntry] = []
    /// A 429 holds every network action until it passes (as the request path reports it: met
    /// by this process or another one).
    public internal(set) var rateLimit: RateLimit?
    /// The request budget keeps requests waiting until then (said on screen), and how many other
    /// processes of the program use it.
    public internal(set) var budgetWaitUntil: Double?
    public internal(set) var budgetOthers = 0
    public var columns: Int
    public var rows: Int
    /// Seconds, from the shell's clock; updated with every event.
    public var now: Double = 0
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
    /// The connection flags the program was started with (`--api-key-file` …), repeated in
    /// commands it prints for later, such as a recover's resume.
    public var connectionWords: [String] = []
    /// This account's rotations that stopped before their end, as found on start; one gone on
    /// with (a rotation job of its journal) is no longer among them.
    public var stoppedRotations: [StoppedRotation] = []
    /// The terminal went away while a create was in flight and a secret file was given: wait
    /// for the answer, save the secret, then quit.
    public internal(set) var terminating = false
    /// Said on stderr after the terminal is given back, when something was left behind (an
    /// unsaved secret, a create or a change whose answer never came).
    public internal(set) var exitNotice: String?
    /// The long runs (a recover), while they go and after they ended (until another of the
    /// same kind starts): the one place the title bar, the quit question and the shell read.
    public internal(set) var jobs: [JobEntry] = []
    var nextJobID = 1
    /// Requests in flight, by id.
    var requests: [RequestID: InFlight] = [:]
    /// Ids for screens and modals, and for requests, never reused.
    var nextScreenID = 1
    public internal(set) var nextRequestID = 1
    /// Effects for the shell, collected while an event is handled (`update` hands them over).
    var outbox: [Effect] = []

    public enum Home: Sendable { case list, form }

    /// `home`: the first screen (the list, or the form for `create`).
    public init(form: FormScreen = FormScreen(), home: Home = .form, columns: Int = 80, rows: Int = 24, endpoint: String,
                maskedKey: String?, isDemo: Bool, needsKey: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.endpoint = endpoint
        self.maskedKey = maskedKey
        self.isDemo = isDemo
        switch home {
        case .form: push(form)
        case .list: push(ListScreen())
        }
        if needsKey { modals = [ModalEntry(id: makeID(), owner: screens.first?.id, modal: APIKeyPrompt())] }
        outbox = []
    }

    public var topScreen: ScreenEntry { screens[screens.count - 1] }
    public var topModal: (any Modal)? { modals.last?.modal }

    /// Every stored field, compared: `AppStateEqualityTests` fails when a field is added without
    /// its line here (the state must stay a comparable value, field by field).
    static let comparedFields: [(name: String, same: @Sendable (AppState, AppState) -> Bool)] = [
        ("screens", { $0.screens == $1.screens }),
        ("stoppedRotations", { $0.stoppedRotations == $1.stoppedRotations }),
        ("modals", { $0.modals == $1.modals }),
        ("rateLimit", { $0.rateLimit == $1.rateLimit }),
        ("budgetWaitUntil", { $0.budgetWaitUntil == $1.budgetWaitUntil }),
        ("budgetOthers", { $0.budgetOthers == $1.budgetOthers }),
        ("columns", { $0.columns == $1.columns }),
        ("rows", { $0.rows == $1.rows }),
        ("now", { $0.now == $1.now }),
        ("endpoint", { $0.endpoint == $1.endpoint }),
        ("maskedKey", { $0.maskedKey == $1.maskedKey }),
        ("isDemo", { $0.isDemo == $1.isDemo }),
        ("clock", { $0.clock == $1.clock }),
        ("quitRequested", { $0.quitRequested == $1.quitRequested }),
        ("secretFilePath", { $0.secretFilePath == $1.secretFilePath }),
        ("connectionWords", { $0.connectionWords == $1.connectionWords }),
        ("terminating", { $0.terminating == $1.terminating }),
        ("exitNotice", { $0.exitNotice == $1.exitNotice }),
        ("jobs", { $0.jobs == $1.jobs }),
        ("nextJobID", { $0.nextJobID == $1.nextJobID }),
        ("requests", { $0.requests == $1.requests }),
        ("nextScreenID", { $0.nextScreenID == $1.nextScreenID }),
        ("nextRequestID", { $0.nextRequestID == $1.nextRequestID }),
        ("outbox", { $0.outbox == $1.outbox }),
    ]

    public static func == (a: AppState, b: AppState) -> Bool { comparedFields.allSatisfy { $0.same(a, b) } }

    mutating func makeID() -> ScreenID {
        defer { nextScreenID += 1 }
        return ScreenID(nextScreenID)
    }

    /// A message for the screen on top (a key warning at start).
    public mutating func show(_ message: StatusMessage) { setStatus(message, of: topScreen.id) }

    // MARK: Questions every part asks

    /// The context a screen (or the modal over it) handles things in.
    func context(for id: ScreenID) -> ScreenContext {
        let screen = screens.first { $0.id == id }
        let entry = screen ?? screens.first { $0.id == modals.first { $0.id == id }?.owner } ?? topScreen
        var context = ScreenContext(now: now, clock: clock, columns: columns, rows: rows, rateLimit: rateLimit, status: entry.status,
                                    secretFilePath: secretFilePath, depth: screens.count, budgetWait: budgetWaitUntil.map { max(0, $0 - now) },
                                    jobs: jobs, isOnTop: entry.id == topScreen.id)
        context.budgetOthers = budgetOthers
        context.connectionWords = connectionWords
        let going = jobs.compactMap { ($0.state as? RotationStatus)?.journal?.path }
        context.stoppedRotations = stoppedRotations.filter { !going.contains($0.path) }
        // A screen has the rows its long status message does not take; a modal, the window.
        if screen != nil { context.rows -= statusRows(entry, context) }
        return context
    }

    /// The rows a screen gives up to its status line beyond the one it keeps: a long message
    /// wraps onto up to three lines, as far as the screen's minimum size allows.
    func statusRows(_ entry: ScreenEntry, _ context: ScreenContext) -> Int {
        guard entry.screen.showsStatusLine else { return 0 }
        let lines = StatusLine.lines(context, columns: columns).lines.count
        return max(0, min(lines - 1, rows - entry.screen.minimumSize.rows))
    }

    /// Each screen sized to the rows it has now (the window's, less its status line's): after a
    /// resize, and when a message longer or shorter than the last changes them.
    mutating func fitScreens(always: Bool) {
        for id in screens.map(\.id) { fit(id, always: always) }
    }

    /// One screen sized to its rows (always, or only when they changed since it was last).
    mutating func fit(_ id: ScreenID, always: Bool = true) {
        guard let index = screens.firstIndex(where: { $0.id == id }) else { return }
        let rows = context(for: id).rows
        guard always || screens[index].fittedRows != rows else { return }
        screens[index].fittedRows = rows
        withScreen(id) { screen, context in screen.fit(context); return .none }
    }

    /// The topmost screen of this kind, for tests and for the shell.
    public func screen<S: Screen>(_ kind: S.Type) -> S? {
        for entry in screens.reversed() { if let screen = entry.screen as? S { return screen } }
        return nil
    }

    /// The topmost form (tests set its fields directly).
    public var form: FormScreen {
        get { screen(FormScreen.self) ?? FormScreen() }
        set {
            guard let index = screens.lastIndex(where: { $0.screen is FormScreen }) else { return }
            screens[index].screen = newValue
        }
    }

    /// A create is in flight: its answer carries a secret shown once.
    public var isCreating: Bool { requests.values.contains { $0.request.isCreate && !$0.cancelled } }

    /// The changes in flight, in words, oldest first.
    var changesInFlight: [String] { requests.sorted { $0.key < $1.key }.compactMap { $0.value.cancelled ? nil : $0.value.request.change } }

    /// The shell sends `.tick` events while this is true: something on screen counts time (a
    /// spinner, a countdown, the seconds a load or a receiver test has taken).
    public var wantsTicks: Bool {
        rateLimit != nil || budgetWaitUntil != nil || screens.contains { $0.screen.wantsTicks } || modals.contains { $0.modal.wantsTicks }
    }

    /// When the shell should send a tick next for a screen's own work (nil: none due).
    public var nextWake: Double? { (screens.compactMap(\.screen.wakeAt) + screens.compactMap(\.statusExpiresAt)).min() }

    /// Info and success messages past their time go.
    mutating func expireMessages() {
        for index in screens.indices {
            if let end = screens[index].statusExpiresAt, now >= end { screens[index].status = nil; screens[index].statusSetAt = nil }
        }
    }

    /// Some screen loads something once the first frame is out: the shell then sends `.start`.
    public var wantsStart: Bool { screens.contains { $0.screen.waitsForStart } }

    /// Some screen has work for `.settled`.
    public var wantsSettled: Bool { screens.contains { $0.screen.waitsForSettled } }

    /// The secret window, if one is open (wherever it is in the stack).
    public var secretOnScreen: SecretModal? {
        for entry in modals.reversed() { if let secret = entry.modal as? SecretModal { return secret } }
        return nil
    }

    public var isShowingHelp: Bool { topModal is HelpModal }
}
