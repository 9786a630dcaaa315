/// A webhook as the API returns it. Decoding is tolerant: unknown event names are kept,
/// status may be a word or a number, timestamps may be numbers or numeric strings.
public struct Webhook: Sendable, Equatable, Codable {
    public var uuid: String
    public var name: String
    public var url: String
    /// Present only in the answer to create; shown once.
    public var secret: String?
    public var events: [EventName]
    public var status: WebhookStatus?
    public var filterUsers: [String]?
    public var filterDomains: [String]?
    public var createdAt: Int?
    public var lastModified: Int?

    public init(uuid: String, name: String, url: String, secret: String? = nil, events: [EventName],
                status: WebhookStatus?, filterUsers: [String]? = nil, filterDomains: [String]? = nil,
                createdAt: Int? = nil, lastModified: Int? = nil) {
        self.uuid = uuid; self.name = name; self.url = url; self.secret = secret; self.events = events
        self.status = status; self.filterUsers = filterUsers; self.filterDomains = filterDomains
        self.createdAt = createdAt; self.lastModified = lastModified
    }

    enum CodingKeys: String, CodingKey {
        case uuid, name, url, secret, events, status
        case filterUsers = "filter_users"
        case filterDomains = "filter_domains"
        case createdAt = "created_at"
        case lastModified = "last_modified"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try c.decode(String.self, forKey: .uuid)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        url = try c.decodeIfPresent(String.self, forKey: .url) ?? ""
        secret = try c.decodeIfPresent(String.self, forKey: .secret)
        events = try c.decodeIfPresent([EventName].self, forKey: .events) ?? []
        status = try c.decodeIfPresent(WebhookStatus.self, forKey: .status)
        filterUsers = try c.decodeIfPresent([String].self, forKey: .filterUsers)
        filterDomains = try c.decodeIfPresent([String].self, forKey: .filterDomains)
        createdAt = Self.lenientInt(c, .createdAt)
        lastModified = Self.lenientInt(c, .lastModified)
    }

    private static func lenientInt(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> Int? {
        if let n = try? c.decodeIfPresent(Int.self, forKey: key) { return n }
        if let d = try? c.decodeIfPresent(Double.self, forKey: key) { return Int(d) }
        if let s = try? c.decodeIfPresent(String.self, forKey: key) { return Int(s) }
        return nil
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(uuid, forKey: .uuid)
        try c.encode(name, forKey: .name)
        try c.encode(url, forKey: .url)
        try c.encodeIfPresent(secret, forKey: .secret)
        try c.encode(events, forKey: .events)
        try c.encode(status?.word, forKey: .status)
        try c.encode(filterUsers, forKey: .filterUsers)
        try c.encode(filterDomains, forKey: .filterDomains)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(lastModified, forKey: .lastModified)
    }

    /// The same webhook without its signing secret, for output that must not carry it.
    public var withoutSecret: Webhook { var copy = self; copy.secret = nil; return copy }
}
