/// The body of `PATCH /webhooks`: the uuid and only the fields that change. Build one with
/// `WebhookPatch.between(_:and:)`, which checks the edited values by the same rules as create.
public struct WebhookPatch: Sendable, Equatable {
    /// A filter: left alone, replaced, or cleared (sent as `null`, which the API reads as "all";
    /// an assumption from the create schema, where `null` means no filter).
    public enum FilterChange: Sendable, Equatable {
        case set([String])
        case clear
    }

    public var uuid: String
    public var name: String?
    public var url: String?
    /// The whole new set; event names the create enum does not know (`outbound.queued`) that
    /// the webhook already had are kept in it.
    public var events: [EventName]?
    public var status: WebhookStatus?
    public var filterUsers: FilterChange?
    public var filterDomains: FilterChange?

    public init(uuid: String, name: String? = nil, url: String? = nil, events: [EventName]? = nil, status: WebhookStatus? = nil,
                filterUsers: FilterChange? = nil, filterDomains: FilterChange? = nil) {
        self.uuid = uuid; self.name = name; self.url = url; self.events = events; self.status = status
        self.filterUsers = filterUsers; self.filterDomains = filterDomains
    }

    /// True when nothing would change: no request should be sent.
    public var isEmpty: Bool {
        name == nil && url == nil && events == nil && status == nil && filterUsers == nil && filterDomains == nil
    }

    /// The changed fields of an edit, checked by the create rules: nil with the report when the
    /// edit is invalid. Unchanged fields are left out, so a field the edit could not show is never
    /// overwritten.
    public static func between(_ original: Webhook, and edited: WebhookDraft) -> (patch: WebhookPatch?, report: ValidationReport) {
        let outcome = check(edited, against: original)
        guard let request = outcome.request else { return (nil, outcome.report) }
        var patch = WebhookPatch(uuid: original.uuid)
        if request.name != original.name { patch.name = request.name }
        if request.url != original.url { patch.url = request.url }
        let kept = original.events.filter { $0.known == nil }
        let newEvents = (keepsOnlyUnknownEvents(edited, original) ? [] : request.events.map(EventName.init)) + kept
        if Set(newEvents.map(\.rawValue)) != Set(original.events.map(\.rawValue)) { patch.events = newEvents }
        if request.status != original.status { patch.status = request.status }
        patch.filterUsers = change(from: original.filterUsers, to: request.filterUsers)
        patch.filterDomains = change(from: original.filterDomains, to: request.filterDomains)
        return (patch, outcome.report)
    }

    /// The create rules applied to an edit. One difference: a webhook whose only events are names
    /// the create enum lacks (which the form cannot show) may keep them, with none chosen.
    public static func check(_ edited: WebhookDraft, against original: Webhook) -> WebhookValidator.Outcome {
        guard keepsOnlyUnknownEvents(edited, original) else { return WebhookValidator.validate(edited) }
        var standIn = edited
        standIn.events = [EventType.outboundDelivered.rawValue]
        return WebhookValidator.validate(standIn)
    }

    private static func keepsOnlyUnknownEvents(_ edited: WebhookDraft, _ original: Webhook) -> Bool {
        edited.events.isEmpty && original.events.contains { $0.known == nil }
    }

    private static func change(from old: [String]?, to new: [String]?) -> FilterChange? {
        let before = old ?? [], after = new ?? []
        if before == after { return nil }
        return after.isEmpty ? .clear : .set(after)
    }

    /// The JSON body: uuid first, then the changed fields in schema order.
    public func encoded(pretty: Bool = false) -> [UInt8] {
        var fields: [(String, JSONText)] = [("uuid", .string(uuid))]
        if let name { fields.append(("name", .string(name))) }
        if let url { fields.append(("url", .string(url))) }
        if let events { fields.append(("events", .array(events.map { .string($0.rawValue) }))) }
        if let status { fields.append(("status", .number(status.rawValue))) }
        for (key, change) in [("filter_users", filterUsers), ("filter_domains", filterDomains)] {
            switch change {
            case .set(let values)?: fields.append((key, .array(values.map(JSONText.string))))
            case .clear?: fields.append((key, .null))
            case nil: break
            }
        }
        return Array(JSONText.object(fields).rendered(pretty: pretty).utf8)
    }
}
