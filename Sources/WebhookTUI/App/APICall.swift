import JetEmailClient

/// A request to the webhook API, run by the shell; the answer comes back as `.answered(id:)`
/// and goes to the screen that asked.
public enum APICall: Sendable, Equatable {
    case list
    case get(uuid: String)
    /// The webhook as the server has it after the change is the answer.
    case update(WebhookPatch)
    case delete(uuid: String)
    /// One page of the delivery log.
    case query(DeliveryQuery)
    case replay(ReplayTarget)
    /// The account's users and inbound domains, for the form's filter pickers.
    case choices
}

public enum APIAnswer: Sendable, Equatable {
    case list(Result<[Webhook], JetEmailError>)
    /// For `get` and `update`.
    case webhook(Result<Webhook, JetEmailError>)
    case deleted(uuid: String, Result<String, JetEmailError>)
    case deliveries(Result<DeliveryPage, JetEmailError>)
    case replayed(Result<ReplayReceipt, JetEmailError>)
    /// Each list on its own: one may fail while the other arrives (and the users are two lists,
    /// of which one may be missing: `AccountNames.missing`).
    case choices(users: Result<AccountNames, JetEmailError>, domains: Result<[String], JetEmailError>)
}
