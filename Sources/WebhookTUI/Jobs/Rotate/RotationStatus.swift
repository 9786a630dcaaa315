import JetEmailClient

/// A secret rotation as the whole program sees it (one at a time): its journal as last read,
/// where it stands (working, waiting for a yes, counting down, stopped), and what it said.
/// Shown in the title bar on every screen and in full on the rotation screen.
public struct RotationStatus: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case starting
        /// A step is being taken (its words in `said`).
        case working
        /// Waiting for the person's yes.
        case asking(RotationRun.Question, String)
        /// Counting down to the old webhook's delete (unix seconds).
        case waiting(until: Int)
        /// Stopped by a failure; the journal keeps its place.
        case stopped(String)
        case aborting
        case finished
        case aborted(String)
        case couldNotStart(String)
    }

    public var oldName: String
    public var oldUUID: String
    public var phase: Phase = .starting
    /// The journal as last read (nil until it is made).
    public var journal: RotationState?
    /// What the run said, oldest first (the latest `saidKept`).
    public var said: [String] = []
    public static let saidKept = 30
    /// The connection flags the program was started with, repeated in `resumeCommand`.
    public var connectionWords: [String] = []

    public init(oldName: String, oldUUID: String, connectionWords: [String] = []) {
        self.oldName = oldName; self.oldUUID = oldUUID; self.connectionWords = connectionWords
    }

    public var isRunning: Bool {
        switch phase {
        case .starting, .working, .asking, .waiting, .aborting: true
        case .stopped, .finished, .aborted, .couldNotStart: false
        }
    }

    /// The stage it is at, 1 to 5.
    public var stageNumber: Int {
        guard let journal else { return 1 }
        return (journal.next.stage?.rawValue ?? RotationStep.Stage.rename.rawValue) + 1
    }

    public var resumeCommand: String? {
        guard let path = journal?.path else { return nil }
        return (["jetemail-webhooks", "rotate", "--resume", path] + connectionWords).map(ShellWord.quoted).joined(separator: " ")
    }

    mutating func say(_ line: String) {
        guard !line.isEmpty, said.last != line else { return }
        said.append(line)
        if said.count > Self.saidKept { said.removeFirst(said.count - Self.saidKept) }
    }
}

/// What a screen asks of the rotation's runner.
public enum RotationOrder: JobOrderKind {
    case start(RotationStart)
    /// The yes the run waits for.
    case answer(RotationRun.Question)
    case abort
}

/// A new rotation (the old webhook, where its twin's secret goes, the delete's countdown) or an
/// unfinished one gone on with.
public enum RotationStart: Sendable, Equatable {
    case fresh(old: Webhook, secretFile: String, deleteAfter: Int?, skipTest: Bool)
    case resume(path: String)
    /// An unfinished rotation undone: the twin deleted, the old webhook enabled again.
    case abort(path: String)
}

/// What the runner tells the job.
public enum RotationReport: JobReportKind {
    case progress(RotationState, RotationStatus.Phase, said: String?)
    /// The twin was made and its secret saved: shown once, in the secret modal.
    case secretSaved(Webhook, path: String)
    case couldNotStart(String)
}

/// Told to every screen: the twin's secret, to show once (the rotation screen opens the modal).
public struct RotationSecretShown: ScreenMessageKind {
    public var twin: Webhook
    public var path: String
}

extension RotationStatus: JobState {
    public var badge: String {
        let name = TerminalSafe.escaped(oldName)
        return switch phase {
        case .asking: "rotate \(name) \(stageNumber)/5 · waiting for you"
        case .waiting: "rotate \(name) \(stageNumber)/5 · delete counting down"
        case .stopped: "rotate \(name) stopped"
        case .finished: "rotated \(name)"
        case .aborted: "rotation of \(name) aborted"
        case .couldNotStart: "rotation of \(name) not started"
        default: "rotate \(name) \(stageNumber)/5"
        }
    }

    public var quitWarning: String? {
        guard isRunning else { return nil }
        return "A rotation of \(TerminalSafe.escaped(oldName)) is at step \(stageNumber) of 5: quitting leaves it there (both webhooks as they are now); "
            + "R on its details, or the command said on exit, goes on with it."
    }

    public func refusesToStart(beside other: any JobState) -> String? {
        guard let running = other as? RotationStatus else { return nil }
        return "A rotation of \(TerminalSafe.escaped(running.oldName)) is going on; one at a time."
    }

    public mutating func ordered(_ order: JobOrder) {
        switch order.as(RotationOrder.self) {
        case .answer?: phase = .working
        case .abort?: phase = .aborting
        default: break
        }
    }

    public mutating func apply(_ report: JobReport) -> JobNews {
        guard let report = report.as(RotationReport.self) else { return JobNews() }
        switch report {
        case .progress(let state, let phase, let said):
            journal = state
            self.phase = phase
            if let said { say(said) }
            switch phase {
            case .finished: return JobNews(status: StatusMessage(.success, "Rotated: \(TerminalSafe.escaped(oldName)) delivers with the new secret."))
            case .stopped(let why): return JobNews(status: StatusMessage(.error, "Rotation stopped: \(TerminalSafe.escaped(why))"))
            case .aborted(let what): return JobNews(status: StatusMessage(.warning, "Rotation aborted: \(TerminalSafe.escaped(what))"))
            case .asking(_, let question): return JobNews(status: StatusMessage(.warning, "Rotation: \(TerminalSafe.escaped(question)) y on its screen answers."))
            default: return JobNews()
            }
        case .secretSaved(let twin, let path):
            return JobNews(messages: [ScreenMessage(RotationSecretShown(twin: twin, path: path))])
        case .couldNotStart(let why):
            phase = .couldNotStart(why)
            return JobNews(status: StatusMessage(.error, "The rotation did not start: \(TerminalSafe.escaped(why))"))
        }
    }
}
