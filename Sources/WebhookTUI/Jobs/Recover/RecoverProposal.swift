import JetEmailClient

/// What the shell found when asked to plan a recover: a new plan, or a journal of the same
/// recover that stopped before its end (gone on with rather than planned again, so that nothing
/// is replayed twice). The question the log asks is made from it.
public struct RecoverProposal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case fresh(RecoverPlan)
        case resume(RecoverJournal.State)
    }

    /// A journal of the same recover that finished: a new plan replays what failed since.
    public struct Finished: Sendable, Equatable {
        public var path: String
        public var at: Int?
        public var enqueued: Int
        public init(path: String, at: Int?, enqueued: Int) { self.path = path; self.at = at; self.enqueued = enqueued }
    }

    public var kind: Kind
    public var webhookName: String
    /// The request budget, a minute: the estimate is made with it.
    public var perMinute: Int
    public var finishedBefore: Finished?
    /// A recover of several webhooks: their names by uuid.
    public var webhookNames: [String: String]

    public init(_ kind: Kind, webhookName: String, perMinute: Int, finishedBefore: Finished? = nil, webhookNames: [String: String] = [:]) {
        self.kind = kind; self.webhookName = webhookName; self.perMinute = perMinute; self.finishedBefore = finishedBefore
        self.webhookNames = webhookNames
    }

    public var filter: RecoverFilter {
        switch kind {
        case .fresh(let plan): plan.filter
        case .resume(let state): state.filter
        }
    }

    /// The events the run would replay (a resumed one skips those that may have been replayed).
    public var toReplay: [RecoverPlan.Event] {
        switch kind {
        case .fresh(let plan): plan.events
        case .resume(let state): state.remaining(retryUncertain: false)
        }
    }

    public var estimatedSeconds: Int {
        RecoverPlan.estimatedSeconds(count: toReplay.count, perMinute: perMinute)
    }
}

/// What the core asks of the recover run (one at a time, in the shell).
public enum RecoverOrder: JobOrderKind {
    case start(RecoverProposal)
    /// Stop after the replay in flight; the journal resumes it.
    case stop
}

/// What the run tells the core.
public enum RecoverReport: JobReportKind {
    /// The journal is written; `uncertain`: events a stopped run may have replayed, skipped.
    case started(journal: String, toReplay: Int, uncertain: [String], answeredBefore: Int)
    /// After each answer (and each second of a 429's wait); the rate and time left as the
    /// shell's clock measured them.
    case progress(RecoverRun.Progress, perMinute: Double, secondsLeft: Int?)
    case ended(RecoverRun.End, RecoverRun.Progress)
    /// The journal could not be made: nothing was sent.
    case couldNotStart(String)
}
