/// Realistic events as JetEmail delivers them (`{id, service, type, created_at, data}`), one
/// kind of `data` per event type. The sandbox's delivery log and `send-example` both use them;
/// `n` varies the details, and the same `n` gives the same event.
public struct SampleEvent: Sendable {
    public let id: String
    public let type: String
    public let createdAt: Int
    let n: Int

    public init(type: String, n: Int, createdAt: Int, id: String? = nil) {
        self.type = type
        self.n = n
        self.createdAt = createdAt
        self.id = id ?? Self.eventID(n)
    }

    /// An example sent by send-example or `x`: dated now, with an id that says it is one and is
    /// new every time (a receiver that de-duplicates by X-Webhook-ID must not drop the second).
    public static func example(type: String, now: Int) -> SampleEvent {
        let unique = String(UInt64.random(in: 0...UInt64.max) & 0xFF_FFFF_FFFF, radix: 36)
        return SampleEvent(type: type, n: now % 100_000, createdAt: now, id: "evt_example_" + String(now, radix: 36) + "_" + unique)
    }

    public static func eventID(_ n: Int) -> String { "evt_" + HMACSHA256.hex(SHA256.hash(Array("event \(n)".utf8))).prefix(24) }
    /// The message an event is about (several events share one: delivered, then opened).
    public static func sourceUID(_ n: Int) -> String { "msg_" + HMACSHA256.hex(SHA256.hash(Array("message \(n / 3)".utf8))).prefix(20) }

    public var service: String { type.hasPrefix("inbound.") ? "inbound" : "outbound" }

    /// What happened to the source message: the type without its direction.
    public var sourceAction: String { String(type.split(separator: ".").last ?? "") }

    static let senders = ["orders@shop.example.com", "no-reply@example.com", "billing@test.com", "alerts@example.com"]
    static let recipients = ["ada@example.org", "grace@example.net", "linus@example.co.uk", "margaret@example.de", "ken@example.jp"]
    static let subjects = ["Your order #%d has shipped", "Invoice %d is ready", "Password reset", "Welcome aboard", "Weekly report %d"]
    static let users = ["transactional-main", "smarthost-eu"]
    static let domains = ["example.com", "test.com"]

    /// The envelope in JetEmail's field order.
    var envelope: JSONText {
        .object([("id", .string(id)), ("service", .string(service)), ("type", .string(type)),
                 ("created_at", .number(createdAt)), ("data", data)])
    }

    /// The raw body a receiver gets (what the signature covers).
    public var body: [UInt8] { Array(envelope.rendered(pretty: false).utf8) }

    /// The envelope as a value (for the sandbox's log).
    public var payload: JSONValue { envelope.value }

    var data: JSONText {
        let subject = Self.subjects[n % Self.subjects.count].replacing("%d", with: String(10_000 + n % 90_000))
        let messageID = "<\(Self.sourceUID(n)).\(createdAt)@mail.jetemail.com>"
        if service == "inbound" {
            let domain = Self.domains[n % Self.domains.count]
            var fields: [(String, JSONText)] = [
                ("message_id", .string(messageID)), ("source_uid", .string(Self.sourceUID(n))),
                ("from", .string(Self.recipients[n % Self.recipients.count])), ("to", .string("support@\(domain)")),
                ("domain", .string(domain)), ("subject", .string("Re: " + subject)), ("size", .number(2_048 + n % 60_000)),
                ("spam_score", .string(String(format2(Double(n % 90) / 10)))),
            ]
            if type == "inbound.blocked" { fields.append(("reason", .string("sender is on the domain's block list"))) }
            if type == "inbound.delivered" { fields.append(("route", .string("https://hooks.example.com/inbound"))) }
            return .object(fields)
        }
        var fields: [(String, JSONText)] = [
            ("message_id", .string(messageID)), ("source_uid", .string(Self.sourceUID(n))),
            ("username", .string(Self.users[n % Self.users.count])), ("from", .string(Self.senders[n % Self.senders.count])),
            ("to", .string(Self.recipients[n % Self.recipients.count])), ("subject", .string(subject)),
        ]
        switch sourceAction {
        case "delivered": fields.append(("smtp_response", .string("250 2.0.0 OK queued as \(10_000 + n % 90_000)")))
        case "bounced": fields += [("bounce_type", .string("hard")), ("smtp_response", .string("550 5.1.1 The email account does not exist"))]
        case "deferred": fields += [("smtp_response", .string("451 4.7.1 Try again later")), ("next_attempt_in", .number(600))]
        case "rejected", "dropped": fields.append(("reason", .string(n % 2 == 0 ? "recipient is suppressed" : "invalid recipient address")))
        case "opened": fields += [("user_agent", .string("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)")), ("ip", .string("203.0.113.\(n % 250 + 1)"))]
        case "clicked": fields += [("link", .string("https://shop.example.com/orders/\(n % 90_000)")), ("ip", .string("198.51.100.\(n % 250 + 1)"))]
        case "complaint": fields.append(("feedback_type", .string("abuse")))
        case "spam", "virus": fields.append(("reason", .string(sourceAction == "virus" ? "Eicar-Test-Signature" : "content scored 9.1")))
        default: break
        }
        return .object(fields)
    }

    private func format2(_ x: Double) -> String {
        let whole = Int(x), tenth = Int((x - Double(whole)) * 10 + 0.5) % 10
        return "\(whole).\(tenth)"
    }
}
