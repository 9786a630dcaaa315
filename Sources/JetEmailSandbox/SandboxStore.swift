import JetEmailClient

/// What the sandbox received, for tests and for the person watching it.
public struct ReceivedRequest: Sendable, Equatable {
    public var method: String
    public var path: String
    /// Header names lowercased; Authorization is kept so tests can check it was sent.
    public var headers: [String: String]
    public var body: [UInt8]

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// The webhooks the sandbox holds, in creation order, and their delivery log, newest first.
struct SandboxStore: Sendable {
    var webhooks: [Webhook] = []
    var received: [ReceivedRequest] = []
    var deliveries: [SandboxDelivery] = []
    var replays: [ReceivedReplay] = []
    /// The last query's filters and matches (cleared when the log changes).
    var matchCache: (filters: SandboxLogAPI.Filters, indices: [Int])?

    func index(of uuid: String) -> Int? { webhooks.firstIndex { $0.uuid == uuid } }
}
