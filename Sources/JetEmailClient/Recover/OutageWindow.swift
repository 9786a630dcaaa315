/// When a webhook's latest run of failures began: the first failed delivery after the last
/// successful one before the latest failure. Found with a handful of one-row queries (the log is
/// newest first), never by reading the log: 3 requests when the run is one failure, else 4, and
/// one more to learn whether a success came since (the run is over).
public struct OutageWindow: Sendable, Equatable {
    public var uuid: String
    /// The first failure of the run (unix seconds).
    public var began: Int
    /// The latest failure of the run.
    public var latestFailure: Int
    /// The last success before the run; nil when the log has none before it.
    public var lastSuccessBefore: Int?
    /// Failed deliveries from `began` to `latestFailure`, as the server counts them; nil when it
    /// gave no usable count.
    public var failed: Int?
    /// A success came after the latest failure: the receiver answers again.
    public var over: Bool

    public init(uuid: String, began: Int, latestFailure: Int, lastSuccessBefore: Int?, failed: Int?, over: Bool) {
        self.uuid = uuid; self.began = began; self.latestFailure = latestFailure
        self.lastSuccessBefore = lastSuccessBefore; self.failed = failed; self.over = over
    }

    /// "failing since 16:01 (last success 15:58) · 400 failed since", or for a run that is over,
    /// "failed 16:01–17:59 (last success 15:58) · 400 failed, delivering again". `time` writes a time.
    public func describe(time: (Int) -> String) -> String {
        let last = lastSuccessBefore.map { " (last success \(time($0)))" } ?? " (no success before it in the log)"
        let count = failed.map { " · \($0) failed\(over ? "" : " since")" } ?? ""
        return over ? "failed \(time(began))–\(time(latestFailure))\(last)\(count), delivering again"
                    : "failing since \(time(began))\(last)\(count)"
    }
}

/// Reading the log for an outage's window or edges. Every row is checked (this webhook's, this
/// status, a time) rather than trusted; a server that ignores the order or the filters gives a
/// wider window, never a crash.
public enum OutageFinder {
    public typealias Query = @Sendable (DeliveryQuery) async throws(JetEmailError) -> DeliveryPage

    /// The webhook's latest run of failures, or nil when its log has no failed delivery.
    public static func find(uuid: String, query: Query) async throws(JetEmailError) -> OutageWindow? {
        guard let latest = try await edge(uuid: uuid, status: .failed, from: nil, to: nil, query: query).newest else { return nil }
        let success = try await edge(uuid: uuid, status: .success, from: nil, to: latest, query: query).newest
        let (began, failed) = try await oldest(uuid: uuid, status: .failed, from: success, to: latest, query: query)
        let after = latest < Int.max ? try await edge(uuid: uuid, status: .success, from: latest + 1, to: nil, query: query) : Edge()
        return OutageWindow(uuid: uuid, began: began.map { min($0, latest) } ?? latest, latestFailure: latest, lastSuccessBefore: success,
                            failed: failed, over: (after.total ?? 0) > 0 || after.newest != nil)
    }

    /// The failed deliveries of the run that a range starting at `since` leaves out: those
    /// between the last success before `since` and `since` (2 or 3 requests). Nil when none are.
    public static func cutOff(uuid: String, since: Int, query: Query) async throws(JetEmailError) -> (count: Int, began: Int?)? {
        guard since > Int.min else { return nil }
        let success = try await edge(uuid: uuid, status: .success, from: nil, to: since - 1, query: query).newest
        let (began, count) = try await oldest(uuid: uuid, status: .failed, from: success, to: since - 1, query: query)
        guard let count, count > 0 else { return began == nil ? nil : (1, began) }
        return (count, began)
    }

    struct Edge {
        var newest: Int?
        var total: Int?
    }

    /// One row of this status in the range: the newest's time and the server's count.
    static func edge(uuid: String, status: DeliveryStatus, from: Int?, to: Int?, query: Query) async throws(JetEmailError) -> Edge {
        if let from, let to, from > to { return Edge(newest: nil, total: 0) }
        let page = try await query(DeliveryQuery(uuid: uuid, status: status, dateFrom: from, dateTo: to, limit: 1, offset: 0))
        return Edge(newest: times(page, uuid: uuid, status: status, from: from, to: to).max(), total: page.reportedTotal)
    }

    /// The oldest row of this status in the range (the last of the newest-first log, asked for
    /// by its offset) and the server's count.
    static func oldest(uuid: String, status: DeliveryStatus, from: Int?, to: Int?, query: Query) async throws(JetEmailError) -> (Int?, Int?) {
        let first = try await edge(uuid: uuid, status: status, from: from, to: to, query: query)
        guard let total = first.total, total > 1, total - 1 <= DeliveryQuery.largestOffset else { return (first.newest, first.total) }
        let page = try await query(DeliveryQuery(uuid: uuid, status: status, dateFrom: from, dateTo: to, limit: 1, offset: total - 1))
        let seen = times(page, uuid: uuid, status: status, from: from, to: to) + (first.newest.map { [$0] } ?? [])
        return (seen.min(), total)
    }

    /// The times of the rows that are what was asked for.
    static func times(_ page: DeliveryPage, uuid: String, status: DeliveryStatus, from: Int?, to: Int?) -> [Int] {
        page.events.compactMap { delivery in
            guard delivery.uuid == uuid, delivery.status == status, let at = delivery.createdAt else { return nil }
            if let from, at < from { return nil }
            if let to, at > to { return nil }
            return at
        }
    }
}
