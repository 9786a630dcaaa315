import JetEmailClient
import TerminalUI

/// Watching a recover work: the deliveries of the time range it replays, by status, as they are
/// now. A replayed event turns pending, then success (or failed again, or retry), so these
/// figures show the receiver recovering. Four `limit: 1` queries (a query's `total` counts),
/// asked every `every` seconds while the recover screen is seen, ahead of the run's replays.
public struct RecoverOutcome: Sendable, Equatable {
    public static let statuses = DeliveryTally.statuses
    public static let every = 15.0

    /// The recover's filter, and the range of its events (created_at, unix seconds).
    public var filter: RecoverFilter
    public var from: Int
    public var to: Int
    public var figures: [DeliveryStatus: DeliveryStatusLook.Figure] = [:]
    /// When they were last asked for (the app's clock), and how many answers are still out.
    public var askedAt: Double?
    public var outstanding = 0
    /// Asked again once the run ended (its last replays answered), so that "done" shows
    /// figures taken after them, not before; `again`: the ask in flight then was too early.
    public var askedAfterEnd = false
    public var again = false

    public init(filter: RecoverFilter, from: Int, to: Int) {
        self.filter = filter; self.from = from; self.to = to
    }

    /// When they are next due; nil while some are out.
    public var dueAt: Double? { outstanding > 0 ? nil : (askedAt.map { $0 + Self.every } ?? -.infinity) }

    /// The run ended: ask now (or as soon as the asks in flight are answered).
    mutating func runEnded() {
        guard !askedAfterEnd else { return }
        askedAfterEnd = true
        if outstanding > 0 { again = true } else { askedAt = nil }
    }

    /// The queries, each with its status: this webhook (and event type), this range.
    func queries() -> [(DeliveryStatus, DeliveryQuery)] {
        Self.statuses.map { status in
            (status, DeliveryQuery(uuid: filter.uuid, eventType: filter.eventType, status: status, dateFrom: from, dateTo: to, limit: 1))
        }
    }

    mutating func answered(_ status: DeliveryStatus, _ result: Result<DeliveryPage, JetEmailError>) {
        outstanding = max(0, outstanding - 1)
        if outstanding == 0, again {
            again = false
            askedAt = nil
        }
        if let figure = DeliveryStatusLook.figure(result) { figures[status] = figure }
    }

    /// `290 success · 10 failed · 3 retry · 2 pending`, as details show counts.
    var spans: [Span] { DeliveryStatusLook.figures { figures[$0] } }
}
