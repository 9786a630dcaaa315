/// Everything that can go wrong talking to the API, each with a one-line message for people.
public enum JetEmailError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 400: the server's own words, tied to a field when they name one.
    case badRequest(message: String, field: WebhookField?)
    /// 401: the key is missing, wrong, or not an `api_` key.
    case unauthorized(message: String)
    /// 403: filter values the account does not own.
    case forbiddenFilters(message: String, field: WebhookField?, values: [String])
    case notFound(message: String)
    /// 429: the account is blocked for `retryAfter` seconds.
    case rateLimited(retryAfter: Int?, message: String)
    case server(status: Int, message: String)
    case unexpectedStatus(status: Int, message: String)
    /// The request never reached the API (refused, unreachable, DNS, TLS, connect timeout).
    case network(NetworkFailure, detail: String)
    /// The request may have been received but no complete answer came: for a POST the
    /// webhook may exist already.
    case noAnswer(NoAnswerReason, deadlineSeconds: Int?)
    /// An answer came that cannot be used: not JSON, `success: false` with 200, no secret.
    case malformedResponse(reason: String)
    case cancelled

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
    public var outcomeUnknown: Bool { if case .noAnswer = self { true } else { false } }

    public var description: String { message }

    public var message: String {
        switch self {
        case .badRequest(let message, _): "Rejected by the API: \(message)"
        case .unauthorized(let message):
            "Not authorised (\(message)): check the API key; webhook endpoints need an account key starting with api_."
        case .forbiddenFilters(let message, _, _): "Refused by the API: \(message)"
        case .notFound(let message): "Not found: \(message)"
        case .rateLimited(let retryAfter, _):
            retryAfter.map { "Rate limited by the API: wait \($0) s before trying again (all calls are blocked until then)." }
                ?? "Rate limited by the API: wait a few minutes before trying again."
        case .server(let status, let message): "The API failed (HTTP \(status)): \(message). Try again later."
        case .unexpectedStatus(let status, let message): "Unexpected answer from the API (HTTP \(status)): \(message)"
        case .network(let failure, let detail):
            switch failure {
            case .refused: "Connection refused by \(detail): nothing is listening there. Check --base-url."
            case .unreachable: "Cannot reach \(detail): the network or host is unreachable."
            case .dns: "Cannot resolve \(detail): check the host name and your DNS."
            case .tls: "Secure connection failed: \(detail). For a private CA, pass --ca-file."
            case .connectTimeout: "Could not connect to \(detail) in time; nothing was sent."
            case .proxy: "The proxy failed: \(detail)."
            case .other: "Network error: \(detail)."
            }
        case .noAnswer(let reason, let seconds):
            (reason == .timedOut
                ? "No answer within \(seconds.map { "\($0) s" } ?? "the deadline")"
                : "The connection closed before an answer arrived")
                + ". The webhook may have been created: check the list before trying again."
        case .malformedResponse(let reason): "The API's answer could not be used: \(reason)."
        case .cancelled: "Cancelled. If the request had been sent, the webhook may exist: check the list."
        }
    }
}
