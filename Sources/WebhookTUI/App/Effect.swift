import JetEmailClient

/// Work the core asks the shell to do; results come back as `AppEvent`s. Quitting is not an
/// effect: the shell ends when `AppState.quitRequested` is set.
public enum Effect: Sendable, Equatable {
    /// Do the job in the background (an API call through the request budget, at this
    /// priority); answer with `.answered(id, …)`.
    case run(RequestID, Job, priority: RequestPriority)
    /// Stop waiting for this request: its answer, if any, is not delivered (a create's is).
    case cancel(RequestID)
    /// An order for a job's runner (start, stop); it reports with `.job(…)` events.
    case job(JobID, JobOrder)
    /// Use this key from now on (typed at the key prompt).
    case useAPIKey(String)
    /// Put the text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
}
