/// Enabled or disabled. Sent as the integer 1 or 0; read back as `"enabled"`/`"disabled"`,
/// 1/0, or a boolean, since the API is not consistent across endpoints.
public enum WebhookStatus: Int, Sendable, CaseIterable, Codable, Hashable {
    case disabled = 0
    case enabled = 1

    public var word: String { self == .enabled ? "enabled" : "disabled" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let status = WebhookStatus(json: try c.decode(JSONValue.self)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "status is neither enabled/disabled nor 0/1")
        }
        self = status
    }

    /// The status in any of the API's spellings, or nil.
    public init?(json value: JSONValue) {
        switch value {
        case .number: if let n = value.integer, let s = WebhookStatus(rawValue: n) { self = s } else { return nil }
        case .bool(let b): self = b ? .enabled : .disabled
        case .string(let text):
            switch text.lowercased() {
            case "enabled", "active", "1", "true": self = .enabled
            case "disabled", "inactive", "0", "false": self = .disabled
            default: return nil
            }
        default: return nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
