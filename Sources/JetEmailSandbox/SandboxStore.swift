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
    var window = SandboxRateWindow()
    /// The last query's filters and matches (cleared when the log changes).
    var matchCache: (filters: SandboxLogAPI.Filters, indices: [Int])?
    /// Deliveries made by `deliverNow` so far (their numbers follow the seeded ones).
    var liveCount = 0
    /// `loseAnswerTo` was carried out once already.
    var lostAnAnswer = false
    /// Replayed deliveries waiting to be delivered (indices), and how many have been.
    var settling: [Int] = []
    var settled = 0

    func index(of uuid: String) -> Int? { webhooks.firstIndex { $0.uuid == uuid } }
}

/// JetEmail's limit as the sandbox plays it (`--rate-window N`): requests are counted as they
/// arrive in a sliding 60-second window; one more than N starts a lockout during which every
/// request is answered 429 with the seconds left in Retry-After.
struct SandboxRateWindow: Sendable {
    var arrivals: [Double] = []
    var lockedUntil: Double = 0
    var refused = 0
    var lockouts = 0

    /// Seconds of lockout left when this request is refused, else nil (it is counted).
    mutating func admit(limit: Int, lockoutSeconds: Int, window: Double = 60, now: Double) -> Int? {
        if now < lockedUntil {
            refused += 1
            return Int((lockedUntil - now).rounded(.up))
        }
        arrivals.append(now)
        if let firstKept = arrivals.firstIndex(where: { now - $0 < window }), firstKept > 0 { arrivals.removeFirst(firstKept) }
        guard arrivals.count > limit else { return nil }
        lockouts += 1
        refused += 1
        lockedUntil = now + Double(lockoutSeconds)
        arrivals = []
        return lockoutSeconds
    }
}
