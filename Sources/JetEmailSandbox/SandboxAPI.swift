import FoundationEssentials
import Glibc
import JetEmailClient

/// What the server does with a request: answer, or hang up.
struct SandboxReply: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8]
    var drop = false
    var delayMilliseconds = 0

    static func json(_ status: Int, _ object: some Encodable) -> SandboxReply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return SandboxReply(status: status, body: Array((try? encoder.encode(object)) ?? Data()))
    }

    static func error(_ status: Int, _ message: String) -> SandboxReply {
        json(status, ErrorBody(success: false, error: message))
    }
}

struct ErrorBody: Encodable { var success: Bool; var error: String }
struct MessageBody: Encodable { var success = true; var message: String }
struct CreatedBody: Encodable { var success = true; var message = "Webhook created successfully"; var webhook: Webhook }
struct ListBody: Encodable { var success = true; var result: [Webhook] }
struct OneBody: Encodable { var success = true; var result: Webhook }

/// The sandbox's routes, per the contract and NOTES.md. Pure apart from random ids:
/// state goes in and out through `store`.
enum SandboxAPI {
    static func handle(_ request: ReceivedRequest, config: SandboxConfiguration, store: inout SandboxStore, now: Int, clock: Double = 0) -> SandboxReply {
        var reply: SandboxReply
        if let limit = config.faults.rateWindow,
           let left = store.window.admit(limit: limit, lockoutSeconds: config.faults.lockoutSeconds,
                                         window: config.faults.rateWindowSeconds, now: clock) {
            reply = .error(429, "Rate limit exceeded: more than \(limit) requests a minute. Try again in \(left) seconds.")
            reply.headers.append(("Retry-After", String(left)))
        } else if config.faults.refuseRenames, request.method == "PATCH", object(request.body)?["name"] != nil {
            reply = .error(400, "Sandbox fault: a webhook cannot be renamed now")
        } else {
            reply = answer(request, config: config, store: &store, now: now)
            let kind = request.method + " " + String(request.path.split(separator: "?", maxSplits: 1).first ?? "")
            if let lose = config.faults.loseAnswerTo, lose == kind, !store.lostAnAnswer {
                store.lostAnAnswer = true
                reply.drop = true
            }
        }
        reply.delayMilliseconds = config.faults.latencyMilliseconds
        return reply
    }

    private static func answer(_ request: ReceivedRequest, config: SandboxConfiguration, store: inout SandboxStore, now: Int) -> SandboxReply {
        let faults = config.faults
        if let retry = faults.rateLimitRetryAfter {
            var reply = SandboxReply.error(429, "Too many requests. Try again in \(retry) seconds.")
            reply.headers.append(("Retry-After", String(retry)))
            return reply
        }
        if let status = faults.forcedStatus { return .error(status, "Sandbox fault: forced status \(status)") }
        if faults.dropConnection { return SandboxReply(status: 0, body: [], drop: true) }
        switch faults.malformed {
        case .notJSON: return SandboxReply(status: 200, headers: [("Content-Type", "text/html")], body: Array("<html>upstream error</html>".utf8))
        case .successFalse: return .error(200, "Failed to create webhook")
        case .noSecret:
            let webhook = Webhook(uuid: RandomToken.uuid(), name: "x", url: "https://example.com", events: [], status: .enabled)
            return .json(200, CreatedBody(webhook: webhook))
        case nil: break
        }

        if let problem = authProblem(request.headers["authorization"], key: config.apiKey) { return .error(401, problem) }

        let segments = request.path.split(separator: "?", maxSplits: 1)[0].split(separator: "/").map(String.init)
        switch (request.method, segments.count) {
        case ("POST", 1) where segments[0] == "webhooks": return create(request, config: config, store: &store, now: now)
        case ("GET", 1) where segments[0] == "webhooks": return .json(200, ListBody(result: store.webhooks.map(\.withoutSecret)))
        case ("PATCH", 1) where segments[0] == "webhooks": return update(request, config: config, store: &store, now: now)
        case ("GET", 2) where segments[0] == "webhooks":
            guard let i = store.index(of: segments[1]) else { return .error(404, "Webhook not found") }
            return .json(200, OneBody(result: store.webhooks[i].withoutSecret))
        case ("POST", 2) where segments == ["webhooks", "query"]:
            guard let body = object(request.body) else { return .error(400, "Request body must be a JSON object") }
            SandboxLogAPI.settle(store: &store, now: now)
            return SandboxLogAPI.query(body, pageCap: config.faults.pageCap, store: &store)
        case ("POST", 2) where segments == ["webhooks", "replay"]:
            guard let body = object(request.body) else { return .error(400, "Request body must be a JSON object") }
            return SandboxLogAPI.replay(body, store: &store, settleAfter: config.replaysSettleAfter, now: now)
        case ("GET", 2) where segments == ["outbound", "transactional-keys"]: return SandboxLogAPI.transactionalKeys(config)
        case ("GET", 2) where segments == ["outbound", "smarthost"]: return SandboxLogAPI.smarthosts(config)
        case ("GET", 2) where segments == ["inbound", "domains"]: return SandboxLogAPI.domains(config)
        case ("DELETE", 2) where segments[0] == "webhooks":
            guard let i = store.index(of: segments[1]) else { return .error(404, "Webhook not found") }
            store.webhooks.remove(at: i)
            return .json(200, MessageBody(message: "Webhook deleted successfully"))
        default:
            return .error(404, "No route for \(request.method) \(request.path)")
        }
    }

    static func authProblem(_ header: String?, key: String) -> String? {
        guard let header, header.hasPrefix("Bearer ") else { return "User information not found" }
        let given = String(header.dropFirst("Bearer ".count))
        if given.hasPrefix("transactional_") { return "Transactional keys cannot manage webhooks; use an api_ key" }
        return given == key ? nil : "Invalid API key"
    }

    private static func object(_ body: [UInt8]) -> [String: JSONValue]? {
        guard case .object(let o)? = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else { return nil }
        return o
    }

    private static func create(_ request: ReceivedRequest, config: SandboxConfiguration, store: inout SandboxStore, now: Int) -> SandboxReply {
        guard let body = object(request.body) else { return .error(400, "Request body must be a JSON object") }
        let draft: WebhookDraft
        switch SandboxRequestParser.draft(from: body, requireAll: true) {
        case .error(let message): return .error(400, message)
        case .draft(let parsed, _): draft = parsed
        }
        let outcome = WebhookValidator.validate(draft)
        guard let valid = outcome.request else { return .error(400, outcome.report.errors[0].description) }
        if let refusal = ownershipProblem(users: valid.filterUsers, domains: valid.filterDomains, config: config) { return .error(403, refusal) }
        let webhook = Webhook(uuid: RandomToken.uuid(), name: valid.name, url: valid.url, secret: "whsec_" + RandomToken.hex(bytes: 24),
                              events: valid.events.map(EventName.init), status: valid.status,
                              filterUsers: valid.filterUsers, filterDomains: valid.filterDomains, createdAt: now, lastModified: now)
        store.webhooks.append(webhook)
        return .json(200, CreatedBody(webhook: webhook))
    }

    private static func update(_ request: ReceivedRequest, config: SandboxConfiguration, store: inout SandboxStore, now: Int) -> SandboxReply {
        guard let body = object(request.body) else { return .error(400, "Request body must be a JSON object") }
        guard let uuid = body["uuid"]?.string else { return .error(400, "uuid is required and must be a string") }
        guard let i = store.index(of: uuid) else { return .error(404, "Webhook not found") }
        var draft: WebhookDraft
        let present: Set<WebhookField>
        switch SandboxRequestParser.draft(from: body, requireAll: false) {
        case .error(let message): return .error(400, message)
        case .draft(let parsed, let fields): (draft, present) = (parsed, fields)
        }
        let current = store.webhooks[i]
        // Fields not sent keep their values; validate the merged result as a whole.
        if !present.contains(.name) { draft.name = current.name }
        if !present.contains(.url) { draft.url = current.url }
        // Events not sent are not checked again: a webhook may hold names the create enum lacks
        // (outbound.queued); a stand-in passes validation and the stored ones are kept below.
        if !present.contains(.events) { draft.events = [EventType.outboundDelivered.rawValue] }
        if !present.contains(.status) { draft.status = current.status?.rawValue ?? 1 }
        if !present.contains(.filterUsers) { draft.filterUsers = current.filterUsers ?? [] }
        if !present.contains(.filterDomains) { draft.filterDomains = current.filterDomains ?? [] }
        let outcome = WebhookValidator.validate(draft)
        guard let valid = outcome.request else { return .error(400, outcome.report.errors[0].description) }
        if let refusal = ownershipProblem(users: valid.filterUsers, domains: valid.filterDomains, config: config) { return .error(403, refusal) }
        let events = present.contains(.events) ? valid.events.map(EventName.init) : current.events
        store.webhooks[i] = Webhook(uuid: uuid, name: valid.name, url: valid.url, events: events,
                                    status: valid.status, filterUsers: valid.filterUsers, filterDomains: valid.filterDomains,
                                    createdAt: current.createdAt, lastModified: now)
        return .json(200, MessageBody(message: "Webhook updated successfully"))
    }

    /// The 403 text of the real API for filter values the account does not own.
    static func ownershipProblem(users: [String]?, domains: [String]?, config: SandboxConfiguration) -> String? {
        let badUsers = (users ?? []).filter { !config.ownedUsers.contains($0) }
        if !badUsers.isEmpty {
            return "Invalid filter_users: \(badUsers.joined(separator: ", ")). You can only filter by users that you own."
        }
        let owned = Set(config.ownedDomains.map { $0.lowercased() })
        let badDomains = (domains ?? []).filter { !owned.contains($0.lowercased()) }
        if !badDomains.isEmpty {
            return "Invalid filter_domains: \(badDomains.joined(separator: ", ")). You can only filter by domains that you own."
        }
        return nil
    }
}
