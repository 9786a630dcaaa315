/// What is new in a delivery log, poll after poll: each poll asks for deliveries at or after
/// the newest seen (`date_from` is inclusive), and those seen at that very second are skipped,
/// so every delivery is reported once. Used by the TUI's follow and by `query --follow`.
///
/// A delivery stamped in the future (a server's clock, or a hostile time) is shown once, but the
/// next poll never starts past `now` plus a little skew: one bad time cannot stop the follow.
public struct NewDeliveries: Sendable, Equatable {
    public static let pollLimit = 1000
    /// How far ahead of this machine's clock a server's time may be and still move the polls on.
    public static let clockSkew = 60
    /// Deliveries from the future remembered, so that each is shown once.
    static let futureLimit = 10_000

    /// The newest time seen, and the ids seen at that second.
    public private(set) var newestAt: Int?
    public private(set) var idsAtNewest: Set<String> = []
    /// Shown already though later than where polls start: their times, by id.
    private var ahead: [String: Int] = [:]
    /// Where to start when nothing was seen yet (unix seconds).
    public var from: Int?

    public init(from: Int? = nil) { self.from = from }

    /// Deliveries shown already (a first page): where the next poll starts, never past `now`
    /// (unix seconds) and its skew.
    public mutating func saw(_ events: [Delivery], now: Int) {
        let cap = now > Int.max - Self.clockSkew ? Int.max : now + Self.clockSkew
        for event in events { if let at = event.createdAt, at > cap, ahead.count < Self.futureLimit { ahead[event.id] = at } }
        guard let newest = events.compactMap(\.createdAt).filter({ $0 <= cap }).max() else { return }
        let atNewest = events.filter { $0.createdAt == newest }.map(\.id)
        if newest > (newestAt ?? Int.min) {
            newestAt = newest
            idsAtNewest = Set(atNewest)
            ahead = ahead.filter { $0.value >= newest }
        } else if newest == newestAt {
            idsAtNewest.formUnion(atNewest)
        }
    }

    /// The next poll: `base`'s filters, from the newest seen (never before `base`'s own from).
    public func query(_ base: DeliveryQuery) -> DeliveryQuery {
        var q = base
        q.offset = 0
        q.limit = Self.pollLimit
        q.dateFrom = max(newestAt ?? from ?? 0, base.dateFrom ?? Int.min)
        return q
    }

    /// Of a poll's answer, those not seen yet, in the answer's order (newest first); the
    /// newest seen moves along. A delivery without a time cannot be placed and is left out.
    public mutating func fresh(_ events: [Delivery], now: Int) -> [Delivery] {
        let start = newestAt ?? from ?? Int.min
        var seen = idsAtNewest
        let new = events.filter { event in
            guard let at = event.createdAt, at >= start, !seen.contains(event.id), ahead[event.id] != at else { return false }
            seen.insert(event.id)
            return true
        }
        saw(new, now: now)
        return new
    }
}
