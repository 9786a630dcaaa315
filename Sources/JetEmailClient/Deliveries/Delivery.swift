/// The state of one event's delivery, as the log reports it.
public enum DeliveryStatus: String, Sendable, CaseIterable, Codable {
    case success, failed, retry, pending
}

/// One event in the delivery log (`POST /webhooks/query`). Read tolerantly, field by field:
/// ids may be numbers, the payload may come as an object or as JSON text, a status we do not
/// know is kept as its word.
public struct Delivery: Sendable, Equatable, Encodable {
    /// The event id (`evt_…`), which replay and `X-Webhook-ID` use.
    public var id: String
    /// The webhook it was delivered to.
    public var uuid: String
    public var service: String
    public var eventType: EventName
    public var sourceUID: String
    public var sourceAction: String
    public var payload: JSONValue?
    /// Why the payload is not kept (too large, nested too deep, a number out of range): the
    /// event still shows, with this in place of its payload.
    public var payloadProblem: String?
    public var webhookURL: String
    public var createdAt: Int?
    /// The word as sent; `status` reads it.
    public var latestStatus: String
    public var totalAttempts: Int?
    public var lastResponseCode: Int?

    public init(id: String, uuid: String, service: String = "", eventType: EventName, sourceUID: String = "", sourceAction: String = "",
                payload: JSONValue? = nil, webhookURL: String = "", createdAt: Int? = nil, latestStatus: String,
                totalAttempts: Int? = nil, lastResponseCode: Int? = nil) {
        self.id = id; self.uuid = uuid; self.service = service; self.eventType = eventType; self.sourceUID = sourceUID
        self.sourceAction = sourceAction; self.payload = payload; self.webhookURL = webhookURL; self.createdAt = createdAt
        self.latestStatus = latestStatus; self.totalAttempts = totalAttempts; self.lastResponseCode = lastResponseCode
    }

    public var status: DeliveryStatus? { DeliveryStatus(rawValue: latestStatus.lowercased()) }

    /// A payload larger than this (as JSON text, about) is not kept: no event of JetEmail's is
    /// near it, and a page holds a hundred events.
    public static let payloadLimit = 4 << 20

    public init(json o: [String: JSONValue]) {
        func text(_ key: String) -> String {
            switch o[key] {
            case .string(let s)?: s
            case .number?: o[key]?.integer.map(String.init) ?? ""
            default: ""
            }
        }
        func number(_ key: String) -> Int? {
            switch o[key] {
            case .number?: o[key]?.integer
            case .string(let s)?: Int(s)
            default: nil
            }
        }
        id = text("id")
        uuid = text("uuid")
        service = text("service")
        eventType = EventName(text("event_type"))
        sourceUID = text("source_uid")
        sourceAction = text("source_action")
        switch o["payload"] {
        case .string(let s)?:
            payload = s.utf8.count > Self.payloadLimit ? nil : JSONParser.parse(Array(s.utf8), lenient: true) ?? .string(s)
            if payload == nil { payloadProblem = "larger than \(Self.payloadLimit >> 10) KiB" }
        case .null?, nil: payload = nil
        case let value?: payload = value
        }
        if let problem = payload?.problem(limit: Self.payloadLimit) {
            payload = nil
            payloadProblem = problem
        }
        webhookURL = text("webhook_url")
        createdAt = number("created_at")
        latestStatus = text("latest_status")
        totalAttempts = number("total_attempts")
        lastResponseCode = number("last_response_code")
    }

    enum CodingKeys: String, CodingKey {
        case id, uuid, service, payload
        case payloadProblem = "payload_unreadable"
        case eventType = "event_type", sourceUID = "source_uid", sourceAction = "source_action", webhookURL = "webhook_url"
        case createdAt = "created_at", latestStatus = "latest_status", totalAttempts = "total_attempts"
        case lastResponseCode = "last_response_code"
    }
}

/// One page of the log: the events and where they sit in the whole.
public struct DeliveryPage: Sendable, Equatable, Encodable {
    public var events: [Delivery]
    /// At least what was seen (for paging), whatever the server said.
    public var total: Int
    public var limit: Int
    public var offset: Int
    /// The server's `total` when it is a count (a whole number from 0 up); nil when it is
    /// missing, null, text, negative, fractional or absurd: then nothing is counted from it.
    public var reportedTotal: Int?

    /// A page whose total is a count as given.
    public init(events: [Delivery], total: Int, limit: Int, offset: Int) {
        self.init(events: events, total: total, limit: limit, offset: offset, reportedTotal: total >= 0 ? total : nil)
    }

    public init(events: [Delivery], total: Int, limit: Int, offset: Int, reportedTotal: Int?) {
        self.events = events; self.total = total; self.limit = limit; self.offset = offset
        self.reportedTotal = reportedTotal
    }

    enum CodingKeys: String, CodingKey { case events, total, limit, offset }
}
