/// Faults the sandbox injects into every answer, for trying failure paths by hand and in tests.
public struct SandboxFaults: Sendable, Equatable {
    /// Delay before each answer.
    public var latencyMilliseconds: Int = 0
    /// Answer every request with this status and a JSON error body.
    public var forcedStatus: Int?
    /// Read the request, then close the connection without answering.
    public var dropConnection = false
    /// Answer 200 with an unusable body.
    public var malformed: MalformedAnswer?
    /// Answer 429 with this Retry-After (seconds).
    public var rateLimitRetryAfter: Int?
    /// JetEmail's lockout: more than this many requests in any 60 seconds and every request is
    /// answered 429 for `lockoutSeconds` (`--rate-window N`).
    public var rateWindow: Int?
    public var lockoutSeconds: Int = 300
    /// The window's length: JetEmail's is a minute; tests shrink it.
    public var rateWindowSeconds: Double = 60
    /// Answer at most this many events a page whatever `limit` says, as some servers do.
    public var pageCap: Int?
    /// Carries out the first request of this kind ("POST /webhooks"), then hangs up without
    /// answering: an answer lost after the server acted (a create whose secret never arrives).
    public var loseAnswerTo: String?
    /// A PATCH that renames a webhook is refused (400), as a name the API will not take is.
    public var refuseRenames = false

    public init(latencyMilliseconds: Int = 0, forcedStatus: Int? = nil, dropConnection: Bool = false,
                malformed: MalformedAnswer? = nil, rateLimitRetryAfter: Int? = nil, rateWindow: Int? = nil, lockoutSeconds: Int = 300,
                rateWindowSeconds: Double = 60, pageCap: Int? = nil, loseAnswerTo: String? = nil, refuseRenames: Bool = false) {
        self.loseAnswerTo = loseAnswerTo; self.refuseRenames = refuseRenames
        self.latencyMilliseconds = latencyMilliseconds; self.forcedStatus = forcedStatus
        self.dropConnection = dropConnection; self.malformed = malformed
        self.rateLimitRetryAfter = rateLimitRetryAfter
        self.rateWindow = rateWindow; self.lockoutSeconds = lockoutSeconds
        self.rateWindowSeconds = rateWindowSeconds; self.pageCap = pageCap
    }
}

/// The ways a 200 answer can be unusable.
public enum MalformedAnswer: String, Sendable, CaseIterable {
    /// An HTML page instead of JSON, as a misconfigured proxy sends.
    case notJSON = "not-json"
    /// `{"success": false}` with status 200.
    case successFalse = "success-false"
    /// A created webhook without its secret.
    case noSecret = "no-secret"
}

public struct SandboxConfiguration: Sendable, Equatable {
    public var apiKey: String
    /// Usernames a filter may name; others get 403.
    public var ownedUsers: [String]
    /// Inbound domains a filter may name; others get 403.
    public var ownedDomains: [String]
    public var faults: SandboxFaults
    /// Webhooks the sandbox starts with (`--seed N`).
    public var seed: Int
    /// Deliveries in its log, spread over those webhooks (`--seed-deliveries N`).
    public var seedDeliveries: Int
    /// Failed deliveries of an outage of one seeded webhook's receiver (Billing, the second),
    /// between three hours and one hour ago (`--outage N`): what `recover` is for.
    public var outage: Int
    /// How many webhooks the outage took down (`--outage-webhooks K`): the second seeded and
    /// those after it, N failed deliveries each.
    public var outageWebhooks: Int
    /// Seconds after which a replayed delivery, pending until then, is delivered: success, but
    /// every twentieth fails again (`--replays-settle N`). Nil: replays stay pending, as tests expect.
    public var replaysSettleAfter: Int?

    public static let defaultOwnedUsers = ["transactional-main", "smarthost-eu"]
    public static let defaultOwnedDomains = ["example.com", "test.com"]

    public init(apiKey: String = SandboxConfiguration.randomKey(), ownedUsers: [String] = defaultOwnedUsers,
                ownedDomains: [String] = defaultOwnedDomains, faults: SandboxFaults = SandboxFaults(), seed: Int = 0, seedDeliveries: Int = 0,
                outage: Int = 0, outageWebhooks: Int = 1, replaysSettleAfter: Int? = nil) {
        self.apiKey = apiKey; self.ownedUsers = ownedUsers; self.ownedDomains = ownedDomains; self.faults = faults
        self.seed = seed
        self.seedDeliveries = seedDeliveries
        self.outage = outage
        self.outageWebhooks = outageWebhooks
        self.replaysSettleAfter = replaysSettleAfter
    }

    public static func randomKey() -> String { "api_sandbox_" + RandomToken.hex(bytes: 12) }
}

enum RandomToken {
    static func hex(bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let b = UInt8.random(in: 0...255, using: &rng)
            return (b < 16 ? "0" : "") + String(b, radix: 16)
        }.joined()
    }

    static func uuid() -> String {
        var rng = SystemRandomNumberGenerator()
        var b = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let h = b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
        return [h[0..<4], h[4..<6], h[6..<8], h[8..<10], h[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
