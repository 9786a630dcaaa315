/// `send-example`: posts a sample event to a receiver exactly as JetEmail would (envelope,
/// `X-Webhook-ID`, `X-Webhook-Timestamp`, `X-Webhook-Signature`, 10 s to answer) and says what
/// JetEmail would make of the answer. Only the signature travels, never the secret, so plain
/// http is allowed, as JetEmail allows it for webhook URLs.
public enum ReceiverTest {
    /// JetEmail waits this long for a receiver's answer.
    public static let deadlineSeconds = 10

    public enum Verdict: String, Sendable, Equatable {
        case delivered, retried, discarded
        /// A 3xx: JetEmail's documentation does not say.
        case unclear
    }

    public struct Report: Sendable, Equatable {
        public var eventID: String
        public var eventType: String
        public var status: Int?
        public var milliseconds: Int
        public var verdict: Verdict
        /// Why, in words: the status line or the network failure, and the start of the body.
        public var detail: String
        /// The example reached the receiver (a connection was made), whether or not it answered.
        public var connected: Bool

        public init(eventID: String, eventType: String, status: Int?, milliseconds: Int, verdict: Verdict, detail: String,
                    connected: Bool = true) {
            self.eventID = eventID; self.eventType = eventType; self.status = status; self.milliseconds = milliseconds
            self.verdict = verdict; self.detail = detail; self.connected = connected
        }

        /// One line: `500 in 12 ms: JetEmail would retry it (…)`.
        public var summary: String {
            let what = status.map { "HTTP \($0)" } ?? (connected ? "no answer" : "no connection")
            let meaning: String = switch verdict {
            case .delivered: "JetEmail would count it delivered"
            case .retried: "JetEmail would retry it (after 30 s, 2 min, 10 min, 1 h, 4 h)"
            case .discarded: "JetEmail would discard it (a 4xx other than 429 is not retried)"
            case .unclear: "not acknowledged (JetEmail's documentation does not say what it does with a redirect)"
            }
            return "\(what) in \(milliseconds) ms: \(meaning)" + (detail.isEmpty ? "" : " [\(detail)]")
        }
    }

    /// The URL's problem, or nil: http or https with a host, no spaces or control characters.
    public static func urlProblem(_ url: String) -> String? {
        guard url.utf8.count <= 2048 else { return "the URL is longer than 2048 bytes" }
        if url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) { return "the URL contains spaces or control characters" }
        let parsed: ParsedURL
        do { parsed = try ParsedURL.parse(url) } catch { return error.message }
        guard parsed.scheme == "http" || parsed.scheme == "https" else { return "the URL must start with http:// or https://" }
        return nil
    }

    public struct Target: Sendable {
        public var scheme: String
        public var host: String
        public var isLoopback: Bool
    }

    /// Scheme and host, for choosing a proxy.
    public static func target(_ url: String) -> Target? {
        guard let parsed = try? ParsedURL.parse(url) else { return nil }
        let host = parsed.host.lowercased()
        return Target(scheme: parsed.scheme, host: host, isLoopback: BaseURL.isLoopback(host: host))
    }

    /// The most of a receiver's answer that is read: its status decides, and the start of its
    /// body is shown; a longer answer is cut here, not refused.
    public static let answerLimit = 64 << 10

    /// The request JetEmail would send; the secret signs the body and goes nowhere else.
    public static func request(_ event: SampleEvent, url: String, secret: String, timestamp: Int) -> APIRequest {
        let body = event.body
        return APIRequest(method: "POST", url: url, headers: [
            ("Content-Type", "application/json"),
            ("User-Agent", JetEmailWebhooksVersion.userAgent + " (send-example)"),
            ("X-Webhook-ID", event.id),
            ("X-Webhook-Timestamp", String(timestamp)),
            ("X-Webhook-Signature", WebhookSignature.header(body: body, secret: secret)),
        ], body: body, answerLimit: answerLimit, keepsPartialAnswer: true)
    }

    /// An inbound domain's request: a received email, signed over `{webhook_id}.{timestamp}.{body}`
    /// with no prefix; `X-Webhook-ID` is the webhook id.
    public static func inboundRequest(_ email: InboundEmailSample, webhookID: String, url: String, secret: String, timestamp: Int) -> APIRequest {
        let body = email.body
        let stamp = String(timestamp)
        return APIRequest(method: "POST", url: url, headers: [
            ("Content-Type", "application/json"),
            ("User-Agent", JetEmailWebhooksVersion.userAgent + " (send-example)"),
            ("X-Webhook-ID", webhookID),
            ("X-Webhook-Timestamp", stamp),
            ("X-Webhook-Signature", WebhookSignature.inboundHeader(body: body, secret: secret, webhookID: webhookID, timestamp: stamp)),
        ], body: body, answerLimit: answerLimit, keepsPartialAnswer: true)
    }

    /// Sends an event webhook's example through `transport` (which must have a 10 s deadline)
    /// and judges the answer.
    public static func send(_ event: SampleEvent, url: String, secret: String, transport: any HTTPTransport,
                            clock: @Sendable () -> Double = wallClock) async -> Report {
        let started = clock()
        return await deliver(request(event, url: url, secret: secret, timestamp: Int(started)), eventID: event.id, eventType: event.type,
                             started: started, transport: transport, clock: clock)
    }

    /// Sends an inbound domain's example (a received email) and judges the answer.
    public static func sendInbound(webhookID: String, url: String, secret: String, transport: any HTTPTransport,
                                   clock: @Sendable () -> Double = wallClock) async -> Report {
        let started = clock()
        let email = InboundEmailSample(n: Int(started) % 1_000_000, receivedAt: Int(started))
        return await deliver(inboundRequest(email, webhookID: webhookID, url: url, secret: secret, timestamp: Int(started)),
                             eventID: email.messageID, eventType: "inbound email", started: started, transport: transport, clock: clock)
    }

    private static func deliver(_ request: APIRequest, eventID: String, eventType: String, started: Double, transport: any HTTPTransport,
                                clock: @Sendable () -> Double) async -> Report {
        var report = Report(eventID: eventID, eventType: eventType, status: nil, milliseconds: 0, verdict: .retried, detail: "")
        do {
            let response = try await transport.send(request)
            report.status = response.status
            report.verdict = verdict(status: response.status)
            let text = TerminalSafe.excerpt(String(decoding: response.body.prefix(200), as: UTF8.self), limit: 120)
            let cut = response.truncated ? " (longer than \(answerLimit >> 10) KiB; the rest was not read)" : ""
            report.detail = text.isEmpty ? "" : "answer: \(text)\(cut)"
        } catch {
            (report.detail, report.connected) = failure(error)
        }
        report.milliseconds = max(0, Int(((clock() - started) * 1000).rounded()))
        return report
    }

    /// What went wrong, in the receiver's terms (never the API's: no base URL, no webhook that
    /// may have been created), and whether a connection was made.
    static func failure(_ error: JetEmailError) -> (String, connected: Bool) {
        switch error {
        case .noAnswer(.timedOut, let seconds): ("no answer within \(seconds ?? deadlineSeconds) s", true)
        case .noAnswer(.connectionDropped, _): ("the receiver closed the connection before answering", true)
        case .answerUnusable(let reason): ("the receiver's answer could not be read: \(reason)", true)
        case .network(.refused, let detail): ("connection refused by \(detail): nothing is listening there", false)
        case .network(.dns, let detail): ("cannot resolve \(detail)", false)
        case .network(.unreachable, let detail): ("cannot reach \(detail)", false)
        case .network(.tls, let detail): ("TLS failed: \(detail)", false)
        case .network(.connectTimeout, let detail): ("could not connect to \(detail) in time", false)
        case .network(.proxy, let detail): ("the proxy failed: \(detail)", false)
        case .network(.other, let detail): (detail, false)
        case .cancelled: ("cancelled", false)
        default: (error.message(doing: .read), false)
        }
    }

    /// 2xx acknowledges; 429 and 5xx are retried; other 4xx discard the event.
    public static func verdict(status: Int) -> Verdict {
        switch status {
        case 200...299: .delivered
        case 429, 500...599: .retried
        case 400...499: .discarded
        case 300...399: .unclear
        default: .retried
        }
    }
}
