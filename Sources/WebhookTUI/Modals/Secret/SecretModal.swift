import JetEmailClient
import TerminalUI

/// The one-time secret on screen, and the small flows around it: saving to a file and
/// confirming a close that would lose it.
public struct SecretModal: Sendable, Equatable {
    public var name: String
    public var uuid: String
    public var secret: String
    /// The rest of the webhook as the API answered it (without the secret), for the list it
    /// returns to: filters and times included.
    public var webhook: Webhook
    public var url: String { webhook.url }
    public var events: [EventName] { webhook.events }
    /// The form screen that created it (reset when this closes); nil when that form is gone.
    public var origin: Int?
    /// Where it was saved, once it was.
    public var savedPath: String?
    /// The path prompt, while open.
    public var pathPrompt: TextInput?
    /// A write is under way (the path prompt stays as typed).
    public var writing = false
    /// "Close without saving? y/N" is showing.
    public var confirmingClose = false
    public var message: StatusMessage?
    /// The example sent with `x`, while it is in flight.
    public var exampleRequest: Int?

    public init(webhook: Webhook, origin: Int? = nil) {
        name = webhook.name
        uuid = webhook.uuid
        secret = webhook.secret ?? ""
        self.webhook = webhook.withoutSecret
        self.origin = origin
    }

    public var defaultPath: String { Self.defaultPath(for: name) }

    /// `./<name-slug>.whsec`: lowercase letters and digits, other runs become one hyphen.
    public static func defaultPath(for name: String) -> String {
        var slug = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { slug.append(c) } else if !slug.hasSuffix("-") { slug.append("-") }
        }
        slug = String(slug.trimmingPrefix("-"))
        while slug.hasSuffix("-") { slug.removeLast() }
        return "./" + (slug.isEmpty ? "webhook" : slug) + ".whsec"
    }
}
