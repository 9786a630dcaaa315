import FoundationEssentials
import JetEmailClient
import TerminalUI

/// Webhooks as the verbs print them: a table or key-value lines on a terminal, JSON otherwise.
/// Never a secret; every value escaped, since it came from the server.
enum WebhookOutput {
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return CreateOutput.escapingC1(String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self))
    }

    /// The same on one line (a JSON line of a stream).
    static func jsonLine(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return CreateOutput.escapingC1(String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self))
    }

    /// Fitted to the terminal's width: a long name or URL is cut in the middle, never padding
    /// every row to the longest one.
    static func table(_ webhooks: [Webhook], width: Int = TextTable.terminalWidth()) -> String {
        guard !webhooks.isEmpty else { return "No webhooks. Create one with: jetemail-webhooks create" }
        let safe = { (s: String) in TerminalSafe.escaped(s) }
        let sorted = webhooks.sorted { $0.name.lowercased() < $1.name.lowercased() }
        let columns = [
            TableColumn("Status", width: 8), TableColumn("Name", minimum: 10, weight: 1, identifies: true), TableColumn("UUID", width: 36, dropRank: 0),
            TableColumn("Events", width: 6), TableColumn("URL", minimum: 10, weight: 2),
        ]
        // The URL as a list shows it: the host and path, never the query (often a token).
        return TextTable.lines(columns, rows: sorted.count, width: width, full: { row, _ in safe(sorted[row].name) }) { row, column, w in
            let webhook = sorted[row]
            switch column {
            case 0: return webhook.status?.word ?? "?"
            case 1: return safe(webhook.name)
            case 2: return safe(webhook.uuid)
            case 3: return "\(webhook.events.count)"
            default: return safe(URLDisplay.listForm(webhook.url))
            }
        }.joined(separator: "\n")
    }

    static func details(_ w: Webhook) -> String {
        let safe = { (s: String) in TerminalSafe.escaped(s) }
        var lines = [
            "name:    \(safe(w.name))",
            "uuid:    \(safe(w.uuid))",
            "status:  \(w.status?.word ?? "unknown")",
            "url:     \(safe(w.url))",
            "events:  \(safe(w.events.map(\.rawValue).joined(separator: ", ")))",
            "users:   \(w.filterUsers.map { safe($0.joined(separator: ", ")) } ?? "all")",
            "domains: \(w.filterDomains.map { safe($0.joined(separator: ", ")) } ?? "all")",
        ]
        if let created = w.createdAt { lines.append("created: \(created) (unix seconds)") }
        if let modified = w.lastModified { lines.append("last modified: \(modified) (unix seconds)") }
        return lines.joined(separator: "\n")
    }
}
