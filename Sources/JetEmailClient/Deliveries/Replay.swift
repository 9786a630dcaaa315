/// What `POST /webhooks/replay` sends again: one event by id, or the events of one source
/// message; to every subscribed webhook, or to one.
public struct ReplayTarget: Sendable, Equatable {
    public enum Event: Sendable, Equatable {
        case eventID(String)
        case sourceUID(String)
    }

    public var event: Event
    /// Only this webhook; nil: every webhook subscribed to the event's type.
    public var uuid: String?

    public init(_ event: Event, uuid: String? = nil) { self.event = event; self.uuid = uuid }

    public func encoded() -> [UInt8] {
        var fields: [(String, JSONText)] = []
        switch event {
        case .eventID(let id): fields.append(("event_id", .string(id)))
        case .sourceUID(let uid): fields.append(("source_uid", .string(uid)))
        }
        if let uuid { fields.append(("uuid", .string(uuid))) }
        return Array(JSONText.object(fields).rendered(pretty: false).utf8)
    }
}

/// The API's answer to a replay: `{success, event_id, status: "enqueued", message}`.
public struct ReplayReceipt: Sendable, Equatable, Encodable {
    public var eventID: String
    public var status: String
    public var message: String

    public init(eventID: String, status: String, message: String) { self.eventID = eventID; self.status = status; self.message = message }

    enum CodingKeys: String, CodingKey { case eventID = "event_id", status, message }

    /// Only `enqueued` says JetEmail will send the event again; `failed` or any other word says not.
    public var isEnqueued: Bool { status.lowercased() == "enqueued" }

    /// Why a replay that was not enqueued was not, in words (the server's word is escaped).
    public var refusal: String {
        "JetEmail answered status \"\(TerminalSafe.excerpt(status, limit: 60))\", not \"enqueued\""
            + (message.isEmpty ? "" : " (\(TerminalSafe.excerpt(message, limit: 200)))") + ": it was not replayed"
    }
}
