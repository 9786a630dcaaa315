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
    /// Fields of the answer that were there but could not be read (a word where a list belongs,
    /// an unknown status): shown as a warning. Not part of the JSON.
    public var unreadable: [String] = []

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
        guard let object = try JSONValue(from: decoder).object else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a webhook is not a JSON object"))
        }
        self.init(json: object)
    }

    /// Reads what it can of an answer's webhook object, field by field: a field of an unexpected
    /// type does not cost the others (above all the one-time secret); its name goes to `unreadable`.
    public init(json object: [String: JSONValue]) {
        var unreadable: [String] = []
        func text(_ key: String) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            if let s = value.string { return s }
            unreadable.append(key)
            return nil
        }
        func list(_ key: String) -> [String]? {
            guard let value = object[key], !value.isNull else { return nil }
            if let items = value.strings { return items }
            unreadable.append(key)
            return nil
        }
        if let n = object["uuid"]?.integer { uuid = String(n) } else { uuid = text("uuid") ?? "" }
        name = text("name") ?? ""
        url = text("url") ?? ""
        secret = text("secret")
        events = (list("events") ?? []).map(EventName.init)
        status = nil
        if let value = object["status"], !value.isNull {
            status = WebhookStatus(json: value)
            if status == nil { unreadable.append("status") }
        }
        filterUsers = list("filter_users")
        filterDomains = list("filter_domains")
        createdAt = Self.lenientInt(object["created_at"])
        lastModified = Self.lenientInt(object["last_modified"])
        self.unreadable = unreadable
    }

    private static func lenientInt(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let d)?: d.isFinite && abs(d) < 1e15 ? Int(d) : nil
        case .string(let s)?: Int(s)
        default: nil
        }
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

    /// "The answer had fields that could not be read (status, filter_users)", or nil when all were read.
    public var unreadableNote: String? {
        unreadable.isEmpty ? nil : "The answer had fields that could not be read (\(unreadable.joined(separator: ", ")))"
    }

    /// The same webhook without its signing secret, for output that must not carry it.
    public var withoutSecret: Webhook { var copy = self; copy.secret = nil; return copy }
}
