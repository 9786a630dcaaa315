import FoundationEssentials
import Glibc
import JetEmailClient

/// What `create --no-input` prints on success.
enum CreateOutput {
    static func render(_ webhook: Webhook, json: Bool, secretPath: String?) -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            let shown = secretPath == nil ? webhook : webhook.withoutSecret
            return String(decoding: (try? encoder.encode(shown)) ?? Data(), as: UTF8.self)
        }
        var lines = [
            "Created webhook \"\(webhook.name)\" (\(webhook.uuid))",
            "  url:     \(webhook.url)",
            "  events:  \(webhook.events.map(\.rawValue).joined(separator: ", "))",
            "  status:  \(webhook.status?.word ?? "unknown")",
        ]
        if let users = webhook.filterUsers { lines.append("  users:   \(users.joined(separator: ", "))") }
        if let domains = webhook.filterDomains { lines.append("  domains: \(domains.joined(separator: ", "))") }
        if let secretPath {
            lines.append("Signing secret written to \(secretPath) (mode 0600).")
        } else {
            lines.append("Signing secret (shown once, store it now): \(webhook.secret ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}
