/// A received email as an inbound domain posts it to its HTTP endpoint, for `send-example
/// --scheme inbound`. Its fields are illustrative (JetEmail's description of this payload was not
/// at hand); what matters to a receiver's check is that the raw body is signed as JetEmail
/// signs it: `{webhook_id}.{timestamp}.{body}`.
public struct InboundEmailSample: Sendable {
    public var n: Int
    public var receivedAt: Int

    public init(n: Int, receivedAt: Int) { self.n = n; self.receivedAt = receivedAt }

    public var messageID: String { "<\(SampleEvent.sourceUID(n)).\(receivedAt)@mail.example.org>" }

    var json: JSONText {
        let domain = SampleEvent.domains[n % SampleEvent.domains.count]
        let from = SampleEvent.recipients[n % SampleEvent.recipients.count]
        return .object([
            ("message_id", .string(messageID)), ("domain", .string(domain)),
            ("from", .string(from)), ("to", .array([.string("support@\(domain)")])),
            ("subject", .string("Question about order #\(10_000 + n % 90_000)")),
            ("text", .string("Hello,\n\nwhere is my order?\n\nAda")),
            ("html", .string("<p>Hello,</p><p>where is my order?</p><p>Ada</p>")),
            ("headers", .object([("Message-ID", .string(messageID)), ("From", .string(from))])),
            ("attachments", .array([])), ("received_at", .number(receivedAt)),
        ])
    }

    /// The raw body the endpoint gets (what the signature covers).
    public var body: [UInt8] { Array(json.rendered(pretty: false).utf8) }
}
