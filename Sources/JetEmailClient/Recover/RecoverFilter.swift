/// Which deliveries a recover replays: one webhook's, of one status (failed unless asked
/// otherwise), in a time range, of one event type or all. `since`/`until` keep the words as
/// typed (`2h`, `2026-11-27T14:00`), so that the same command run again an hour later finds the
/// same journal; `dateFrom`/`dateTo` are what they meant when the plan was made.
public struct RecoverFilter: Sendable, Equatable, Codable {
    public var uuid: String
    public var status: DeliveryStatus
    public var eventType: String?
    public var since: String?
    public var until: String?
    public var dateFrom: Int?
    public var dateTo: Int?
    /// Stored only when true (journals written before it read as false).
    private var include4xxStored: Bool?
    /// The other webhooks of a recover of several (`--webhook A --webhook B`, `--failing`,
    /// marked ones): stored only when there are some.
    private var alsoStored: [String]?

    public var otherUUIDs: [String] {
        get { alsoStored ?? [] }
        set { alsoStored = newValue.isEmpty ? nil : newValue }
    }

    /// Every webhook of the recover, the first one first.
    public var uuids: [String] { [uuid] + otherUUIDs }
    public var isSeveral: Bool { !otherUUIDs.isEmpty }

    /// One webhook's part of a recover of several: the same filter, for it alone.
    public func only(_ uuid: String) -> RecoverFilter {
        var part = self
        part.uuid = uuid
        part.otherUUIDs = []
        return part
    }

    /// Take deliveries whose last answer was a 4xx other than 408 and 429 too: JetEmail
    /// discards those on purpose (the receiver said "not this one"), so by default they are left
    /// out, counted and said.
    public var include4xx: Bool {
        get { include4xxStored ?? false }
        set { include4xxStored = newValue ? true : nil }
    }

    /// `--since outage`: the range begins where the webhook's latest run of failures began,
    /// found when the plan is made.
    public static let outageWord = "outage"
    public var sinceOutage: Bool { since == Self.outageWord }

    public init(uuid: String, status: DeliveryStatus = .failed, eventType: String? = nil, since: String? = nil, until: String? = nil,
                dateFrom: Int? = nil, dateTo: Int? = nil, include4xx: Bool = false) {
        self.uuid = uuid; self.status = status; self.eventType = eventType; self.since = since; self.until = until
        self.dateFrom = dateFrom; self.dateTo = dateTo
        self.include4xx = include4xx
    }

    enum CodingKeys: String, CodingKey {
        case uuid, status, eventType, since, until, dateFrom, dateTo
        case include4xxStored = "include4xx"
        case alsoStored = "also"
    }

    /// A delivery JetEmail gave up on because the receiver answered a 4xx other than 408
    /// (timeout) and 429 (slow down): discarded on purpose, not lost.
    public static func isDiscardedOnPurpose(_ delivery: Delivery) -> Bool {
        guard delivery.status == .failed, let code = delivery.lastResponseCode else { return false }
        return (400...499).contains(code) && code != 408 && code != 429
    }

    /// Whether the plan leaves this row out as discarded on purpose.
    public func leavesOut(_ delivery: Delivery) -> Bool { !include4xx && Self.isDiscardedOnPurpose(delivery) }

    /// What makes two runs "the same recover": the webhook, the status, the type and the time
    /// range as typed. A short hex digest, for the journal's file name.
    public var key: String {
        let text = ([uuid, status.rawValue, eventType ?? "", since ?? "", until ?? ""] + (include4xx ? ["4xx"] : [])
                    + (isSeveral ? ["also"] + otherUUIDs : [])).joined(separator: "\u{1F}")
        return String(HMACSHA256.hex(SHA256.hash(Array(text.utf8))).prefix(12))
    }

    /// The query for one page of the plan.
    func query(offset: Int, limit: Int) -> DeliveryQuery {
        DeliveryQuery(uuid: uuid, eventType: eventType, status: status, dateFrom: dateFrom, dateTo: dateTo, limit: limit, offset: offset)
    }

    /// Whether a row of the log is one this recover asked for: this webhook's, of this status
    /// (and type), inside the range when it has a time. What a server sends is checked, not trusted.
    public func admits(_ delivery: Delivery) -> Bool {
        guard uuids.contains(delivery.uuid), delivery.status == status else { return false }
        if let eventType, delivery.eventType.rawValue != eventType { return false }
        if let at = delivery.createdAt {
            if let dateFrom, at < dateFrom { return false }
            if let dateTo, at > dateTo { return false }
        }
        return true
    }

    /// The webhooks of a recover of several, named: `Billing`, `Billing and Gamma`,
    /// `Billing, Gamma and Crm` (the name its questions, journal and summaries use).
    public static func joinedNames(_ names: [String]) -> String {
        names.count <= 1 ? names.first ?? "" : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// `failed deliveries of Billing since 2h`, for questions and summaries.
    public func describe(webhookName: String) -> String {
        var text = "\(status.rawValue) deliveries of \(webhookName)"
        if let eventType { text += " (\(eventType))" }
        if sinceOutage { text += " since its latest outage began" } else if let since { text += " since \(since)" }
        if let until { text += " until \(until)" }
        if include4xx { text += ", 4xx included" }
        return text
    }
}
