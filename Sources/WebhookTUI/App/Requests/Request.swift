import JetEmailClient

/// A request a screen (or a modal) asks the app to send: the job, the tag its answer comes back
/// with, its priority in the request budget, and words: for the asker's status line while it is
/// out, for quitting while it changes something, and for a result whose screen is gone.
public struct Request: Sendable, Equatable {
    public var tag: RequestTag
    public var job: Job
    public var priority: RequestPriority
    /// Shown in the asker's status line while it is out, and gone when it ends or is cancelled.
    public var progress: String?
    /// A change to JetEmail in words ("the delete of hook-001 (uuid)"): quitting while it is out
    /// asks first, and says afterwards that it may or may not have happened.
    public var change: String?
    /// A create: its answer carries a secret shown once.
    public var isCreate: Bool
    /// For a result that arrives when its screen is gone: "Replay of evt_… to Billing".
    public var subject: String?

    public init(_ tag: some RequestTagKind, _ job: Job, priority: RequestPriority = .interactive, progress: String? = nil, change: String? = nil,
                subject: String? = nil) {
        self.tag = RequestTag(tag)
        self.job = job
        self.priority = priority
        self.progress = progress
        self.change = change
        if case .api(.create) = job { isCreate = true } else { isCreate = false }
        self.subject = subject
    }

    public static func api(_ tag: some RequestTagKind, _ call: APICall, priority: RequestPriority = .interactive, progress: String? = nil,
                           change: String? = nil, subject: String? = nil) -> Request {
        Request(tag, .api(call), priority: priority, progress: progress, change: change, subject: subject)
    }
}
