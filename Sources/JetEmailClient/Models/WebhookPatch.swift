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
    /// The whole new set, of names the create list knows only.
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

    /// The changed fields of an edit, each checked by the create rules: nil with the report when
    /// a changed field is invalid. Only what is sent is checked and sent: an unchanged field (a
    /// name the create rules would now refuse, a status the API gave as unreadable) is neither,
    /// so an edit never overwrites what it did not touch. Changing the events drops the names the
    /// create list lacks (`outbound.queued`), which the API refuses in an update; the report says so.
    public static func between(_ original: Webhook, and edited: WebhookDraft) -> (patch: WebhookPatch?, report: ValidationReport) {
        let changed = WebhookDraft(original).fieldsChanged(to: edited)
        var problems = WebhookValidator.validate(edited).report.problems.filter { changed.contains($0.field) }
        let dropped = original.events.filter { $0.known == nil }.map(\.rawValue)
        if changed.contains(.events), !dropped.isEmpty {
            problems.append(ValidationProblem(.events, .warning, "\(dropped.joined(separator: ", ")) will be dropped: the API refuses "
                                              + "\(dropped.count == 1 ? "it" : "them") in an update (delivery logs show \(dropped.count == 1 ? "it" : "them"), but no webhook can subscribe)."))
        }
        let report = ValidationReport(problems)
        guard !report.hasErrors else { return (nil, report) }
        var patch = WebhookPatch(uuid: original.uuid)
        if changed.contains(.name) { patch.name = edited.name }
        if changed.contains(.url) { patch.url = edited.url }
        if changed.contains(.events) { patch.events = EventsRule.check(edited.events).events.map(EventName.init) }
        if changed.contains(.status) { patch.status = WebhookStatus(rawValue: edited.status) }
        if changed.contains(.filterUsers) { patch.filterUsers = change(from: original.filterUsers, to: FilterUsersRule.check(edited.filterUsers).users) }
        if changed.contains(.filterDomains) {
            patch.filterDomains = change(from: original.filterDomains, to: FilterDomainsRule.check(edited.filterDomains).domains)
        }
        return (patch, report)
    }

    private static func change(from old: [String]?, to new: [String]?) -> FilterChange? {
        let before = old ?? [], after = new ?? []
        if before == after { return nil }
        return after.isEmpty ? .clear : .set(after)
    }

    /// The webhook as it is once this patch is applied: what a row shows when the change was
    /// saved but the webhook could not be read back.
    public func applied(to webhook: Webhook) -> Webhook {
        var copy = webhook.withoutSecret
        if let name { copy.name = name }
        if let url { copy.url = url }
        if let events { copy.events = events }
        if let status { copy.status = status; copy.unreadable.removeAll { $0 == "status" } }
        switch filterUsers { case .set(let v)?: copy.filterUsers = v; case .clear?: copy.filterUsers = nil; case nil: break }
        switch filterDomains { case .set(let v)?: copy.filterDomains = v; case .clear?: copy.filterDomains = nil; case nil: break }
        return copy
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
