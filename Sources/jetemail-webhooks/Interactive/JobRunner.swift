import JetEmailClient
import WebhookTUI

/// The shell's side of a kind of job: it carries out the orders of its kind (start, stop) and
/// reports to the core with `AppEvent.job`. One per kind, listed once in `EffectRunner.jobRunners`.
@MainActor
protocol JobRunner: AnyObject {
    var deliver: (AppEvent) -> Void { get set }
    /// Carries out the order if it is of this runner's kind (and says whether it was).
    func take(_ order: JobOrder, job: JobID, client: JetEmailClient?) -> Bool
    /// Quitting: stops its job (waiting up to `seconds` for the step in flight) and says, for
    /// stderr, how far it got and how to go on; nil when none ran.
    func stopForExit(waitingUpTo seconds: Int, connection: [String]) async -> String?
}
