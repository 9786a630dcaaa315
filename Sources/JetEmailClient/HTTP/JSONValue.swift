/// Any JSON value, decoded strictly (true is not 1). The client reads the shape of an answer with
/// it before decoding the parts it needs; the sandbox checks request types with it as the API does.
public enum JSONValue: Codable, Equatable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])
    /// Valid JSON that could not be held (nested too deep, a number out of range), and why. Only
    /// lenient parsing makes it; it is written out as `null`.
    case unreadable(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        // Whole numbers go out as integers, so they decode again as Int.
        case .number(let n): if let whole = integer { try c.encode(whole) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        case .unreadable: try c.encodeNil()
        }
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var object: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var integer: Int? { if case .number(let n) = self, n == n.rounded(), abs(n) < 1e15 { Int(n) } else { nil } }
    public var isNull: Bool { self == .null }

    /// Why some part of this value could not be read, or nil; looks no further than `limit`
    /// bytes of text, so that the answer is cheap for any size.
    public func problem(limit: Int) -> String? {
        var budget = limit
        var pending: [JSONValue] = [self]
        while let value = pending.popLast() {
            switch value {
            case .unreadable(let why): return why
            case .string(let text): budget -= text.utf8.count + 3
            case .array(let items): budget -= items.count + 2; pending += items
            case .object(let fields):
                budget -= 2
                for (key, item) in fields { budget -= key.utf8.count + 4; pending.append(item) }
            case .null, .bool, .number: budget -= 5
            }
            if budget < 0 { return "larger than \(limit >> 10) KiB" }
        }
        return nil
    }

    /// An array of strings, or nil when this is anything else.
    public var strings: [String]? {
        guard case .array(let items) = self else { return nil }
        let texts = items.compactMap(\.string)
        return texts.count == items.count ? texts : nil
    }
}
