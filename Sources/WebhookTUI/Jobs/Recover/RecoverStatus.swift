import JetEmailClient

/// The recover run as the whole program sees it (one at a time): shown in the title bar on
/// every screen, in full on the recover screen, and asked about when quitting.
public struct RecoverStatus: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Asked for; the journal is being written.
        case starting
        case running
        /// `c` or quitting asked it to stop after the replay in flight.
        case stopping
        case ended(RecoverRun.End)
        /// The journal could not be made: nothing was sent.
        case couldNotStart(String)
    }

    /// An event that was not enqueued, for the list of refusals.
    public struct Miss: Sendable, Equatable {
        public var eventID: String
        public var result: RecoverJournal.Result
        public var detail: String?
    }

    public var filter: RecoverFilter
    public var webhookName: String
    /// The connection flags the program was started with, repeated in `resumeCommand`.
    public var connectionWords: [String] = []
    public var phase: Phase = .starting
    public var journal: String?
    public var progress: RecoverRun.Progress
    public var perMinute: Double = 0
    /// What the request budget allows, a minute.
    public var budgetPerMinute: Int
    public var secondsLeft: Int?
    /// Skipped as "may have been replayed" (sent by a stopped run, never answered).
    public var uncertainSkipped: [String] = []
    /// Answered by earlier runs of the same journal.
    public var answeredBefore = 0
    /// The latest events not enqueued (at most `missesKept`).
    public var misses: [Miss] = []
    public static let missesKept = 100
    /// The created_at of the oldest and the newest event it replays (unix seconds), when known:
    /// the range whose deliveries the recover screen watches.
    public var oldest: Int?
    public var newest: Int?

    /// One webhook's part of a recover of several: its replays and how far they are.
    public struct Part: Sendable, Equatable {
        public var uuid: String
        public var name: String
        public var total: Int
        public var done = 0
        public var enqueued = 0
    }
    /// A recover of several webhooks, each one's part, in the filter's order (empty for one).
    public var parts: [Part] = []

    /// The title bar's name: the webhook's, or "3 webhooks".
    public var shortName: String { filter.isSeveral ? "\(filter.uuids.count) webhooks" : webhookName }

    public init(_ proposal: RecoverProposal) {
        filter = proposal.filter
        webhookName = proposal.webhookName
        budgetPerMinute = proposal.perMinute
        progress = RecoverRun.Progress(total: proposal.toReplay.count)
        let times: [Int]
        switch proposal.kind {
        case .fresh(let plan): times = plan.events.compactMap(\.createdAt)
        case .resume(let state): times = state.events.compactMap(\.createdAt)
        }
        oldest = times.min()
        newest = times.max()
        if proposal.filter.isSeveral {
            let counts = Dictionary(grouping: proposal.toReplay, by: { $0.uuid ?? proposal.filter.uuid }).mapValues(\.count)
            parts = proposal.filter.uuids.map { Part(uuid: $0, name: proposal.webhookNames[$0] ?? $0, total: counts[$0] ?? 0) }
        }
    }

    public var isRunning: Bool {
        switch phase {
        case .starting, .running, .stopping: true
        case .ended, .couldNotStart: false
        }
    }

    public var notEnqueued: Int { progress.notFound + progress.refused + progress.uncertain }

    /// The command that goes on with it from a shell.
    public var resumeCommand: String? { journal.map { RecoverCommandLine.resume(journal: $0, connection: connectionWords) } }

    /// For the title bar: `recover Billing 120/312 · 1 min left`, `recover done 312/312`.
    public var badge: String {
        let name = TerminalSafe.escaped(shortName)
        let count = "\(progress.done)/\(progress.total)"
        switch phase {
        case .starting: return "recover \(name): starting"
        case .running:
            if let wait = progress.waitingSeconds { return "recover \(name) \(count) · 429, \(wait) s" }
            return "recover \(name) \(count)" + (secondsLeft.map { " · \(DurationText.words($0)) left" } ?? "")
        case .stopping: return "recover \(name) \(count) · stopping"
        case .ended(.finished): return "recover \(name) done \(count)" + (notEnqueued > 0 ? " · \(notEnqueued) not enqueued" : "")
        case .ended: return "recover \(name) stopped \(count)"
        case .couldNotStart: return "recover \(name): not started"
        }
    }

    /// One line on how it ended, for the status line of the screen the person is on.
    public var endLine: String {
        let counts = "\(progress.enqueued) enqueued, \(progress.notFound) not found, \(progress.refused) refused, "
            + "\(progress.uncertain) without an answer"
        let name = TerminalSafe.escaped(webhookName)
        switch phase {
        case .ended(.finished): return "Recover of \(name) done: \(counts)."
        case .ended(.stopped): return "Recover of \(name) stopped after \(progress.done) of \(progress.total): \(counts). Ctrl-R on its log goes on."
        case .ended(.journalFailed(let why)), .ended(.rateLimited(let why)), .ended(.keyRefused(let why)), .ended(.outputClosed(let why)):
            return "Recover of \(name) stopped: \(TerminalSafe.escaped(why)) \(counts). Ctrl-R on its log goes on."
        case .couldNotStart(let why): return "Recover of \(name) not started: \(TerminalSafe.escaped(why)) Nothing was sent."
        default: return badge
        }
    }
}
