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

/// The webhooks the sandbox holds, in creation order.
struct SandboxStore: Sendable {
    var webhooks: [Webhook] = []
    var received: [ReceivedRequest] = []

    func index(of uuid: String) -> Int? { webhooks.firstIndex { $0.uuid == uuid } }
}
