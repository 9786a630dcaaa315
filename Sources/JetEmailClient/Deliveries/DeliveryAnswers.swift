/// Reading the answers of the delivery log, replay and the account's filter choices; tolerant
/// of the envelopes NOTES.md leaves undocumented.
extension ResponseInterpreter {
    /// `{events, total, limit, offset}`, bare or under `result`/`data`.
    public static func deliveryPage(_ response: APIResponse, asked query: DeliveryQuery) throws(JetEmailError) -> DeliveryPage {
        guard (200...299).contains(response.status) else { throw error(for: response) }
        // Lenient: an event whose payload is nested too deep or holds a number out of range
        // shows with its payload marked unreadable, and the rest of the page shows.
        var object = try jsonObject(response, lenient: true)
        if object["events"] == nil, let inner = (object["result"] ?? object["data"])?.object { object = inner }
        guard let items = (object["events"] ?? object["items"])?.array else {
            throw .malformedResponse(reason: "it has no list of events")
        }
        var events: [Delivery] = []
        events.reserveCapacity(items.count)
        for item in items {
            guard let o = item.object else { throw .malformedResponse(reason: "an event of the log is not an object") }
            events.append(Delivery(json: o))
        }
        // Numbers from the server, kept in range: `integer` is within ±10^15, so these sums cannot
        // overflow; a negative offset or total means nothing.
        let offset = max(0, object["offset"]?.integer ?? query.offset ?? 0)
        // A count is a whole number from 0 up; anything else is no count at all (never a figure).
        let reported = object["total"]?.integer.flatMap { $0 >= 0 ? $0 : nil }
        // For paging, the total is at least what was seen.
        let total = max(reported ?? 0, offset + events.count)
        return DeliveryPage(events: events, total: total, limit: object["limit"]?.integer ?? query.limit ?? events.count, offset: offset,
                            reportedTotal: reported)
    }

    public static func replayReceipt(_ response: APIResponse, asked target: ReplayTarget) throws(JetEmailError) -> ReplayReceipt {
        guard (200...299).contains(response.status) else { throw error(for: response) }
        let object = try jsonObject(response)
        if object["success"]?.bool == false {
            throw .malformedResponse(reason: "HTTP \(response.status) but success is false (\(errorText(response)))")
        }
        // Only the documented answer, `{success, event_id, status: "enqueued", message}`, says a
        // replay was accepted: another object (a webhook, `{}`) says nothing of the kind.
        guard let status = object["status"]?.string, !status.isEmpty, object["event_id"] != nil || object["success"]?.bool == true else {
            throw .answerUnusable(reason: "it is not a replay's answer (no event_id and status), so it does not say the replay was enqueued")
        }
        var asked = ""
        if case .eventID(let id) = target.event { asked = id }
        let id = object["event_id"]?.string ?? object["event_id"]?.integer.map(String.init) ?? asked
        return ReplayReceipt(eventID: id, status: status, message: object["message"]?.string ?? "")
    }

    /// Usernames from `/outbound/transactional-keys` (`transactionalKeys` or `transactional-keys`,
    /// each entry's `username`, else its `name`) or `/outbound/smarthost` (`smarthosts`).
    /// Only the names are read; the keys' tokens are never kept.
    public static func usernames(_ response: APIResponse) throws(JetEmailError) -> [String] {
        try names(response, lists: ["transactionalKeys", "transactional-keys", "transactional_keys", "smarthosts", "result", "data", "items"],
                  fields: ["username", "name"], what: "users")
    }

    /// Domain names from `/inbound/domains` (rows with `domain`; the envelope is undocumented).
    public static func domains(_ response: APIResponse) throws(JetEmailError) -> [String] {
        try names(response, lists: ["domains", "result", "data", "items"], fields: ["domain", "name"], what: "domains")
    }

    private static func names(_ response: APIResponse, lists: [String], fields: [String], what: String) throws(JetEmailError) -> [String] {
        guard (200...299).contains(response.status) else { throw error(for: response) }
        guard let value = parse(response.body) else { throw .malformedResponse(reason: "it is not JSON") }
        var items = value.array
        if items == nil, let object = value.object {
            for key in lists { if let found = object[key]?.array { items = found; break } }
        }
        guard let items else { throw .malformedResponse(reason: "it has no list of \(what)") }
        var out: [String] = []
        for item in items {
            if let text = item.string { out.append(text); continue }
            guard let o = item.object else { continue }
            for field in fields { if let text = o[field]?.string, !text.isEmpty { out.append(text); break } }
        }
        return out
    }
}
