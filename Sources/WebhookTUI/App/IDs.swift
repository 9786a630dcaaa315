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

/// What a request is to the screen that sent it: the answer comes back with this tag, and a
/// screen cancels its requests by tag. The app never looks inside.
public enum RequestTag: Hashable, Sendable {
    case list
    /// A page of the delivery log.
    case page(Int)
    /// A change to one webhook (enable, disable, delete, save).
    case change(uuid: String)
    /// `to`: the one webhook's name, or nil for every subscribed webhook.
    case replay(event: String, to: String?)
    /// A webhook's count of deliveries (failed ones only, or all) for the list's health column.
    case health(uuid: String, failedOnly: Bool)
    /// A count of a webhook's deliveries of one status since `window` seconds ago, for details.
    case counts(window: Int, status: DeliveryStatus)
    /// Following the log: deliveries newer than the newest shown.
    case follow
    /// Planning a recover (reading the log, or finding its journal).
    case recoverPlan
    /// A count of the deliveries of a recover's range in one status, for its outcome.
    case outcome(DeliveryStatus)
    /// The account's users and domains.
    case choices
    case create
    case receiverTest
    case secretFile
}
