/// Everything that can go wrong talking to the API, each with a one-line message for people.
public enum JetEmailError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 400: the server's own words, tied to a field when they name one.
    case badRequest(message: String, field: WebhookField?)
    /// 401: the key is missing, wrong, or not an `api_` key.
    case unauthorized(message: String)
    /// 403: filter values the account does not own.
    case forbiddenFilters(message: String, field: WebhookField?, values: [String])
    /// 404 for one webhook (get, update, delete): it is gone.
    case notFound(message: String)
    /// 404 for an endpoint that is not about one webhook (the list, the log, the account's
    /// lists): the API has no such path here, which says nothing about any webhook.
    case endpointNotFound(path: String, message: String)
    /// A 404 from replay: the log has no such event (for that webhook).
    case eventNotFound(message: String)
    /// 429: the account is blocked for `retryAfter` seconds.
    case rateLimited(retryAfter: Int?, message: String)
    case server(status: Int, message: String)
    case unexpectedStatus(status: Int, message: String)
    /// The request never reached the API (refused, unreachable, DNS, TLS, connect timeout).
    case network(NetworkFailure, detail: String)
    /// The request may have been received but no complete answer came: for a POST the
    /// webhook may exist already.
    case noAnswer(NoAnswerReason, deadlineSeconds: Int?)
    /// An answer came that cannot be used, and it says the request did nothing (a list that is
    /// not JSON, `success: false`).
    case malformedResponse(reason: String)
    /// The request reached the API, but its answer could not be read or used (too large, not
    /// HTTP, cut short, a success without the webhook): for a POST the webhook may exist.
    case answerUnusable(reason: String)
    /// A 3xx: redirects are not followed (the key would go wherever they point).
    case redirected(status: Int, location: String?)
    /// No request could be made: the client is not configured (why, in words).
    case notConfigured(reason: String)
    case cancelled
    /// Not sent: a 429 holds every call for this many more seconds (the app-wide wait).
    case heldByRateLimit(seconds: Int)
    /// An update was accepted, but the webhook could not be read back afterwards (why): the
    /// change is saved; only the fresh copy is missing.
    case savedButNotRead(reason: String)

    /// What a request was doing, so that an answer that never came says what may have happened
    /// to it: a create may have made a webhook, a read changed nothing, a change may have been made.
    public enum Operation: Sendable, Equatable {
        case create, read, change, delete, replay

        /// What a request of this kind may have done when no usable answer came.
        var outcome: String {
            switch self {
            case .create: "The webhook may have been created: check the list before trying again."
            case .read: "Nothing was changed; try again."
            case .change: "The change may have been made: check the webhook before trying again."
            case .delete: "The webhook may have been deleted: check the list before trying again."
            case .replay: "The replay may have been enqueued: check the log before replaying again."
            }
        }
    }

    public enum NetworkFailure: String, Sendable, Equatable {
        case refused, unreachable, dns, tls, connectTimeout, proxy, other
    }

    public enum NoAnswerReason: String, Sendable, Equatable { case timedOut, connectionDropped }

    /// The field a message concerns, when it can be told.
    public var field: WebhookField? {
        switch self {
        case .badRequest(_, let field), .forbiddenFilters(_, let field, _): field
        default: nil
        }
    }

    /// True when the server may have acted on the request although no answer arrived.
    public var outcomeUnknown: Bool {
        switch self {
        case .noAnswer, .answerUnusable: true
        default: false
        }
    }

    public var description: String { message }

    /// The same error with every occurrence of `secret` in its texts replaced by `[redacted]`.
    public func redacting(_ secret: String) -> JetEmailError {
        guard !secret.isEmpty else { return self }
        func r(_ text: String) -> String { text.replacing(secret, with: "[redacted]") }
        return switch self {
        case .badRequest(let m, let f): .badRequest(message: r(m), field: f)
        case .unauthorized(let m): .unauthorized(message: r(m))
        case .forbiddenFilters(let m, let f, let v): .forbiddenFilters(message: r(m), field: f, values: v.map(r))
        case .notFound(let m): .notFound(message: r(m))
        case .endpointNotFound(let p, let m): .endpointNotFound(path: p, message: r(m))
        case .savedButNotRead(let m): .savedButNotRead(reason: r(m))
        case .eventNotFound(let m): .eventNotFound(message: r(m))
        case .rateLimited(let s, let m): .rateLimited(retryAfter: s, message: r(m))
        case .server(let s, let m): .server(status: s, message: r(m))
        case .unexpectedStatus(let s, let m): .unexpectedStatus(status: s, message: r(m))
        case .network(let f, let d): .network(f, detail: r(d))
        case .malformedResponse(let m): .malformedResponse(reason: r(m))
        case .answerUnusable(let m): .answerUnusable(reason: r(m))
        case .redirected(let s, let l): .redirected(status: s, location: l.map(r))
        case .notConfigured(let m): .notConfigured(reason: r(m))
        case .noAnswer, .cancelled, .heldByRateLimit: self
        }
    }

    /// `90 s`, `17 min`.
    static func duration(_ seconds: Int) -> String {
        seconds < 120 ? "\(seconds) s" : "\(seconds / 60 + (seconds % 60 == 0 ? 0 : 1)) min"
    }

    /// The message for a request that changes nothing (a list, a page of the log, the account's
    /// users): an answer that never came is not a create that may have happened.
    public var readMessage: String { message(doing: .read) }

    /// The message for a create (the first request this client had, and the one whose lost
    /// answer matters most). Every other request says what it was doing: `message(doing:)`.
    public var message: String { message(doing: .create) }

    public func message(doing operation: Operation) -> String {
        switch self {
        case .badRequest(let message, _): "Rejected by the API: \(message)"
        case .unauthorized(let message):
            "Not authorised (\(message)): check the API key; webhook endpoints need an account key starting with api_."
        case .forbiddenFilters(let message, _, _): "Refused by the API: \(message)"
        case .notFound: "This webhook no longer exists (deleted elsewhere?); JetEmail answered 404."
        case .endpointNotFound(let path, let message):
            "JetEmail answered 404 (\(message)) for \(path): the API has no such endpoint at this address; check --base-url."
        case .eventNotFound(let message): "JetEmail has no such event to replay (404: \(message))."
        case .rateLimited(let retryAfter, _):
            switch retryAfter {
            case nil: "Rate limited by the API: wait a few minutes before trying again."
            case 0?: "Rate limited by the API: try again in a moment."
            case let seconds? where seconds > RetryAfter.longestWait:
                "Rate limited by the API for more than an hour: try again later."
            case let seconds?:
                "Rate limited by the API: wait \(Self.duration(seconds)) before trying again (all calls are blocked until then)."
            }
        case .server(let status, let message): "The API failed (HTTP \(status)): \(message). Try again later."
        case .unexpectedStatus(let status, let message): "Unexpected answer from the API (HTTP \(status)): \(message)"
        case .network(let failure, let detail):
            switch failure {
            case .refused: "Connection refused by \(detail): nothing is listening there; nothing was sent. Check --base-url."
            case .unreachable: "Cannot reach \(detail): the network or host is unreachable."
            case .dns: "Cannot resolve \(detail): check the host name and your DNS."
            case .tls: "Secure connection failed: \(detail). For a private CA, pass --ca-file."
            case .connectTimeout: "Could not connect to \(detail) in time; nothing was sent."
            case .proxy: "The proxy failed: \(detail)."
            case .other: "Network error: \(detail)."
            }
        case .noAnswer(let reason, let seconds):
            (reason == .timedOut ? "No answer within \(seconds.map { "\($0) s" } ?? "the deadline")" : "The connection closed before an answer arrived")
                + ". " + operation.outcome
        case .malformedResponse(let reason): "The API's answer could not be used: \(reason)."
        case .answerUnusable(let reason):
            operation == .read ? "The API's answer could not be used (\(reason)); nothing was changed."
                : "The request reached the API, but its answer could not be used (\(reason)). " + operation.outcome
        case .redirected(let status, let location):
            "The API answered with a redirect (HTTP \(status))"
                + (location.map { " to \($0)" } ?? "")
                + ", which is not followed so that the key goes nowhere else. Check --base-url."
        case .notConfigured(let reason): "Nothing was sent: \(reason)"
        case .cancelled:
            operation == .read ? "Cancelled." : "Cancelled. If the request had been sent: " + operation.outcome.prefix(1).lowercased() + operation.outcome.dropFirst()
        case .heldByRateLimit(let seconds):
            "Nothing was sent: JetEmail's rate limit holds every call for \(seconds >= RetryAfter.longestWait ? "more than an hour" : Self.duration(seconds)) more."
        case .savedButNotRead(let reason): "The change was saved, but the webhook could not be read back afterwards (\(reason))."
        }
    }
}
