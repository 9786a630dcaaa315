import JetEmailClient
import TerminalUI

/// What a screen may know of the rest of the program when it handles something or draws: the
/// clock, the window, the app-wide rate limit, its own status line, and settings of the session.
public struct ScreenContext: Sendable {
    public var now: Double
    public var clock: WallClock
    public var columns: Int
    public var rows: Int
    public var rateLimit: RateLimit?
    /// This screen's own status line.
    public var status: StatusMessage?
    /// `--secret-file`: where a create's secret is written the moment it arrives.
    public var secretFilePath: String?
    /// How many screens are on the stack (1: this is the home screen).
    public var depth: Int
    /// Seconds until the request budget lets the next request go, while some wait.
    public var budgetWait: Double?
    /// Other processes of the program using the request budget, as of the latest wait.
    public var budgetOthers = 0
    /// The jobs (a recover run), as the app keeps them (`job(_:)` finds one of a kind).
    public var jobs: [JobEntry]
    /// The connection flags the program was started with, for commands printed for later.
    public var connectionWords: [String] = []
    /// This screen is the one on top (seen, not covered by another screen).
    public var isOnTop: Bool
    /// Rotations of this account that stopped before their end, as found on start.
    public var stoppedRotations: [StoppedRotation] = []

    public init(now: Double = 0, clock: WallClock = WallClock(), columns: Int = 80, rows: Int = 24, rateLimit: RateLimit? = nil,
                status: StatusMessage? = nil, secretFilePath: String? = nil, depth: Int = 1, budgetWait: Double? = nil,
                jobs: [JobEntry] = [], isOnTop: Bool = true) {
        self.now = now; self.clock = clock; self.columns = columns; self.rows = rows; self.rateLimit = rateLimit
        self.status = status; self.secretFilePath = secretFilePath; self.depth = depth; self.budgetWait = budgetWait
        self.jobs = jobs; self.isOnTop = isOnTop
    }

    /// Unix seconds now.
    public var unixNow: Int { Int(clock.epochAtStart + now) }

}

/// The size a screen needs; below it the window says so and acts on nothing unseen.
public struct Size: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }
}

/// A full-screen view: a plain value with its own state, keys and drawing (gitui's `Component`,
/// Bubble Tea's `Model`). The app keeps a stack of them and knows them only through this; a
/// screen's handlers return what they want done (`Outcome`) rather than reaching into the app.
/// Adding a screen is its folder, a conformance, and one line in `ScreenRegistry`.
public protocol Screen: Sendable, Equatable {
    /// In the title bar.
    var title: String { get }
    /// The key bar (its keys' entries unless it says otherwise).
    var barEntries: [BarEntry] { get }
    var minimumSize: Size { get }
    /// The keys in force now, most useful first (the key bar keeps that order when short of room).
    var keys: [Binding<Self>] { get }
    /// Every key of the screen by where it works, for help and docs/keys.md (the app adds the
    /// keys that work everywhere and help's own).
    var helpSections: [HelpSection] { get }
    /// Printable keys go into a text field now (so `?` and `q` are typed).
    var isTyping: Bool { get }
    /// It draws the status line above the key bar (a long message there wraps onto up to
    /// three lines, taken from its own rows); the form shows its messages itself.
    var showsStatusLine: Bool { get }
    /// What leaving or quitting would lose, in words; nil when nothing.
    var unsavedInput: String? { get }
    /// Something on it counts time: the app sends ticks while any screen says so.
    var wantsTicks: Bool { get }
    /// When it next has work of its own (figures gone stale, a poll due): the shell sends one
    /// tick then, without ticking in between.
    var wakeAt: Double? { get }
    /// It has work for `start` or `settled` (the shell sends those events only then, so that a
    /// screen with none costs no frame).
    var waitsForStart: Bool { get }
    var waitsForSettled: Bool { get }

    /// The first frame is out (`start`), or has been a moment (`settled`): work that loads starts.
    mutating func start(_ context: ScreenContext) -> Outcome
    mutating func settled(_ context: ScreenContext) -> Outcome
    /// The rows and columns it has (on push, on a resize, and when its status line takes more
    /// or fewer rows): sizing only, never loading.
    mutating func fit(_ context: ScreenContext)
    /// Once when pushed, and again when it is shown again (the screen above left): what it
    /// shows is loaded here.
    mutating func appear(_ context: ScreenContext) -> Outcome
    /// The window changed size (after `fit`): rows newly in view may be asked for.
    mutating func resized(_ context: ScreenContext) -> Outcome
    mutating func tick(_ context: ScreenContext) -> Outcome
    /// The app-wide rate limit has passed: what waited may be asked for again.
    mutating func resumed(_ context: ScreenContext) -> Outcome
    /// The answer to one of its requests.
    mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome
    mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome
    /// Esc where the screen cannot act (a window too small for it): back, asking when input would be lost.
    mutating func leave(_ context: ScreenContext) -> Outcome

    func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext)
}

extension Screen {
    public var isTyping: Bool { false }
    public var showsStatusLine: Bool { true }
    public var unsavedInput: String? { nil }
    public var wantsTicks: Bool { false }
    public var wakeAt: Double? { nil }
    public var waitsForStart: Bool { false }
    public var waitsForSettled: Bool { false }
    public mutating func start(_ context: ScreenContext) -> Outcome { .none }
    public mutating func settled(_ context: ScreenContext) -> Outcome { .none }
    public mutating func fit(_ context: ScreenContext) {}
    public mutating func appear(_ context: ScreenContext) -> Outcome { .none }
    public mutating func resized(_ context: ScreenContext) -> Outcome { .none }
    public mutating func tick(_ context: ScreenContext) -> Outcome { .none }
    public mutating func resumed(_ context: ScreenContext) -> Outcome { .none }
    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome { .none }
    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome { .none }
    public mutating func leave(_ context: ScreenContext) -> Outcome { .leave }

    /// The enabled binding for this key, run.
    public mutating func handle(_ key: Key, _ context: ScreenContext) -> Outcome? {
        guard let binding = keys.binding(for: key, on: self) else {
            return keys.whyDisabled(key).map { .status(.info, $0) }
        }
        return binding.run(&self, key, context)
    }

    public var barEntries: [BarEntry] { keys.barEntries(on: self) }

    /// Equality through the protocol, so that the app's state stays a comparable value.
    func isSame(as other: any Screen) -> Bool { (other as? Self) == self }
}
