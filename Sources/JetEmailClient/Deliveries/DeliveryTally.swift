/// A webhook's deliveries counted by status over a time range: each figure is the `total` of a
/// `limit: 1` query (JetEmail has no stats endpoint), so a tally costs five requests, paced by
/// the client's budget. A 429 caused elsewhere is waited out by the client's request path.
public struct DeliveryTally: Sendable, Equatable {
    public static let statuses: [DeliveryStatus] = [.success, .failed, .retry, .pending]
    /// The span "how is it going" looks at when none is given: the last 24 hours.
    public static let recentSeconds = 24 * 3_600

    public var uuid: String
    /// All deliveries, then one figure per status; nil where it could not be counted.
    public var total: Int?
    public var byStatus: [DeliveryStatus: Int] = [:]
    /// Why a figure is missing, once.
    public var problem: String?

    public init(uuid: String) { self.uuid = uuid }

    public var isComplete: Bool { total != nil && byStatus.count == Self.statuses.count }

    /// Counts one webhook's deliveries from `since` to `until` (unix seconds; nil: open).
    public static func count(_ client: JetEmailClient, uuid: String, since: Int?, until: Int?) async -> DeliveryTally {
        var tally = DeliveryTally(uuid: uuid)
        for status in [nil] + statuses.map(Optional.some) {
            let query = DeliveryQuery(uuid: uuid, status: status, dateFrom: since, dateTo: until, limit: 1)
            do {
                let page = try await client.queryDeliveries(query)
                // A total that is not a count (text, missing, below zero, fractional) is no figure.
                if let count = page.reportedTotal {
                    if let status { tally.byStatus[status] = count } else { tally.total = count }
                } else if tally.problem == nil {
                    tally.problem = "JetEmail's answer had no count (its total is missing or not a whole number from 0 up)"
                }
            } catch {
                if tally.problem == nil { tally.problem = error.message(doing: .read) }
                // 429 after 429, or stopped: the other figures would fail the same way.
                if case .rateLimited = error { return tally }
                if case .cancelled = error { return tally }
            }
        }
        return tally
    }
}
