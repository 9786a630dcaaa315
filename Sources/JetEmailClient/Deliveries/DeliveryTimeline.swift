/// A webhook's failed and all deliveries over time, in buckets: the chart in details and
/// `stats --timeline`. JetEmail has no stats endpoint, so the counts come from the log, as
/// cheaply as it allows (see `DeliveryTimeline.Reading`):
/// - one page of up to 1,000 rows per series (failed, all) over the whole range, bucketed here:
///   exact for every bucket the page reaches (all of a quiet webhook's range, from 2 requests);
/// - one `limit: 1` count per bucket the page did not reach (a busy webhook's older buckets).
public struct DeliveryTimeline: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        /// Unix seconds, `from` included, `until` not.
        public var from: Int
        public var until: Int
        public var failed: Int?
        public var total: Int?
    }

    /// The charts details can show: 24 hours of hours, 7 days of 6 hours.
    public enum Span: String, Sendable, Equatable, CaseIterable {
        case day, week
        public var bucketSeconds: Int { self == .day ? 3_600 : 21_600 }
        public var bucketCount: Int { self == .day ? 24 : 28 }
        public var words: String { self == .day ? "last 24 hours, by hour" : "last 7 days, by 6 hours" }
    }

    public enum Series: Sendable, Equatable, Hashable {
        case failed, all
        public var status: DeliveryStatus? { self == .failed ? .failed : nil }
    }

    public var uuid: String
    public var buckets: [Bucket]

    /// The most buckets a timeline holds (a long --since gets wider buckets, never more).
    public static let mostBuckets = 400

    /// Buckets of `bucketSeconds` ending at `until`, back to `from` (the first may be shorter).
    public init(uuid: String, from: Int, until: Int, bucketSeconds: Int) {
        self.uuid = uuid
        let size = max(1, bucketSeconds)
        let span = max(0, until - from)
        let count = min(Self.mostBuckets, max(1, span / size + (span % size == 0 ? 0 : 1)))
        buckets = (0..<count).map { i in
            let end = until - (count - 1 - i) * size
            return Bucket(from: max(from, end - size), until: end, failed: nil, total: nil)
        }
    }

    /// `count` buckets on whole multiples of `size` (UTC), the last one open and ending at
    /// `now`: a closed bucket keeps its bounds from one ask to the next, so its count can be kept.
    public init(uuid: String, alignedBuckets count: Int, of size: Int, now: Int) {
        self.uuid = uuid
        let size = max(1, size), count = max(1, min(Self.mostBuckets, count))
        let open = now - ((now % size) + size) % size
        buckets = (0..<count).map { i in
            let from = open - (count - 1 - i) * size
            return Bucket(from: from, until: i == count - 1 ? max(now, from + 1) : from + size, failed: nil, total: nil)
        }
    }

    public init(uuid: String, span: Span, now: Int) {
        self.init(uuid: uuid, from: now - span.bucketCount * span.bucketSeconds, until: now, bucketSeconds: span.bucketSeconds)
    }

    /// A bucket size for a range of `seconds`: hours up to 2 days, 6 hours up to 14, else days
    /// (and wider past `mostBuckets`).
    public static func bucketSeconds(for seconds: Int) -> Int {
        let size = seconds <= 2 * 86_400 ? 3_600 : seconds <= 14 * 86_400 ? 21_600 : 86_400
        return max(size, seconds / mostBuckets + 1)
    }

    public var from: Int { buckets.first?.from ?? 0 }
    public var until: Int { buckets.last?.until ?? 0 }

    /// Every bucket has both counts.
    public var isComplete: Bool { buckets.allSatisfy { $0.failed != nil && $0.total != nil } }

    // MARK: Reading

    /// The page that starts a series: up to 1,000 rows over the whole range.
    public func pageQuery(_ series: Series) -> DeliveryQuery {
        DeliveryQuery(uuid: uuid, status: series.status, dateFrom: from, dateTo: until - 1, limit: 1_000, offset: 0)
    }

    /// A count of one bucket.
    public func countQuery(_ series: Series, bucket index: Int) -> DeliveryQuery {
        let bucket = buckets[index]
        return DeliveryQuery(uuid: uuid, status: series.status, dateFrom: bucket.from, dateTo: bucket.until - 1, limit: 1, offset: 0)
    }

    /// The buckets of a series still without a count.
    public func missing(_ series: Series) -> [Int] {
        buckets.indices.filter { series == .failed ? buckets[$0].failed == nil : buckets[$0].total == nil }
    }

    /// Fills what the first page shows exactly. The log is newest first, so a page holds every
    /// row newer than its oldest one: buckets wholly newer than that are exact, and all of them
    /// are when the page holds the server's whole count. A page out of order, or with rows that
    /// were not asked for, is used for nothing (the counts are asked for instead).
    public mutating func fill(_ series: Series, page: DeliveryPage) {
        var times: [Int] = []
        var previous: Int?
        // Rows past the range's start (a query that asked from further back) end the reading:
        // every row of the range is then in hand.
        var passedFrom = false
        for delivery in page.events {
            guard delivery.uuid == uuid, series.status == nil || delivery.status == series.status, let at = delivery.createdAt, at < until else { return }
            if let previous, at > previous { return }
            previous = at
            if at < from { passedFrom = true; break }
            times.append(at)
        }
        let whole = passedFrom || (page.reportedTotal.map { $0 <= page.events.count } ?? false)
        guard whole || page.reportedTotal != nil else { return }
        // Rows newer than the oldest seen are all here; older ones may not be.
        let exactFrom = whole ? Int.min : (times.last ?? Int.max)
        for index in buckets.indices where buckets[index].from > exactFrom {
            let bucket = buckets[index]
            set(series, index, times.filter { $0 >= bucket.from && $0 < bucket.until }.count)
        }
    }

    /// A bucket's count from its `limit: 1` query: the server's total when it is a count.
    public mutating func fill(_ series: Series, bucket index: Int, page: DeliveryPage) {
        guard buckets.indices.contains(index), let count = page.reportedTotal else { return }
        set(series, index, count)
    }

    mutating func set(_ series: Series, _ index: Int, _ count: Int) {
        if series == .failed { buckets[index].failed = count } else { buckets[index].total = count }
    }

    /// Reads a whole timeline through `query` (the client, and so the request budget).
    public static func read(_ timeline: DeliveryTimeline, query: OutageFinder.Query) async throws(JetEmailError) -> DeliveryTimeline {
        var timeline = timeline
        for series in [Series.failed, .all] {
            timeline.fill(series, page: try await query(timeline.pageQuery(series)))
            for index in timeline.missing(series) {
                timeline.fill(series, bucket: index, page: try await query(timeline.countQuery(series, bucket: index)))
            }
        }
        return timeline
    }
}
