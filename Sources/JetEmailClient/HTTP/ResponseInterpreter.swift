import FoundationEssentials
import Glibc

/// Reads an HTTP answer: status codes and error bodies become `JetEmailError`s; success bodies
/// are decoded tolerantly. Pure, so every status and odd body is tested without a network.
public enum ResponseInterpreter {
    /// The error text of a body: `error`, then `message`, then the status line. Escaped and cut
    /// to a few hundred characters: it is the server's, and it will be printed.
    static func errorText(_ response: APIResponse) -> String {
        if let object = parse(response.body)?.object {
            for key in ["error", "message"] {
                if let text = object[key]?.string, !text.isEmpty { return TerminalSafe.excerpt(text) }
            }
        }
        return HTTPStatusText.line(response.status)
    }

    /// Maps a non-2xx answer to its error. `now` (unix seconds) dates a Retry-After.
    public static func error(for response: APIResponse, now: Double = wallClock()) -> JetEmailError {
        if (300...399).contains(response.status) {
            return .redirected(status: response.status, location: response.header("Location").map { TerminalSafe.excerpt($0, limit: 200) })
        }
        let text = errorText(response)
        switch response.status {
        case 400, 422: return .badRequest(message: text, field: fieldNamed(in: text))
        case 401: return .unauthorized(message: text)
        case 403:
            let field = fieldNamed(in: text)
            return .forbiddenFilters(message: text, field: field, values: listedValues(in: text))
        case 404: return .notFound(message: text)
        case 429:
            let retry = RetryAfter.seconds(response.header("Retry-After"), now: now)
            return .rateLimited(retryAfter: retry, message: text)
        case 500...599: return .server(status: response.status, message: text)
        default: return .unexpectedStatus(status: response.status, message: text)
        }
    }

    /// Decodes `{success, message, webhook}` from create. A 2xx means the webhook may exist, so
    /// every problem after it says so; a webhook with its secret is returned whatever else is
    /// odd in it (the fields it could not read are in `unreadable`), since the secret is shown once.
    public static func createdWebhook(_ response: APIResponse) throws(JetEmailError) -> Webhook {
        guard (200...299).contains(response.status) else { throw error(for: response) }
        let object: [String: JSONValue]
        do { object = try jsonObject(response) } catch {
            if case .malformedResponse(let reason) = error { throw .answerUnusable(reason: reason) }
            throw error
        }
        let inner = (object["webhook"] ?? object["result"] ?? object["data"])?.object
        if object["success"]?.bool == false, inner?["secret"]?.string == nil {
            throw .malformedResponse(reason: "HTTP \(response.status) but success is false (\(errorText(response)))")
        }
        guard let inner else { throw .answerUnusable(reason: "it has no webhook object") }
        let webhook = Webhook(json: inner)
        guard let secret = webhook.secret, !secret.isEmpty else {
            let id = webhook.uuid.isEmpty ? "" : " (\(TerminalSafe.excerpt(webhook.uuid, limit: 80)))"
            throw .answerUnusable(reason: "the webhook was created\(id) but the answer has no signing secret")
        }
        return webhook
    }

    /// A list of webhooks: `{result: [...]}`, `data`, `items`, `webhooks`, or a bare array.
    public static func webhookList(_ response: APIResponse) throws(JetEmailError) -> [Webhook] {
        guard (200...299).contains(response.status) else { throw error(for: response) }
        // The usual shapes, read entry by entry; anything else is parsed whole for a precise error.
        if let list = JSONParser.objects(in: response.body, underAnyOf: ["result", "data", "items", "webhooks"], Webhook.init(json:)) {
            return list
        }
        guard let value = parse(response.body) else { throw .malformedResponse(reason: "it is not JSON") }
        if let items = value.array { return try webhooks(items) }
        guard let object = value.object else { throw .malformedResponse(reason: "it is neither a list nor an object") }
        for key in ["result", "data", "items", "webhooks"] {
            if let items = object[key]?.array { return try webhooks(items) }
        }
        throw .malformedResponse(reason: "it has no list of webhooks")
    }

    /// One webhook, bare or wrapped in `result`/`data`/`webhook`. `success: false`, or an object
    /// that is no webhook (no uuid), is an error, never an empty webhook.
    public static func webhook(_ response: APIResponse) throws(JetEmailError) -> Webhook {
        guard (200...299).contains(response.status) else { throw error(for: response) }
        let object = try jsonObject(response)
        if object["success"]?.bool == false {
            throw .malformedResponse(reason: "HTTP \(response.status) but success is false (\(errorText(response)))")
        }
        var inner = object
        for key in ["result", "data", "webhook"] {
            if let found = object[key]?.object { inner = found; break }
        }
        let webhook = Webhook(json: inner)
        guard !webhook.uuid.isEmpty else { throw .malformedResponse(reason: "it holds no webhook (no uuid)") }
        return webhook
    }

    /// Each entry read field by field (straight from the parsed JSON: no second decoding pass).
    private static func webhooks(_ items: [JSONValue]) throws(JetEmailError) -> [Webhook] {
        var list: [Webhook] = []
        list.reserveCapacity(items.count)
        for item in items {
            guard let object = item.object else { throw .malformedResponse(reason: "an entry of the list is not an object") }
            list.append(Webhook(json: object))
        }
        return list
    }

    /// `{success, message}` answers (update, delete).
    public static func acknowledgement(_ response: APIResponse) throws(JetEmailError) -> String {
        guard (200...299).contains(response.status) else { throw error(for: response) }
        if response.body.isEmpty { return HTTPStatusText.line(response.status) }
        let object = try jsonObject(response)
        if object["success"]?.bool == false {
            throw .malformedResponse(reason: "HTTP \(response.status) but success is false (\(errorText(response)))")
        }
        return object["message"]?.string ?? "OK"
    }

    static func parse(_ body: [UInt8]) -> JSONValue? {
        JSONParser.parse(body)
    }

    static func jsonObject(_ response: APIResponse, lenient: Bool = false) throws(JetEmailError) -> [String: JSONValue] {
        guard let value = JSONParser.parse(response.body, lenient: lenient) else {
            let start = TerminalSafe.excerpt(String(decoding: response.body.prefix(40), as: UTF8.self), limit: 40)
            throw .malformedResponse(reason: "it is not JSON (starts with \"\(start)\")")
        }
        guard let object = value.object else { throw .malformedResponse(reason: "it is not a JSON object") }
        return object
    }

    /// Which field a server message is about, from the words it uses.
    static func fieldNamed(in text: String) -> WebhookField? {
        let t = text.lowercased()
        let rules: [(String, WebhookField)] = [
            ("filter_user", .filterUsers), ("filter user", .filterUsers),
            ("filter_domain", .filterDomains), ("filter domain", .filterDomains),
            ("url", .url), ("event", .events), ("name", .name), ("status", .status),
            ("domain", .filterDomains), ("user", .filterUsers),
        ]
        return rules.first { t.contains($0.0) }?.1
    }

    /// `Invalid filter_domains: a.com, b.com. You can only …` -> ["a.com", "b.com"]
    static func listedValues(in text: String) -> [String] {
        guard let colon = text.firstIndex(of: ":") else { return [] }
        var rest = text[text.index(after: colon)...]
        if let end = rest.firstRange(of: ". ") { rest = rest[..<end.lowerBound] }
        if rest.hasSuffix(".") { rest = rest.dropLast() }
        return rest.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

/// Unix seconds now, for dating a Retry-After.
public func wallClock() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

enum HTTPStatusText {
    static func line(_ status: Int) -> String {
        let reason: String = switch status {
        case 200: "OK"; case 400: "Bad Request"; case 401: "Unauthorized"; case 403: "Forbidden"
        case 404: "Not Found"; case 429: "Too Many Requests"; case 500: "Internal Server Error"
        case 502: "Bad Gateway"; case 503: "Service Unavailable"; case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
        return status == 200 || reason.hasPrefix("HTTP") ? reason : "\(status) \(reason)"
    }
}
