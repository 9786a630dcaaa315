import FoundationEssentials
import JetEmailClient

/// Webhooks as the verbs print them: a table or key-value lines on a terminal, JSON otherwise.
/// Never a secret; every value escaped, since it came from the server.
enum WebhookOutput {
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return CreateOutput.escapingC1(String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self))
    }

    static func table(_ webhooks: [Webhook]) -> String {
        guard !webhooks.isEmpty else { return "No webhooks. Create one with: jetemail-webhooks create" }
        let safe = { (s: String) in TerminalSafe.escaped(s) }
        let rows = webhooks.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { w in
            [w.status?.word ?? "?", safe(w.name), safe(w.uuid), "\(w.events.count)", safe(w.url)]
        }
        let header = ["STATUS", "NAME", "UUID", "EVENTS", "URL"]
        let widths = (0..<header.count).map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { c, text in c == row.count - 1 ? text : text + String(repeating: " ", count: widths[c] - text.count) }
                .joined(separator: "  ")
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
