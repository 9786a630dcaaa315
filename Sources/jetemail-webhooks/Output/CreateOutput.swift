import FoundationEssentials
import Glibc
import JetEmailClient

/// What `create --no-input` prints on success. Every value came from the server: escaped, so
/// that none of it can drive the terminal it is printed on.
enum CreateOutput {
    static func render(_ webhook: Webhook, json: Bool, secretPath: String?) -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            let shown = secretPath == nil ? webhook : webhook.withoutSecret
            return escapingC1(String(decoding: (try? encoder.encode(shown)) ?? Data(), as: UTF8.self))
        }
        let safe = TerminalSafe.escaped
        var lines = [
            "Created webhook \"\(safe(webhook.name, false))\" (\(safe(webhook.uuid, false)))",
            "  url:     \(safe(webhook.url, false))",
            "  events:  \(safe(webhook.events.map(\.rawValue).joined(separator: ", "), false))",
            "  status:  \(webhook.status?.word ?? "unknown")",
        ]
        if let users = webhook.filterUsers { lines.append("  users:   \(safe(users.joined(separator: ", "), false))") }
        if let domains = webhook.filterDomains { lines.append("  domains: \(safe(domains.joined(separator: ", "), false))") }
        if let secretPath {
            lines.append("Signing secret written to \(safe(secretPath, false)) (mode 0600).")
        } else {
            lines.append("Signing secret (shown once, store it now): \(safe(webhook.secret ?? "", false))")
        }
        return lines.joined(separator: "\n")
    }

    /// The encoder escapes C0 controls but not DEL, C1 (U+009B is CSI to many terminals) or the
    /// bidirectional overrides: those become `\u` escapes too, which JSON reads back unchanged.
    static func escapingC1(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Warnings about fields of the answer that could not be read (the webhook was still made).
    static func unreadableWarning(_ webhook: Webhook) -> String? {
        webhook.unreadableNote.map { "warning: \($0); the webhook was created and its secret kept; check the rest in the list." }
    }
}
