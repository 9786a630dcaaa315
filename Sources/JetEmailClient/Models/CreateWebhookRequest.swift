/// The body of `POST /webhooks`, already validated. Build one with `WebhookValidator`.
/// Empty filters are `nil` and are left out of the JSON (never sent as `[]`).
public struct CreateWebhookRequest: Sendable, Equatable, Codable {
    public var name: String
    public var url: String
    public var events: [EventType]
    public var status: WebhookStatus
    public var filterUsers: [String]?
    public var filterDomains: [String]?

    public init(name: String, url: String, events: [EventType], status: WebhookStatus = .enabled,
                filterUsers: [String]? = nil, filterDomains: [String]? = nil) {
        self.name = name
        self.url = url
        self.events = events
        self.status = status
        self.filterUsers = filterUsers?.isEmpty == true ? nil : filterUsers
        self.filterDomains = filterDomains?.isEmpty == true ? nil : filterDomains
    }

    enum CodingKeys: String, CodingKey {
        case name, url, events, status
        case filterUsers = "filter_users"
        case filterDomains = "filter_domains"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(url, forKey: .url)
        try c.encode(events, forKey: .events)
        try c.encode(status, forKey: .status)
        if let filterUsers, !filterUsers.isEmpty { try c.encode(filterUsers, forKey: .filterUsers) }
        if let filterDomains, !filterDomains.isEmpty { try c.encode(filterDomains, forKey: .filterDomains) }
    }
}
