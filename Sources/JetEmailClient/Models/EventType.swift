/// The 14 event types a webhook can subscribe to, in the order of the API schema.
public enum EventType: String, CaseIterable, Sendable, Codable, Hashable {
    case outboundDelivered = "outbound.delivered"
    case outboundBounced = "outbound.bounced"
    case outboundRejected = "outbound.rejected"
    case outboundDeferred = "outbound.deferred"
    case outboundSpam = "outbound.spam"
    case outboundDropped = "outbound.dropped"
    case outboundVirus = "outbound.virus"
    case outboundOpened = "outbound.opened"
    case outboundClicked = "outbound.clicked"
    case outboundComplaint = "outbound.complaint"
    case inboundReceived = "inbound.received"
    case inboundDelivered = "inbound.delivered"
    case inboundSpam = "inbound.spam"
    case inboundBlocked = "inbound.blocked"

    public enum Direction: String, Sendable { case outbound, inbound }

    public var direction: Direction { rawValue.hasPrefix("outbound.") ? .outbound : .inbound }

    public static let outbound = allCases.filter { $0.direction == .outbound }
    public static let inbound = allCases.filter { $0.direction == .inbound }

    /// The name without its direction ("delivered" for outbound.delivered), for the checklist
    /// under an Outbound/Inbound heading.
    public var shortName: String {
        guard let dot = rawValue.firstIndex(of: ".") else { return rawValue }
        return String(rawValue[rawValue.index(after: dot)...])
    }

    /// When the event fires, in at most 24 characters, for the checklist.
    public var shortSummary: String {
        switch self {
        case .outboundDelivered: "accepted by recipient"
        case .outboundBounced: "permanently refused"
        case .outboundRejected: "refused before sending"
        case .outboundDeferred: "delayed, will retry"
        case .outboundSpam: "flagged as spam"
        case .outboundDropped: "suppressed, not sent"
        case .outboundVirus: "virus found, blocked"
        case .outboundOpened: "recipient opened it"
        case .outboundClicked: "tracked link clicked"
        case .outboundComplaint: "recipient said spam"
        case .inboundReceived: "mail arrived for you"
        case .inboundDelivered: "sent on to your route"
        case .inboundSpam: "judged spam"
        case .inboundBlocked: "blocked on arrival"
        }
    }

    /// When the event fires, in a sentence, for the focused line and help.
    public var summary: String {
        switch self {
        case .outboundDelivered: "accepted by the recipient's mail server"
        case .outboundBounced: "permanently refused (hard bounce)"
        case .outboundRejected: "refused by JetEmail before sending"
        case .outboundDeferred: "delayed; delivery will be retried"
        case .outboundSpam: "flagged as spam when sending"
        case .outboundDropped: "dropped (suppressed or invalid recipient)"
        case .outboundVirus: "blocked because it carries a virus"
        case .outboundOpened: "opened by the recipient"
        case .outboundClicked: "a tracked link was clicked"
        case .outboundComplaint: "recipient marked it as spam"
        case .inboundReceived: "a message arrived for your domain"
        case .inboundDelivered: "an inbound message was delivered onward"
        case .inboundSpam: "an inbound message was judged spam"
        case .inboundBlocked: "an inbound message was blocked"
        }
    }
}

/// An event name as it comes back from the API: one of ours, or one we do not know
/// (responses can carry `outbound.queued`). Decoding never fails on an unknown name.
public struct EventName: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(_ type: EventType) { self.rawValue = type.rawValue }
    public var known: EventType? { EventType(rawValue: rawValue) }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
