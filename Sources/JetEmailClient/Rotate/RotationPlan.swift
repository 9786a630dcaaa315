/// What a rotation will create, decided before anything is sent: the twin's name and request,
/// checked by the create rules, or why the old webhook cannot be rotated.
public enum RotationPlan {
    /// "NAME new" while both exist (cut to fit 64 characters), or "NAME new 2"… when another
    /// webhook has that name already, so that a lost create is found by its name alone.
    public static func twinName(for name: String, among webhooks: [Webhook]) -> String {
        let taken = Set(webhooks.map(\.name))
        for n in 1...99 {
            let suffix = n == 1 ? " new" : " new \(n)"
            let base = String(name.prefix(NameRule.maxLength - suffix.count))
            if !taken.contains(base + suffix) { return base + suffix }
        }
        return String(name.prefix(NameRule.maxLength - 5)) + " new"
    }

    /// The twin's create request: the same URL, events (those the create list knows), filters;
    /// disabled, until the receiver takes its secret.
    public static func request(old: Webhook, twinName: String) -> Result<CreateWebhookRequest, Refusal> {
        if old.status == nil { return .failure(Refusal("The status of \"\(old.name)\" could not be read; it is not rotated blind.")) }
        var draft = WebhookDraft(old)
        draft.name = twinName
        draft.status = WebhookStatus.disabled.rawValue
        let outcome = WebhookValidator.validate(draft)
        guard let request = outcome.request else {
            let why = outcome.report.errors.map(\.description).joined(separator: " ")
            return .failure(Refusal("A twin of \"\(old.name)\" would be refused by JetEmail's create rules: \(why)"))
        }
        return .success(request)
    }

    /// The events the twin leaves out (the create list lacks them, as an edit drops them).
    public static func dropped(old: Webhook) -> [String] { old.events.filter { $0.known == nil }.map(\.rawValue) }

    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}
