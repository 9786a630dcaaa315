import JetEmailClient
import TerminalUI

/// The recover run in full: what it replays, how far it is, its rate and time left, what was
/// not enqueued, its journal and how to go on with it. The run is the app's (it outlives any
/// screen); this screen shows the copy the app gives it on push and after each report.
public struct RecoverScreen: FieldScreen {
    /// First line shown.
    public var top = 0
    /// The app's recover, as last told.
    public var run: RecoverStatus?

    /// A word for its status line when it opens (Ctrl-R asked to plan another recover).
    var notice: String?
    /// The deliveries of the run's range by status, as they are now (see RecoverOutcome).
    public var outcome: RecoverOutcome?

    public init(run: RecoverStatus? = nil, notice: String? = nil) {
        self.run = run
        self.notice = notice
    }

    public var title: String { "Recover" }
    public var minimumSize: Size { Self.fieldMinimumSize }
    public var keys: [Binding<RecoverScreen>] { Self.mainKeys + Self.scrollKeys }
    public var helpSections: [HelpSection] { Self.referenceSections }

    public mutating func appear(_ context: ScreenContext) -> Outcome {
        run = context.job(RecoverStatus.self)?.state
        followRun()
        guard let notice else { return .none }
        self.notice = nil
        return .status(.warning, notice)
    }

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        if message.as(JobsChanged.self) != nil {
            run = context.job(RecoverStatus.self)?.state
            followRun()
        }
        return .none
    }

    // MARK: The outcome

    /// A run that has started (its journal written) and whose range is known is watched; another
    /// run (another filter or range) starts afresh.
    mutating func followRun() {
        guard let run, let from = run.oldest, let to = run.newest else { outcome = nil; return }
        switch run.phase {
        case .starting, .couldNotStart: outcome = nil
        default:
            if outcome?.filter != run.filter || outcome?.from != from || outcome?.to != to {
                outcome = RecoverOutcome(filter: run.filter, from: from, to: to)
            }
            if case .ended = run.phase { outcome?.runEnded() }
        }
    }

    public var wakeAt: Double? { outcome?.dueAt }

    /// Asks for the figures when due, while this screen is seen and nothing holds requests back.
    public mutating func tick(_ context: ScreenContext) -> Outcome {
        guard var watched = outcome, let due = watched.dueAt, context.now >= due else { return .none }
        guard context.isOnTop else {
            // Looked at again in 2 s: nothing is asked while unseen (a hold is the request path's to wait out).
            watched.askedAt = context.now - RecoverOutcome.every + 2
            outcome = watched
            return .none
        }
        watched.askedAt = context.now
        var asked = Outcome.none
        // Ahead of the run's replays in the budget: the person is looking at these, and four
        // queries every 15 s barely slow the run.
        for (uuid, status, query) in watched.queries() {
            asked.requests.append(.api(RecoverOutcomeTag(uuid: uuid, status: status), .query(query)))
            watched.outstanding += 1
        }
        outcome = watched
        return asked
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        guard case .api(.deliveries(let result)) = answer, let asked = tag.as(RecoverOutcomeTag.self) else { return .none }
        outcome?.answered(asked.uuid, asked.status, result)
        return .none
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        let header = run.map { "Recover · " + TerminalSafe.escaped($0.filter.describe(webhookName: $0.webhookName)) } ?? "Recover"
        drawLines(header: header, rect: rect, context: context, into: &grid)
    }
}

/// A count of the deliveries of a recover's range in one status, for its outcome.
struct RecoverOutcomeTag: RequestTagKind {
    var uuid: String
    var status: DeliveryStatus
}
