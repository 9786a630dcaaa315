import JetEmailClient
import TerminalUI

/// A webhook's deliveries over the last 24 hours, as the list shows them: failed of total,
/// from two `limit: 1` queries (JetEmail has no stats endpoint; a query's `total` counts).
/// Kept for `freshFor` seconds; while a refresh is out the old figures stay on screen.
public struct DeliveryHealth: Sendable, Equatable {
    public static let window = DeliveryTally.recentSeconds
    public static let freshFor = 60.0

    public var failed: Int?
    public var total: Int?
    /// The latest ask failed (the figures, if any, are older).
    public var couldNotFetch = false
    /// When the figures were asked for (their age), on the app's clock.
    public var askedAt: Double
    /// Queries out for it.
    public var outstanding = 0
    /// Failures over the day in 3-hour buckets, for the sparkline: filled from the rows the
    /// failed count brings (its newest `sparkRows`), and where those do not reach (a busy
    /// webhook), from a `limit: 1` count a bucket.
    public var spark: DeliveryTimeline?
    public static let sparkRows = 100
    public static let sparkBuckets = 8
    /// Drawn every frame for each row: made once.
    static let sparkLevels = Array("▁▂▃▄▅▆▇█")

    public init(askedAt: Double) { self.askedAt = askedAt }

    public func isStale(now: Double, freshFor: Double = Self.freshFor) -> Bool { outstanding == 0 && now >= askedAt + freshFor }

    /// `12/340` (red when any failed), `…` until known, `?` when it could not be fetched.
    public var cell: (text: String, style: Style) {
        if couldNotFetch { return ("?", .warning) }
        guard let failed, let total else { return ("…", .muted) }
        return ("\(failed)/\(total)", failed > 0 ? Style(.error, bold: true) : .plain)
    }

    /// Failures in the last 24 hours, 3 hours a character, oldest first: `▁▂▃▄▅▆▇█` by the
    /// busiest bucket, a space for none, `·` for a bucket still being counted.
    public func sparkline() -> String? {
        guard failed != nil, !couldNotFetch, let spark else { return nil }
        let peak = max(1, spark.buckets.compactMap(\.failed).max() ?? 1)
        let levels = Self.sparkLevels
        return String(spark.buckets.map { bucket in
            guard let count = bucket.failed else { return "·" }
            if count <= 0 { return " " }
            // In Double: a server's count near Int's edge cannot overflow.
            return levels[min(levels.count - 1, max(0, Int(Double(count) * Double(levels.count) / Double(peak) - 0.000_001)))]
        })
    }

    /// A new ask: the sparkline's buckets end now, on whole 3 hours; those that were already
    /// closed and counted keep their counts (a busy webhook's older buckets are counted once).
    mutating func asking(uuid: String, nowUnix: Int) {
        var fresh = DeliveryTimeline(uuid: uuid, alignedBuckets: Self.sparkBuckets, of: Self.window / Self.sparkBuckets, now: nowUnix)
        if let old = spark {
            for (index, bucket) in fresh.buckets.enumerated() {
                guard let kept = old.buckets.dropLast().first(where: { $0.from == bucket.from && $0.until == bucket.until }), let count = kept.failed else { continue }
                fresh.buckets[index].failed = count
            }
        }
        spark = fresh
    }

    /// For sorting by failures: most first, unknown last.
    public var failures: Int { couldNotFetch ? -1 : failed ?? -1 }

    /// One of its two queries answered.
    mutating func answered(failedOnly: Bool, _ result: Result<DeliveryPage, JetEmailError>) {
        outstanding = max(0, outstanding - 1)
        switch result {
        case .success(let page):
            // A total that is not a count (text, missing, below zero) is unreadable, not a figure.
            guard let count = page.reportedTotal else { couldNotFetch = true; return }
            if failedOnly {
                failed = count
                spark?.fill(.failed, page: page)
            } else {
                total = count
            }
            if outstanding == 0, failed != nil, total != nil { couldNotFetch = false }
        case .failure(.cancelled):
            break
        case .failure:
            couldNotFetch = true
        }
    }

    /// The two queries: failed ones, and all, of one webhook since `now - window` (unix seconds).
    static func queries(uuid: String, nowUnix: Int) -> [(failedOnly: Bool, query: DeliveryQuery)] {
        let since = nowUnix - window
        // Until now (excluded): the rows then lie in the sparkline's buckets.
        return [(true, DeliveryQuery(uuid: uuid, status: .failed, dateFrom: since, dateTo: nowUnix - 1, limit: sparkRows)),
                (false, DeliveryQuery(uuid: uuid, dateFrom: since, limit: 1))]
    }
}

/// How the list is sorted; `o` cycles.
public enum ListSort: String, Sendable, Equatable, CaseIterable {
    case name, failures, status

    var next: ListSort { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    /// For the header: "by failures (24 h)".
    var words: String {
        switch self {
        case .name: "by name"
        case .failures: "by failures (24 h)"
        case .status: "by status"
        }
    }
}
