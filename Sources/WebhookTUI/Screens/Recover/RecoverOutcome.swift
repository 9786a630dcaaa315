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

    /// Each webhook's figures, summed into `figures`.
    public var perWebhook: [String: [DeliveryStatus: DeliveryStatusLook.Figure]] = [:]

    /// When they are next due; nil while some are out. Several webhooks are asked for less
    /// often, so that their figures cost the budget what one webhook's do.
    public var dueAt: Double? { outstanding > 0 ? nil : (askedAt.map { $0 + Self.every * Double(filter.uuids.count) } ?? -.infinity) }

    /// The run ended: ask now (or as soon as the asks in flight are answered).
    mutating func runEnded() {
        guard !askedAfterEnd else { return }
        askedAfterEnd = true
        if outstanding > 0 { again = true } else { askedAt = nil }
    }

    /// The queries, each with its status: this webhook (and event type), this range.
    func queries() -> [(String, DeliveryStatus, DeliveryQuery)] {
        filter.uuids.flatMap { uuid in
            Self.statuses.map { status in
                (uuid, status, DeliveryQuery(uuid: uuid, eventType: filter.eventType, status: status, dateFrom: from, dateTo: to, limit: 1))
            }
        }
    }

    /// One webhook's figure; the figure shown is the sum over the recover's webhooks once each
    /// has one (`?` if any could not be fetched). One webhook: its own.
    mutating func answered(_ uuid: String, _ status: DeliveryStatus, _ result: Result<DeliveryPage, JetEmailError>) {
        outstanding = max(0, outstanding - 1)
        if outstanding == 0, again {
            again = false
            askedAt = nil
        }
        guard let figure = DeliveryStatusLook.figure(result) else { return }
        perWebhook[uuid, default: [:]][status] = figure
        let each = filter.uuids.map { perWebhook[$0]?[status] }
        if each.contains(where: { $0 == .unavailable }) {
            figures[status] = .unavailable
        } else if each.allSatisfy({ if case .known = $0 { true } else { false } }) {
            figures[status] = .known(each.reduce(0) { sum, figure in
                if case .known(let n)? = figure { return sum.addingReportingOverflow(n).partialValue }
                return sum
            })
        } else if figures[status] == nil {
            figures[status] = .asking
        }
    }

    /// The recover's (first) webhook's figure.
    mutating func answered(_ status: DeliveryStatus, _ result: Result<DeliveryPage, JetEmailError>) {
        answered(filter.uuid, status, result)
    }

    /// `290 success · 10 failed · 3 retry · 2 pending`, as details show counts.
    var spans: [Span] { DeliveryStatusLook.figures { figures[$0] } }
}
