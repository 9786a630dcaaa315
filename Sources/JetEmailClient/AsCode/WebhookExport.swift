/// The account's webhooks as a file of webhooks (TOML), which `plan` reads back as unchanged:
/// one `[[webhook]]` table each, ordered by name, a comment naming its uuid, never a secret.
/// What the server sent is untrusted: every string is written escaped, and a comment never
/// holds a line break.
public enum WebhookExport {
    public static func toml(_ webhooks: [Webhook], source: String, at stamp: String) -> String {
        var out = "# JetEmail webhooks of \(comment(source)), exported \(stamp) by jetemail-webhooks.\n"
            + "# `jetemail-webhooks plan FILE` shows what would change; `apply FILE` makes the account match it.\n"
            + "# Webhooks are matched by name. Secrets are never written here.\n"
        for webhook in webhooks.sorted(by: { ($0.name, $0.uuid) < ($1.name, $1.uuid) }) {
            out += "\n[[webhook]]\n# uuid \(comment(webhook.uuid))\n"
            out += "name = \(quoted(webhook.name))\n"
            out += "url = \(quoted(webhook.url))\n"
            out += "events = \(list(webhook.events.map(\.rawValue)))\n"
            if webhook.events.contains(where: { $0.rawValue == "outbound.queued" }) {
                out += "# outbound.queued is kept as the account has it; JetEmail refuses it in an update, so an apply that changes these events drops it.\n"
            }
            if let status = webhook.status { out += "status = \(quoted(status.word))\n" } else {
                out += "# status: JetEmail's answer could not be read; write \"enabled\" or \"disabled\".\n"
            }
            out += "filter_users = \(list(webhook.filterUsers ?? []))\n"
            out += "filter_domains = \(list(webhook.filterDomains ?? []))\n"
        }
        return out
    }

    /// A TOML basic string: quotes, backslashes and every control character escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

    /// Text for a comment: one line, printable.
    static func comment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) ? "?" : $0 }))
    }
}
