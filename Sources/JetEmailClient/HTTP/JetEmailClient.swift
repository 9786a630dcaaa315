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
    /// The request budget every call of this process waits for (shared by the copies of this
    /// client), and the priority this copy's calls have there.
    public let pacer: RequestPacer?
    public let priority: RequestPriority
    /// What this copy's calls do while a 429 holds the account: wait it out, or fail at once.
    public let whileHeld: WhileHeld

    public init(baseURL: BaseURL, key: APIKey, transport: any HTTPTransport, pacer: RequestPacer? = nil,
                priority: RequestPriority = .interactive, whileHeld: WhileHeld = .waits) {
        self.baseURL = baseURL
        self.key = key
        self.transport = transport
        self.pacer = pacer
        self.priority = priority
        self.whileHeld = whileHeld
    }

    /// The same client whose calls have this priority in the budget (and, if given, do this while held).
    /// Which account this client acts for, as a digest of its key (for a journal to record).
    public var keyFingerprint: String { key.fingerprint }

    public func with(priority: RequestPriority, whileHeld: WhileHeld? = nil) -> JetEmailClient {
        JetEmailClient(baseURL: baseURL, key: key, transport: transport, pacer: pacer, priority: priority, whileHeld: whileHeld ?? self.whileHeld)
    }

    /// `POST /webhooks`. Never retried: a timeout means the webhook may exist.
    public func createWebhook(_ request: CreateWebhookRequest) async throws(JetEmailError) -> Webhook {
        let response = try await send("POST", "/webhooks", body: Self.encode(request))
        return try ResponseInterpreter.createdWebhook(response)
    }

    /// The largest list answer taken: 64 MiB, about 180,000 webhooks (10,000 are 3.5 MB).
    public static let listAnswerLimit = 64 << 20

    public func listWebhooks() async throws(JetEmailError) -> [Webhook] {
        try await Self.endpoint("GET /webhooks") { () throws(JetEmailError) in
            try ResponseInterpreter.webhookList(await send("GET", "/webhooks", body: nil, answerLimit: Self.listAnswerLimit))
        }
    }

    /// `doctor`'s check of the key: one read-only call (the list); how many webhooks it holds and
    /// the server's `Date` header, for the clock check.
    public func checkKey() async throws(JetEmailError) -> (webhooks: Int, serverDate: String?) {
        let response = try await send("GET", "/webhooks", body: nil, answerLimit: Self.listAnswerLimit)
        let list = try ResponseInterpreter.webhookList(response)
        return (list.count, response.header("Date"))
    }

    /// The webhook with this uuid; an answer holding another one (or none) is an error, so that
    /// nothing is ever done to a webhook the person did not name.
    public func getWebhook(uuid: String) async throws(JetEmailError) -> Webhook {
        let webhook = try ResponseInterpreter.webhook(await send("GET", "/webhooks/\(Self.pathSegment(uuid))", body: nil))
        guard webhook.uuid == uuid else {
            throw .malformedResponse(reason: "it is another webhook (\(TerminalSafe.excerpt(webhook.uuid, limit: 80))), not the one asked for")
        }
        return webhook
    }

    /// `PATCH /webhooks` with the uuid in the body and only the changed fields. The API answers
    /// with a message only, so the webhook is fetched again and returned as the server has it;
    /// when that read fails the change is still saved, and the error says so (`savedButNotRead`).
    /// Not retried: a PATCH that timed out may have been applied.
    public func updateWebhook(_ patch: WebhookPatch) async throws(JetEmailError) -> Webhook {
        _ = try ResponseInterpreter.acknowledgement(await send("PATCH", "/webhooks", body: patch.encoded()))
        do { return try await getWebhook(uuid: patch.uuid) } catch {
            if case .notFound = error { throw .savedButNotRead(reason: "JetEmail answered 404: deleted meanwhile?") }
            throw .savedButNotRead(reason: Self.shortReason(error))
        }
    }

    /// An error in a few words, for the parenthesis of another message.
    static func shortReason(_ error: JetEmailError) -> String {
        switch error {
        case .noAnswer(.timedOut, let seconds): "no answer within \(seconds.map { "\($0) s" } ?? "the deadline")"
        case .noAnswer: "the connection closed"
        case .answerUnusable(let reason), .malformedResponse(let reason): "the answer could not be used: \(reason)"
        case .rateLimited: "rate limited"
        case .cancelled: "cancelled"
        default: error.message(doing: .read)
        }
    }

    /// A 404 from an endpoint that is not about one webhook says which path was not found.
    private static func endpoint<T>(_ path: String, _ work: () async throws(JetEmailError) -> T) async throws(JetEmailError) -> T {
        do { return try await work() } catch {
            if case .notFound(let message) = error { throw .endpointNotFound(path: path, message: message) }
            throw error
        }
    }

    public func deleteWebhook(uuid: String) async throws(JetEmailError) -> String {
        try ResponseInterpreter.acknowledgement(await send("DELETE", "/webhooks/\(Self.pathSegment(uuid))", body: nil))
    }

    /// `POST /webhooks/query`: one page of the delivery log. The query is checked first.
    public func queryDeliveries(_ query: DeliveryQuery) async throws(JetEmailError) -> DeliveryPage {
        if let problem = query.problem { throw .badRequest(message: problem, field: nil) }
        return try await Self.endpoint("POST /webhooks/query") { () throws(JetEmailError) in
            try ResponseInterpreter.deliveryPage(await send("POST", "/webhooks/query", body: query.encoded(), answerLimit: Self.queryAnswerLimit),
                                                 asked: query)
        }
    }

    /// The largest page of the log taken: a page may carry one oversized payload (shown as too
    /// large) beside the events that are fine.
    public static let queryAnswerLimit = 16 << 20

    /// `POST /webhooks/replay`. Not retried: a replay that timed out may have been enqueued.
    /// `admitted`: a slot of the budget the caller already took (`RequestPacer.tryAdmit`).
    public func replay(_ target: ReplayTarget, admitted: Int? = nil) async throws(JetEmailError) -> ReplayReceipt {
        do {
            return try ResponseInterpreter.replayReceipt(await send("POST", "/webhooks/replay", body: target.encoded(), admitted: admitted),
                                                         asked: target)
        } catch .notFound(let message) { throw .eventNotFound(message: message) }
    }

    /// The usernames a `filter_users` may name: transactional keys' and smarthosts', without repeats.
    /// Transactional keys and smarthosts are two lists: one that cannot be read does not cost the
    /// other (`AccountNames.missing` says which is missing and why); both failing is an error.
    public func accountUsers() async throws(JetEmailError) -> AccountNames {
        var lists: [[String]] = []
        var missing: [String] = []
        var firstError: JetEmailError?
        for (path, what) in [("/outbound/transactional-keys", "transactional keys"), ("/outbound/smarthost", "smarthosts")] {
            do {
                lists.append(try await Self.endpoint("GET " + path) { () throws(JetEmailError) in
                    try ResponseInterpreter.usernames(await send("GET", path, body: nil))
                })
            } catch {
                if case .cancelled = error { throw error }
                firstError = firstError ?? error
                missing.append("\(what) could not be read: \(Self.shortReason(error))")
            }
        }
        if lists.isEmpty, let firstError { throw firstError }
        var seen = Set<String>()
        return AccountNames(names: lists.joined().filter { seen.insert($0).inserted }, missing: missing.isEmpty ? nil : missing.joined(separator: "; "))
    }

    /// The inbound domains a `filter_domains` may name.
    public func inboundDomains() async throws(JetEmailError) -> [String] {
        var seen = Set<String>()
        return try await Self.endpoint("GET /inbound/domains") { () throws(JetEmailError) in
            try ResponseInterpreter.domains(await send("GET", "/inbound/domains", body: nil)).filter { seen.insert($0.lowercased()).inserted }
        }
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

    /// The one path of every API call: a slot of the account's budget (every process's), the
    /// request, and its answer. A 429 is handled here alone: the pacer's back-off turns it into a
    /// hold that every process waits out; a read (GET, a query) is then sent again once the hold
    /// is over, if this client waits while held. A change (create, update, delete, replay) is
    /// never sent again by itself: its 429 is the caller's answer.
    private func send(_ method: String, _ path: String, body: [UInt8]?, answerLimit: Int? = nil,
                      admitted: Int? = nil) async throws(JetEmailError) -> APIResponse {
        var headers = [
            ("Authorization", "Bearer \(key.bearerValue)"),
            ("Accept", "application/json"),
            ("User-Agent", JetEmailWebhooksVersion.userAgent),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let resendable = method == "GET" || path == "/webhooks/query"
        var ticket = admitted
        while true {
            if ticket == nil { ticket = try await pacer?.admit(priority, whileHeld: whileHeld) }
            let response: APIResponse
            do {
                response = try await transport.send(APIRequest(method: method, url: baseURL.url(path), headers: headers, body: body, answerLimit: answerLimit))
                if let ticket { await pacer?.finished(ticket) }
            } catch {
                if let ticket { await pacer?.finished(ticket) }
                // No message may carry the key, whatever a library put in its error.
                throw error.redacting(key.bearerValue)
            }
            ticket = nil
            if let pacer {
                if response.status == 429 {
                    let wait = await pacer.refused(retryAfter: RetryAfter.seconds(response.header("Retry-After"), now: wallClock()))
                    if wait != nil, resendable, whileHeld == .waits, admitted == nil { continue }
                } else {
                    await pacer.answered()
                }
            }
            // Nor may a server that echoes the key ("Invalid API key api_…") have it shown: every
            // text read from the answer comes from a body and headers without it.
            return response.redacting(key.bearerValue)
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
