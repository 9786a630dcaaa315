/// JetEmail's two delivery signatures, both HMAC-SHA256 keyed by the secret:
/// - event webhooks: `X-Webhook-Signature: sha256=` and the hex MAC of the raw body; the
///   timestamp header is not signed;
/// - inbound-domain webhooks (received mail posted to an endpoint): the hex MAC of
///   `{webhook_id}.{timestamp}.{body}`, with no prefix (`X-Webhook-ID`, `X-Webhook-Timestamp`).
/// Receivers refuse a timestamp older than 300 s.
public enum WebhookSignature {
    public enum Scheme: String, Sendable, Equatable, CaseIterable {
        case event, inbound
    }

    /// The inbound scheme's signature of a body: the webhook id and the timestamp as sent.
    public static func inboundHeader(body: [UInt8], secret: String, webhookID: String, timestamp: String) -> String {
        HMACSHA256.hex(HMACSHA256.mac(key: Array(secret.utf8), message: Array("\(webhookID).\(timestamp).".utf8) + body))
    }

    public static let staleAfterSeconds = 300

    public static func header(body: [UInt8], secret: String) -> String {
        "sha256=" + HMACSHA256.hex(HMACSHA256.mac(key: Array(secret.utf8), message: body))
    }

    public enum Verdict: Sendable, Equatable {
        case valid
        /// The signature is right but the timestamp is older than 300 s (seconds old).
        case stale(age: Int)
        /// The timestamp is in the future by more than 300 s.
        case fromTheFuture(ahead: Int)
        case mismatch
        /// Not `sha256=` and 64 hex digits.
        case malformed(String)

        public var isValid: Bool { self == .valid }

        /// `301 s`, or "more than a year" for a timestamp no clock could have written.
        static func span(_ seconds: Int) -> String { seconds > 31_536_000 ? "more than a year" : "\(seconds) s" }

        public var description: String {
            switch self {
            case .valid: "valid: the body was signed with this secret"
            case .stale(let age): "signature valid, but the timestamp is \(Self.span(age)) old (receivers refuse more than \(WebhookSignature.staleAfterSeconds) s): stale"
            case .fromTheFuture(let ahead): "signature valid, but the timestamp is \(Self.span(ahead)) in the future: refused"
            case .mismatch: "invalid: this body was not signed with this secret (or it was changed on the way)"
            case .malformed(let why): "invalid: \(why)"
            }
        }
    }

    /// Checks a signature header against a body, in time independent of where they differ.
    /// `timestamp` (unix seconds, the `X-Webhook-Timestamp` header) is checked when given.
    public static func verify(body: [UInt8], secret: String, signature: String, timestamp: Int? = nil, now: Int) -> Verdict {
        let given = signature.trimmingWhitespace()
        let hexPart: Substring
        if given.lowercased().hasPrefix("sha256=") { hexPart = given.dropFirst(7) } else { hexPart = Substring(given) }
        let expected = HMACSHA256.hex(HMACSHA256.mac(key: Array(secret.utf8), message: body))
        return check(String(hexPart), against: expected, shape: "a signature is sha256= and 64 hex digits", timestamp: timestamp, now: now)
    }

    /// The inbound scheme: `timestamp` is the header as received (it is signed as text); its
    /// age is checked when it is unix seconds, and a timestamp that is not is refused.
    public static func verifyInbound(body: [UInt8], secret: String, signature: String, webhookID: String, timestamp: String, now: Int) -> Verdict {
        let given = signature.trimmingWhitespace()
        if given.lowercased().hasPrefix("sha256=") {
            return .malformed("an inbound-domain signature is 64 hex digits with no sha256= prefix (a prefixed one is an event webhook's: --scheme event)")
        }
        guard let seconds = Int(timestamp.trimmingWhitespace()) else { return .malformed("the timestamp is not unix seconds") }
        let expected = inboundHeader(body: body, secret: secret, webhookID: webhookID, timestamp: timestamp)
        return check(given, against: expected, shape: "an inbound-domain signature is 64 hex digits", timestamp: seconds, now: now)
    }

    /// Compares in time independent of where they differ, then the timestamp's age.
    private static func check(_ given: String, against expectedHex: String, shape: String, timestamp: Int?, now: Int) -> Verdict {
        let lowered = given.lowercased()
        guard lowered.utf8.count == 64, lowered.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return .malformed(shape)
        }
        let expected = Array(expectedHex.utf8)
        var difference: UInt8 = 0
        for (a, b) in zip(expected, Array(lowered.utf8)) { difference |= a ^ b }
        guard difference == 0 else { return .mismatch }
        if let timestamp {
            // The timestamp is an untrusted header: a difference too large for an Int is stale
            // (or in the future) beyond any doubt, never a trap.
            let (age, overflow) = now.subtractingReportingOverflow(timestamp)
            if overflow { return timestamp < now ? .stale(age: .max) : .fromTheFuture(ahead: .max) }
            if age > staleAfterSeconds { return .stale(age: age) }
            if age < -staleAfterSeconds { return .fromTheFuture(ahead: age == .min ? .max : -age) }
        }
        return .valid
    }
}
