/// The events a recover will replay, collected before the first replay (a replayed event turns
/// pending, which would shift the offsets of a status-filtered query under a run that paged as it
/// went), oldest first, held as ids: 100,000 of them are a few MB, not 100,000 payloads.
public struct RecoverPlan: Sendable, Equatable {
    public struct Event: Sendable, Equatable, Codable {
        public var id: String
        public var createdAt: Int?
        /// The webhook it is replayed to, in a recover of several (nil: the filter's one).
        public var uuid: String?
        public init(id: String, createdAt: Int?, uuid: String? = nil) { self.id = id; self.createdAt = createdAt; self.uuid = uuid }

        /// How the journal names it: its id, or in a recover of several webhooks (where one
        /// event may have gone to more than one) `uuid:id`.
        public var ref: String { uuid.map { "\($0):\(id)" } ?? id }
    }

    public var filter: RecoverFilter
    /// Oldest first.
    public var events: [Event]
    public var byType: [String: Int]
    public var byCode: [String: Int]
    public var oldest: Int?
    public var newest: Int?
    /// The totals the server gave while paging, when they were not all the same (the log changed
    /// under the plan: said, not hidden).
    public var totalsSeen: [Int]
    /// Rows the server sent that the filter does not ask for (another webhook, another status,
    /// another type, outside the range) or whose id cannot be an event's: left out, and said.
    public var dropped = 0
    /// The server's last total, when it counted more events than came back distinct (it
    /// repeated, skipped or ignored offsets): the plan may be short, and says so.
    public var shortOf: Int?
    /// Rows left out because JetEmail discarded them on purpose (a 4xx other than 408 and 429):
    /// `--include-4xx` takes them.
    public var discarded4xx = 0
    /// The webhook's latest run of failures, when the plan looked for it (`--since outage`, and
    /// every plan of failed deliveries).
    public var outage: OutageWindow?
    /// Failed deliveries of the same run before the range's start (`--since` cut the run), and
    /// when that run began.
    public var cutOff: Int?
    public var cutOffBegan: Int?
    /// A recover of several webhooks: each one's count, outage and cut, by uuid (empty for one).
    public var perWebhook: [String: Int] = [:]
    public var outages: [String: OutageWindow] = [:]

    public var count: Int { events.count }

    public init(filter: RecoverFilter, events: [Event], byType: [String: Int], byCode: [String: Int], oldest: Int?, newest: Int?, totalsSeen: [Int],
                dropped: Int = 0, shortOf: Int? = nil) {
        self.filter = filter; self.events = events; self.byType = byType; self.byCode = byCode
        self.oldest = oldest; self.newest = newest; self.totalsSeen = totalsSeen
        self.dropped = dropped; self.shortOf = shortOf
    }

    /// Seconds the replays take under a budget of `perMinute` in any minute (a fresh window), one
    /// at a time at about `secondsEach` (a round trip) each, at this priority (a background run
    /// leaves the budget's reserve to the person); rounded up.
    public func estimatedSeconds(perMinute: Int, secondsEach: Double = 0.25, priority: RequestPriority = .background) -> Int {
        Self.estimatedSeconds(count: count, perMinute: perMinute, secondsEach: secondsEach, priority: priority)
    }

    public static func estimatedSeconds(count: Int, perMinute: Int, secondsEach: Double = 0.25, priority: RequestPriority = .background) -> Int {
        guard count > 0, perMinute > 0 else { return 0 }
        let budget = RequestBudget(limit: perMinute)
        let seconds = budget.secondsUntil(count, now: 0, spacing: secondsEach, cap: budget.cap(priority)) + secondsEach
        return seconds.isFinite ? Int(min(seconds, 1e9).rounded(.up)) : 0
    }

    /// Counts by type or by code, largest first and equal ones by name: the same order on
    /// every run (a dictionary's own order changes from one run to the next).
    public static func ranked(_ counts: [String: Int]) -> [(key: String, count: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The totals changed while paging: what the plan says about it.
    public var totalChanged: Bool { Set(totalsSeen).count > 1 }

    /// The longest event id kept: JetEmail's are `evt_` and a few dozen characters; a longer
    /// one (a hostile server's) would swell the journal past what can be read back.
    public static let longestEventID = 200

    /// An id a replay can name: not empty, not absurdly long, no control characters.
    public static func isEventID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= longestEventID && !id.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

/// Collecting a plan: page after page of the log through the client (and so the request
/// budget), by what each page brought (a server may send fewer than asked), until the total or an
/// empty page; events seen twice (the log grew meanwhile) are kept once. A page that brings
/// nothing new ends the collection.
public enum RecoverPlanner {
    public static let pageSize = 1000

    /// `progress` hears the events collected so far and the latest total. A 429 is the
    /// client's to wait out (the request path holds every process and asks again).
    public static func plan(_ asked: RecoverFilter, client: JetEmailClient,
                            progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws(JetEmailError) -> RecoverPlan {
        guard asked.isSeveral else { return try await planOne(asked, client: client, progress: progress) }
        // Several webhooks: each planned as it would be alone (its own outage), then one plan,
        // oldest first across them (so oldest first within each), each event naming its webhook.
        var parts: [RecoverPlan] = []
        for uuid in asked.uuids {
            let seen = parts.map(\.count).reduce(0, +)
            parts.append(try await planOne(asked.only(uuid), client: client, progress: { n, total in progress(seen + n, seen + total) }))
        }
        return merged(parts, filter: asked)
    }

    /// The plans of several webhooks as one.
    static func merged(_ parts: [RecoverPlan], filter: RecoverFilter) -> RecoverPlan {
        let events = parts.flatMap { part in part.events.map { RecoverPlan.Event(id: $0.id, createdAt: $0.createdAt, uuid: part.filter.uuid) } }
        // Each part is oldest first already; equal times keep the parts' order.
        let ordered = oldestFirst(events, equalTimes: .asGiven)
        var byType: [String: Int] = [:], byCode: [String: Int] = [:]
        for part in parts {
            byType.merge(part.byType, uniquingKeysWith: +)
            byCode.merge(part.byCode, uniquingKeysWith: +)
        }
        var whole = filter
        whole.dateFrom = parts.compactMap(\.filter.dateFrom).min() ?? filter.dateFrom
        var plan = RecoverPlan(filter: whole, events: ordered, byType: byType, byCode: byCode, oldest: parts.compactMap(\.oldest).min(),
                               newest: parts.compactMap(\.newest).max(),
                               // A change while one of them was read is said with its totals.
                               totalsSeen: parts.first(where: \.totalChanged)?.totalsSeen ?? [],
                               dropped: parts.map(\.dropped).reduce(0, +),
                               shortOf: parts.contains { $0.shortOf != nil } ? parts.map { $0.shortOf ?? $0.count }.reduce(0, +) : nil)
        plan.discarded4xx = parts.map(\.discarded4xx).reduce(0, +)
        let cuts = parts.compactMap(\.cutOff)
        plan.cutOff = cuts.isEmpty ? nil : cuts.reduce(0, +)
        plan.cutOffBegan = parts.compactMap(\.cutOffBegan).min()
        for part in parts {
            plan.perWebhook[part.filter.uuid] = part.count
            if let outage = part.outage { plan.outages[part.filter.uuid] = outage }
        }
        return plan
    }

    /// One webhook's plan.
    static func planOne(_ asked: RecoverFilter, client: JetEmailClient,
                        progress: @Sendable (Int, Int) -> Void) async throws(JetEmailError) -> RecoverPlan {
        var filter = asked
        var outage: OutageWindow?
        var cut: (count: Int, began: Int?)?
        let query: OutageFinder.Query = { q throws(JetEmailError) in try await client.queryDeliveries(q) }
        if filter.status == .failed {
            // The run of failures is found first: `--since outage` begins there, and any other
            // range is told what it leaves of it.
            outage = try await OutageFinder.find(uuid: filter.uuid, query: query)
            if filter.sinceOutage {
                guard let outage else {
                    return RecoverPlan(filter: filter, events: [], byType: [:], byCode: [:], oldest: nil, newest: nil, totalsSeen: [])
                }
                filter.dateFrom = outage.began
            } else if let from = filter.dateFrom {
                cut = try await OutageFinder.cutOff(uuid: filter.uuid, since: from, query: query)
            }
        }
        var plan = try await collect(filter, client: client, progress: progress)
        plan.outage = outage
        plan.cutOff = cut?.count
        plan.cutOffBegan = cut?.began
        return plan
    }

    enum EqualTimes { case asGiven, reversed }

    /// Oldest first; events without a time at the end. A stable order for events of the same
    /// second (or none), as given or reversed.
    static func oldestFirst(_ events: [RecoverPlan.Event], equalTimes: EqualTimes) -> [RecoverPlan.Event] {
        let reversed = equalTimes == .reversed
        return events.enumerated().sorted { a, b in
            switch (a.element.createdAt, b.element.createdAt) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: reversed ? a.offset > b.offset : a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Every page of the log the filter asks for, the rows it admits kept oldest first.
    static func collect(_ filter: RecoverFilter, client: JetEmailClient, progress: @Sendable (Int, Int) -> Void) async throws(JetEmailError) -> RecoverPlan {
        var seen = Set<String>()
        var events: [RecoverPlan.Event] = []
        var byType: [String: Int] = [:], byCode: [String: Int] = [:]
        var totals: [Int] = []
        var dropped = 0, discarded = 0
        var lastTotal: Int?
        var offset = 0
        while true {
            let page = try await client.queryDeliveries(filter.query(offset: offset, limit: pageSize))
            if let reported = page.reportedTotal { lastTotal = reported }
            if totals.last != page.total { totals.append(page.total) }
            var fresh = 0
            for delivery in page.events where seen.insert(delivery.id + "\u{0}" + delivery.uuid).inserted {
                fresh += 1
                // Only what was asked for is ever replayed: a row of another webhook or status
                // (a server that ignores the filter) is counted and left out.
                guard filter.admits(delivery), RecoverPlan.isEventID(delivery.id) else { dropped += 1; continue }
                if filter.leavesOut(delivery) { discarded += 1; continue }
                events.append(RecoverPlan.Event(id: delivery.id, createdAt: delivery.createdAt))
                byType[delivery.eventType.rawValue, default: 0] += 1
                byCode[delivery.lastResponseCode.map(String.init) ?? "none", default: 0] += 1
            }
            progress(events.count, page.total)
            offset += page.events.count
            if page.events.isEmpty || fresh == 0 || offset >= page.total { break }
        }
        // Distinct rows seen, against the count the server gave: fewer means some never came.
        let shortOf = lastTotal.flatMap { seen.count < $0 ? $0 : nil }
        // The log is newest first: equal times (and no times) go in its order reversed.
        let ordered = oldestFirst(events, equalTimes: .reversed)
        let times = ordered.compactMap(\.createdAt)
        var plan = RecoverPlan(filter: filter, events: ordered, byType: byType, byCode: byCode, oldest: times.min(), newest: times.max(),
                               totalsSeen: totals, dropped: dropped, shortOf: shortOf)
        plan.discarded4xx = discarded
        return plan
    }
}
