import FoundationEssentials
import Glibc

public enum JetEmailWebhooksVersion {
    public static let current = "0.1.0"
    public static let userAgent = "jetemail-webhooks/\(current)"
}

/// The JetEmail webhook API. Knows nothing of any user interface: callers give validated
/// requests and get typed results or `JetEmailError`s.
public struct JetEmailClient: Sendable {
    public let baseURL: BaseURL
    private let key: APIKey
    private let transport: any HTTPTransport

    public init(baseURL: BaseURL, key: APIKey, transport: any HTTPTransport) {
        self.baseURL = baseURL
        self.key = key
        self.transport = transport
    }

    /// `POST /webhooks`. Never retried: a timeout means the webhook may exist.
    public func createWebhook(_ request: CreateWebhookRequest) async throws(JetEmailError) -> Webhook {
        let response = try await send("POST", "/webhooks", body: Self.encode(request))
        return try ResponseInterpreter.createdWebhook(response)
    }

    /// The largest list answer taken: 64 MiB, about 180,000 webhooks (10,000 are 3.5 MB).
    public static let listAnswerLimit = 64 << 20

    public func listWebhooks() async throws(JetEmailError) -> [Webhook] {
        try ResponseInterpreter.webhookList(await send("GET", "/webhooks", body: nil, answerLimit: Self.listAnswerLimit))
    }

    public func getWebhook(uuid: String) async throws(JetEmailError) -> Webhook {
        try ResponseInterpreter.webhook(await send("GET", "/webhooks/\(Self.pathSegment(uuid))", body: nil))
    }

    /// `PATCH /webhooks` with the uuid in the body and only the changed fields. The API answers
    /// with a message only, so the webhook is fetched again and returned as the server has it.
    /// Not retried: a PATCH that timed out may have been applied.
    public func updateWebhook(_ patch: WebhookPatch) async throws(JetEmailError) -> Webhook {
        _ = try ResponseInterpreter.acknowledgement(await send("PATCH", "/webhooks", body: patch.encoded()))
        return try await getWebhook(uuid: patch.uuid)
    }

    public func deleteWebhook(uuid: String) async throws(JetEmailError) -> String {
        try ResponseInterpreter.acknowledgement(await send("DELETE", "/webhooks/\(Self.pathSegment(uuid))", body: nil))
    }

    /// `POST /webhooks/query`: one page of the delivery log. The query is checked first.
    public func queryDeliveries(_ query: DeliveryQuery) async throws(JetEmailError) -> DeliveryPage {
        if let problem = query.problem { throw .badRequest(message: problem, field: nil) }
        return try ResponseInterpreter.deliveryPage(await send("POST", "/webhooks/query", body: query.encoded()), asked: query)
    }

    /// `POST /webhooks/replay`. Not retried: a replay that timed out may have been enqueued.
    public func replay(_ target: ReplayTarget) async throws(JetEmailError) -> ReplayReceipt {
        do { return try ResponseInterpreter.replayReceipt(await send("POST", "/webhooks/replay", body: target.encoded()), asked: target) }
        catch .notFound(let message) { throw .eventNotFound(message: message) }
    }

    /// The usernames a `filter_users` may name: transactional keys' and smarthosts', without repeats.
    public func accountUsers() async throws(JetEmailError) -> [String] {
        let keys = try ResponseInterpreter.usernames(await send("GET", "/outbound/transactional-keys", body: nil))
        let smarthosts = try ResponseInterpreter.usernames(await send("GET", "/outbound/smarthost", body: nil))
        var seen = Set<String>()
        return (keys + smarthosts).filter { seen.insert($0).inserted }
    }

    /// The inbound domains a `filter_domains` may name.
    public func inboundDomains() async throws(JetEmailError) -> [String] {
        var seen = Set<String>()
        return try ResponseInterpreter.domains(await send("GET", "/inbound/domains", body: nil)).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The exact JSON body of a create request, as `--dry-run` prints it: fields in schema
    /// order, empty filters left out.
    public static func encode(_ request: CreateWebhookRequest, pretty: Bool = false) -> [UInt8] {
        var fields: [(String, JSONText)] = [
            ("name", .string(request.name)),
            ("url", .string(request.url)),
            ("events", .array(request.events.map { .string($0.rawValue) })),
            ("status", .number(request.status.rawValue)),
        ]
        if let users = request.filterUsers { fields.append(("filter_users", .array(users.map(JSONText.string)))) }
        if let domains = request.filterDomains { fields.append(("filter_domains", .array(domains.map(JSONText.string)))) }
        return Array(JSONText.object(fields).rendered(pretty: pretty).utf8)
    }

    private func send(_ method: String, _ path: String, body: [UInt8]?, answerLimit: Int? = nil) async throws(JetEmailError) -> APIResponse {
        var headers = [
            ("Authorization", "Bearer \(key.bearerValue)"),
            ("Accept", "application/json"),
            ("User-Agent", JetEmailWebhooksVersion.userAgent),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        do {
            return try await transport.send(APIRequest(method: method, url: baseURL.url(path), headers: headers, body: body, answerLimit: answerLimit))
        } catch {
            // No message may carry the key, whatever a library put in its error.
            throw error.redacting(key.bearerValue)
        }
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters (ASCII letters, digits, -._~).
    static func pathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-_.~".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
