import JetEmailClient
import TerminalUI

/// The webhooks of a list, immutable once made; shared by its rows, so that making 10,000 rows
/// (each filter key) copies no webhook.
final class WebhookStore: Sendable {
    let webhooks: [Webhook]
    /// The table's longest value in each column it sizes by content (the names), measured once
    /// a load, not on every filter key; the name column keeps its width while typing a filter.
    let natural: [Int]

    init(_ webhooks: [Webhook]) {
        self.webhooks = webhooks
        natural = WebhookRow.columns.enumerated().map { index, column in
            guard column.identifies else { return 0 }
            return webhooks.map { DisplayWidth.of(TerminalSafe.escaped($0.name), upTo: column.cap) }.max() ?? 0
        }
    }
}
