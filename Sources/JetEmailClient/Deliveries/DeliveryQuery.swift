/// The filters of `POST /webhooks/query`, all optional. Times are unix seconds.
public struct DeliveryQuery: Sendable, Equatable, Hashable {
    public var uuid: String?
    public var eventID: String?
    public var sourceUID: String?
    /// One of the 15 names (the 14 of create and `outbound.queued`).
    public var eventType: String?
    public var status: DeliveryStatus?
    public var dateFrom: Int?
    public var dateTo: Int?
    public var limit: Int?
    public var offset: Int?

    public static let limits = 1...1000
    /// No log is longer; a larger offset would only risk arithmetic past Int's edge.
    public static let largestOffset = 1_000_000_000_000_000
    /// The event types the log can be filtered by: the 14 of create, and `outbound.queued`.
    public static let eventTypes: [String] = EventType.outbound.map(\.rawValue) + ["outbound.queued"] + EventType.inbound.map(\.rawValue)

    public init(uuid: String? = nil, eventID: String? = nil, sourceUID: String? = nil, eventType: String? = nil,
                status: DeliveryStatus? = nil, dateFrom: Int? = nil, dateTo: Int? = nil, limit: Int? = nil, offset: Int? = nil) {
        self.uuid = uuid; self.eventID = eventID; self.sourceUID = sourceUID; self.eventType = eventType; self.status = status
        self.dateFrom = dateFrom; self.dateTo = dateTo; self.limit = limit; self.offset = offset
    }

    /// What the API would refuse, said before anything is sent; nil when it is acceptable.
    public var problem: String? {
        if let limit, !Self.limits.contains(limit) { return "limit must be between 1 and 1000 (it is \(limit))" }
        if let offset, offset < 0 { return "offset cannot be negative (it is \(offset))" }
        if let offset, offset > Self.largestOffset { return "offset is larger than any log (at most \(Self.largestOffset))" }
        if let eventType, !Self.eventTypes.contains(eventType) {
            return "'\(TerminalSafe.excerpt(eventType, limit: 60))' is not an event type; one of: \(Self.eventTypes.joined(separator: ", "))"
        }
        if let dateFrom, let dateTo, dateFrom > dateTo { return "the start of the time range is after its end" }
        return nil
    }

    /// The request body: the filters given, in the documented order.
    public func encoded() -> [UInt8] {
        var fields: [(String, JSONText)] = []
        if let uuid { fields.append(("uuid", .string(uuid))) }
        if let eventID { fields.append(("event_id", .string(eventID))) }
        if let sourceUID { fields.append(("source_uid", .string(sourceUID))) }
        if let eventType { fields.append(("event_type", .string(eventType))) }
        if let status { fields.append(("status", .string(status.rawValue))) }
        if let dateFrom { fields.append(("date_from", .number(dateFrom))) }
        if let dateTo { fields.append(("date_to", .number(dateTo))) }
        if let limit { fields.append(("limit", .number(limit))) }
        if let offset { fields.append(("offset", .number(offset))) }
        return Array(JSONText.object(fields).rendered(pretty: false).utf8)
    }
}
