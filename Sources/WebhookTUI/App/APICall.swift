import JetEmailClient

/// A request to the webhook API, run by the shell; the answer comes back as `.answered(id:)`
/// and goes to the screen that asked.
public enum APICall: Sendable, Equatable {
    case list
    case get(uuid: String)
    /// The webhook as the server has it after the change is the answer.
    case update(WebhookPatch)
    case delete(uuid: String)
}

public enum APIAnswer: Sendable, Equatable {
    case list(Result<[Webhook], JetEmailError>)
    /// For `get` and `update`.
    case webhook(Result<Webhook, JetEmailError>)
    case deleted(uuid: String, Result<String, JetEmailError>)
}
