import JetEmailClient
import TerminalUI

/// What a screen (or a modal) wants after a key, an answer or a message: requests to send or
/// cancel, screens to push or leave, a modal to open, a status line for itself, messages to other
/// screens, quitting. It never reaches into the app's state; the app carries these out, in order.
public struct Outcome: Sendable {
    public var requests: [Request] = []
    public var cancels: [RequestTag] = []
    public var effects: [Effect] = []
    public var navigation: [Navigation] = []
    public var status: StatusUpdate = .keep
    public var messages: [(Address, ScreenMessage)] = []
    /// Ask to quit (the app asks first when something would be lost).
    public var quit = false
    /// Quit now: the quit question was answered yes.
    public var quitNow = false
    /// A key typed at the prompt is used from now on: the title bar shows it, masked.
    public var maskedKey: String?
    /// Start a job, or give one an order (the app's, not the screen's: a job goes on when the screen goes).
    public var jobs: [JobRequest] = []
    /// The session's secret file changes (another path chosen after one was taken; nil: none).
    public var secretFilePath: String??

    public init() {}

    public static var none: Outcome { Outcome() }

    public enum StatusUpdate: Sendable, Equatable {
        case keep, clear
        case set(StatusMessage)
    }

    /// Where a message goes.
    public enum Address: Sendable, Equatable {
        /// The screen that opened this modal.
        case owner
        /// The screen below this one.
        case below
        /// The bottom screen (the list, when the program started on it).
        case home
        /// Every screen.
        case all
    }

    // MARK: Building

    public static func status(_ tone: StatusMessage.Tone, _ text: String) -> Outcome { var o = Outcome(); o.status = .set(StatusMessage(tone, text)); return o }
    public static func send(_ request: Request) -> Outcome { var o = Outcome(); o.requests = [request]; return o }
    public static func cancel(_ tags: [RequestTag]) -> Outcome { var o = Outcome(); o.cancels = tags; return o }
    public static func cancel<Kind: RequestTagKind>(_ tags: Kind...) -> Outcome { cancel(tags) }
    public static func cancel<Kind: RequestTagKind>(_ tags: [Kind]) -> Outcome { cancel(tags.map(RequestTag.init)) }
    public static func push(_ screen: any Screen) -> Outcome { var o = Outcome(); o.navigation = [.push(screen)]; return o }
    public static func open(_ modal: any Modal) -> Outcome { var o = Outcome(); o.navigation = [.open(modal)]; return o }
    public static var leave: Outcome { var o = Outcome(); o.navigation = [.leave]; return o }
    public static var close: Outcome { var o = Outcome(); o.navigation = [.close]; return o }
    public static var clearStatus: Outcome { var o = Outcome(); o.status = .clear; return o }
    public static var askToQuit: Outcome { var o = Outcome(); o.quit = true; return o }
    public static func effect(_ effect: Effect) -> Outcome { var o = Outcome(); o.effects = [effect]; return o }
    public static func startJob(_ state: some JobState, _ order: some JobOrderKind) -> Outcome {
        var o = Outcome(); o.jobs = [.start(state, JobOrder(order))]; return o
    }
    public static func orderJob(_ id: JobID, _ order: some JobOrderKind) -> Outcome { var o = Outcome(); o.jobs = [.order(id, JobOrder(order))]; return o }
    public static func message(_ message: some ScreenMessageKind, to address: Address) -> Outcome { .message(ScreenMessage(message), to: address) }
    public static func message(_ message: ScreenMessage, to address: Address) -> Outcome { var o = Outcome(); o.messages = [(address, message)]; return o }

    /// Both, this one's first; a later status replaces an earlier one.
    public static func + (a: Outcome, b: Outcome) -> Outcome {
        var o = a
        o.requests += b.requests
        o.cancels += b.cancels
        o.effects += b.effects
        o.navigation += b.navigation
        if b.status != .keep { o.status = b.status }
        o.messages += b.messages
        o.quit = a.quit || b.quit
        o.quitNow = a.quitNow || b.quitNow
        o.maskedKey = b.maskedKey ?? a.maskedKey
        o.secretFilePath = b.secretFilePath ?? a.secretFilePath
        o.jobs += b.jobs
        return o
    }

    public static func += (a: inout Outcome, b: Outcome) { a = a + b }

    /// This outcome with this status line.
    public func with(_ tone: StatusMessage.Tone, _ text: String) -> Outcome { self + .status(tone, text) }
}

/// Changes to the stacks an outcome asks for.
public enum Navigation: Sendable {
    case push(any Screen)
    /// The screen that asked goes (never the last one).
    case leave
    /// The screen that asked is replaced, keeping its place and id.
    case replace(any Screen)
    case open(any Modal)
    /// The modal that asked closes.
    case close
    /// Every modal closes and this one opens (the secret window, which nothing may cover).
    case openAlone(any Modal)
}
