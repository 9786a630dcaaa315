import JetEmailClient

/// The webhooks of a list, immutable once made; shared by its rows, so that making 10,000 rows
/// (each filter key) copies no webhook.
final class WebhookStore: Sendable {
    let webhooks: [Webhook]
    init(_ webhooks: [Webhook]) { self.webhooks = webhooks }
}
