import Glibc
import JetEmailClient
import JetEmailHTTP
import PosixSupport

/// `send-example --url URL --secret-file FILE [--event TYPE]`: tests a receiver before real
/// events reach it. Exit 0 when it acknowledged (2xx), 1 when JetEmail would retry or discard.
struct SendExampleCommand: Command {
    static let name = "send-example"
    static let abstract = "Post a signed sample event to a receiver, as JetEmail would, and say what JetEmail would do with the answer."
    static let discussion = """
        A realistic event of the chosen type in JetEmail's envelope, with X-Webhook-ID,
        X-Webhook-Timestamp and X-Webhook-Signature (sha256= and the HMAC-SHA256 of
        the body keyed by the secret). The receiver has 10 s to answer, as with
        JetEmail. With --scheme inbound --webhook-id ID: a received email as an
        inbound domain posts it, signed over {webhook_id}.{timestamp}.{body} with no
        prefix. Plain http is allowed: only the signature travels, never the
        secret. Exit 0 when the receiver answered 2xx, 1 otherwise.
        """
    static let options: [OptionSpec] = [
        .value("url", "url", "The receiver's URL (http or https)."),
        .value("secret-file", "path", "File holding the webhook's signing secret."),
        .value("event", "type", "The event type to send (default outbound.delivered).").choosing { DeliveryQuery.eventTypes },
        .value("scheme", "scheme", "event (default: an event webhook's example) or inbound (an inbound domain's received email).")
            .choosing { WebhookSignature.Scheme.allCases.map(\.rawValue) },
        .value("webhook-id", "id", "With --scheme inbound: the inbound webhook's id (X-Webhook-ID, signed)."),
        .value("ca-file", "path", "PEM file of extra CA certificates to trust, besides the system store."),
        .flag("json", "Print the result as JSON even on a terminal."),
    ]

    let url: String
    let secretFile: String
    let eventType: String
    let caFile: String?
    let json: Bool
    /// `--scheme inbound`: the webhook id it signs.
    let inboundWebhookID: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let url = arguments.string("url") else { throw UsageError("Where to? Give --url URL.") }
        if let problem = ReceiverTest.urlProblem(url) { throw UsageError("--url: \(problem).") }
        guard let secretFile = arguments.string("secret-file") else { throw UsageError("Give --secret-file FILE: the secret signs the example.") }
        let event = arguments.string("event") ?? EventType.outboundDelivered.rawValue
        guard DeliveryQuery.eventTypes.contains(event) else {
            throw UsageError("--event must be one of: \(DeliveryQuery.eventTypes.joined(separator: ", ")).")
        }
        self.url = url
        self.secretFile = secretFile
        eventType = event
        caFile = arguments.string("ca-file")
        json = arguments.flag("json")
        switch arguments.string("scheme").map({ WebhookSignature.Scheme(rawValue: $0) }) {
        case nil, .some(.event):
            if arguments.string("webhook-id") != nil { throw UsageError("--webhook-id goes with --scheme inbound.") }
            inboundWebhookID = nil
        case .some(.inbound):
            guard let id = arguments.string("webhook-id"), !id.isEmpty else {
                throw UsageError("The inbound scheme signs the webhook id: give --webhook-id ID.")
            }
            if arguments.string("event") != nil { throw UsageError("--event goes with event webhooks; the inbound scheme sends a received email.") }
            inboundWebhookID = id
        case .some(nil):
            throw UsageError("--scheme must be event or inbound.")
        }
    }

    @MainActor func begin() throws -> CommandWork {
        let secret = try SecretFileReading.secret(atPath: secretFile)
        return { try await run(secret: secret) }
    }

    /// A transport with JetEmail's 10 s deadline and the proxy the environment names for this URL.
    static func transport(for url: String, caFile: String?) throws(ConfigurationError) -> AsyncHTTPTransport {
        let target = ReceiverTest.target(url)
        let proxy = try target.flatMap { t throws(ConfigurationError) in
            try ProxySettings.forTarget(scheme: t.scheme, host: t.host, isLoopback: t.isLoopback, environment: ProcessEnvironment.current)
        }
        return try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: ReceiverTest.deadlineSeconds, caFile: caFile, proxy: proxy))
    }

    @MainActor func run(secret: String) async throws {
        let transport: AsyncHTTPTransport
        do { transport = try Self.transport(for: url, caFile: caFile) } catch {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
        let report: ReceiverTest.Report
        if let inboundWebhookID {
            report = await ReceiverTest.sendInbound(webhookID: inboundWebhookID, url: url, secret: secret, transport: transport)
        } else {
            report = await ReceiverTest.send(SampleEvent.example(type: eventType, now: SystemClock.unixNow), url: url, secret: secret, transport: transport)
        }
        if APIAccess.wantsJSON(json) {
            try APIAccess.print(WebhookOutput.json(ReportJSON(report)))
        } else {
            try APIAccess.print("Sent \(report.eventType) \(TerminalSafe.escaped(report.eventID)) to \(TerminalSafe.escaped(url))\n\(report.summary)")
        }
        if report.verdict != .delivered { throw ExitCode(1) }
    }

    struct ReportJSON: Encodable {
        var event_id: String, event_type: String, status: Int?, milliseconds: Int, verdict: String, detail: String
        init(_ r: ReceiverTest.Report) {
            event_id = r.eventID; event_type = r.eventType; status = r.status; milliseconds = r.milliseconds
            verdict = r.verdict.rawValue; detail = r.detail
        }
    }
}
