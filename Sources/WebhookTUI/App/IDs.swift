import JetEmailClient
/// A screen or a modal on the stacks: requests, answers and messages are addressed by it.
public struct ScreenID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: ScreenID, b: ScreenID) -> Bool { a.raw < b.raw }
    public var description: String { "screen \(raw)" }
}

/// One request in flight: its answer comes back with it.
public struct RequestID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: RequestID, b: RequestID) -> Bool { a.raw < b.raw }
    public var description: String { "request \(raw)" }
}

/// A kind declared where it belongs (a screen's folder, a job's) and carried by the core as an
/// open value (`RequestTag`, `ScreenMessage`, `JobOrder`, `JobReport`), which only compares it
/// and hands it back to whoever reads its own kinds with `as`.
public protocol OpenKind: Sendable, Equatable {}

extension OpenKind {
    func isSame(as other: any OpenKind) -> Bool { (other as? Self) == self }
}

/// A screen's own names for its requests: each screen (or shared question) declares an enum of
/// them in its own folder. Nothing central grows when a screen adds a request.
public protocol RequestTagKind: OpenKind, Hashable {}

/// What a request is to the screen that sent it: the answer comes back with this tag, and a
/// screen cancels its requests by tag. The core only compares tags (to cancel and to route);
/// the screen reads its own kind back with `as`.
public struct RequestTag: Hashable, Sendable, CustomStringConvertible {
    private let value: any RequestTagKind

    public init(_ value: some RequestTagKind) { self.value = value }

    /// The tag as the screen's own kind, if it is one.
    public func `as`<Kind: RequestTagKind>(_: Kind.Type) -> Kind? { value as? Kind }

    public static func == (a: RequestTag, b: RequestTag) -> Bool { a.value.isSame(as: b.value) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(type(of: value)))
        value.hash(into: &hasher)
    }

    public var description: String { "\(value)" }
}
