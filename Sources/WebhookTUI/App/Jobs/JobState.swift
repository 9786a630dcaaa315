import TerminalUI

/// A long run the program carries for the person while they go on working: a recover now, a
/// recover of several webhooks or a secret rotation next. It has an id, a state and progress;
/// it outlives the screen that started it, and the app keeps every one in one list
/// (`AppState.jobs`) that the title bar, the quit question and the shell read. A kind of job is
/// its state (this protocol), its orders and reports, and a runner in the shell: no core type
/// names it.
public protocol JobState: Sendable, Equatable {
    /// In the title bar, on every screen ("recover Billing 68/300 · 1 min left").
    var badge: String { get }
    var isRunning: Bool { get }
    /// What quitting now would stop, in words; nil when nothing.
    var quitWarning: String? { get }
    /// Why this one may not start while `other` runs (one at a time of a kind), or nil.
    func refusesToStart(beside other: any JobState) -> String?
    /// An order was given (start, stop): the state says so at once ("stopping…").
    mutating func ordered(_ order: JobOrder)
    /// A report from its runner: the state moves on, and says what the screens and the person hear.
    mutating func apply(_ report: JobReport) -> JobNews
}

extension JobState {
    public func refusesToStart(beside other: any JobState) -> String? { nil }
    public mutating func ordered(_ order: JobOrder) {}
    func isSame(as other: any JobState) -> Bool { (other as? Self) == self }
}

/// What a report brings: messages for every screen, and a line for the screen on top.
public struct JobNews: Sendable {
    public var messages: [ScreenMessage] = []
    public var status: StatusMessage?
    public init(messages: [ScreenMessage] = [], status: StatusMessage? = nil) { self.messages = messages; self.status = status }
}

public struct JobID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: JobID, b: JobID) -> Bool { a.raw < b.raw }
    public var description: String { "job \(raw)" }
}

/// One job on the app's list: its id and its state.
public struct JobEntry: Sendable, Equatable {
    public let id: JobID
    public var state: any JobState

    public static func == (a: JobEntry, b: JobEntry) -> Bool { a.id == b.id && a.state.isSame(as: b.state) }
}

/// A kind of order to a job's runner (start it, stop it), declared by the job's kind.
public protocol JobOrderKind: OpenKind {}
/// A kind of report from a job's runner, declared by the job's kind.
public protocol JobReportKind: OpenKind {}

/// An order, carried by the core to the shell (`Effect.job`); the runner reads its kind back.
public struct JobOrder: Sendable, Equatable {
    private let value: any JobOrderKind
    public init(_ value: some JobOrderKind) { self.value = value }
    public func `as`<Kind: JobOrderKind>(_: Kind.Type) -> Kind? { value as? Kind }
    public static func == (a: JobOrder, b: JobOrder) -> Bool { a.value.isSame(as: b.value) }
}

/// A report, carried by the shell to the core (`AppEvent.job`); the job's state reads it.
public struct JobReport: Sendable, Equatable {
    private let value: any JobReportKind
    public init(_ value: some JobReportKind) { self.value = value }
    public func `as`<Kind: JobReportKind>(_: Kind.Type) -> Kind? { value as? Kind }
    public static func == (a: JobReport, b: JobReport) -> Bool { a.value.isSame(as: b.value) }
}

/// What a screen asks of jobs (`Outcome.jobs`): start one (its state and the order for its
/// runner), or give one an order.
public enum JobRequest: Sendable {
    case start(any JobState, JobOrder)
    case order(JobID, JobOrder)
}

/// The jobs moved on (to every screen; the jobs are in the context).
public struct JobsChanged: ScreenMessageKind {}

extension ScreenContext {
    /// The latest job of this kind, with its id.
    public func job<State: JobState>(_: State.Type) -> (id: JobID, state: State)? {
        for job in jobs.reversed() { if let state = job.state as? State { return (job.id, state) } }
        return nil
    }
}
