/// Enabled or disabled. Sent as the integer 1 or 0; read back as `"enabled"`/`"disabled"`,
/// 1/0, or a boolean, since the API is not consistent across endpoints.
public enum WebhookStatus: Int, Sendable, CaseIterable, Codable, Hashable {
    case disabled = 0
    case enabled = 1

    public var word: String { self == .enabled ? "enabled" : "disabled" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self), let s = WebhookStatus(rawValue: n) { self = s; return }
        if let b = try? c.decode(Bool.self) { self = b ? .enabled : .disabled; return }
        if let text = try? c.decode(String.self) {
            switch text.lowercased() {
            case "enabled", "active", "1", "true": self = .enabled; return
            case "disabled", "inactive", "0", "false": self = .disabled; return
            default: break
            }
        }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "status is neither enabled/disabled nor 0/1")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
