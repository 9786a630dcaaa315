import JetEmailClient
import TerminalUI

/// The one-time secret on screen, and the small flows around it: saving to a file, copying,
/// testing the receiver, and a question before closing unsaved. Nothing closes it by accident:
/// quitting asks while its secret is not saved.
public struct SecretModal: Modal {
    public var name: String
    public var uuid: String
    public var secret: String
    /// The rest of the webhook as the API answered it (without the secret), for the list it
    /// returns to: filters and times included.
    public var webhook: Webhook
    public var url: String { webhook.url }
    public var events: [EventName] { webhook.events }
    /// Where it was saved, once it was.
    public var savedPath: String?
    /// The path prompt, while open.
    public var pathPrompt: TextInput?
    /// A write is under way (the path prompt stays as typed).
    public var writing = false
    /// "Close without saving? y/N" is showing.
    public var confirmingClose = false
    public var message: StatusMessage?
    /// An example sent with `x` is on its way.
    public var testing = false

    public init(webhook: Webhook) {
        name = webhook.name
        uuid = webhook.uuid
        secret = webhook.secret ?? ""
        self.webhook = webhook.withoutSecret
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

    public var isTyping: Bool { pathPrompt != nil }

    public var unsaved: String? { savedPath == nil ? "The signing secret has not been saved and cannot be shown again." : nil }

    /// Its own key bar: F1 works over it, said when it shows its keys.
    public var barEntries: [BarEntry] {
        let entries = keys.barEntries(on: self)
        return confirmingClose || pathPrompt != nil ? entries : entries + [BarEntry("F1", "help", pin: .always)]
    }

    public var smallWindowLines: [(String, Style)]? {
        savedPath == nil ? [("A webhook was created: enlarge to see and save its secret.", Style(.warning, bold: true))] : nil
    }

    public var wantsTicks: Bool { false }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        switch answer {
        case .receiverTest(let result):
            testing = false
            message = ExamplePrompt.message(result)
        case .secretWritten(.success(let path)):
            writing = false
            savedPath = path
            pathPrompt = nil
            message = nil
        case .secretWritten(.failure(let failure)):
            writing = false
            message = StatusMessage(.error, failure.description + " The secret is still here.")
        case .api, .recoverPlanned:
            break
        }
        return .none
    }

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        if let advice = message.as(ClipboardAdvice.self) { self.message = StatusMessage(.warning, advice.text) }
        return .none
    }

    public func draw(into grid: inout Grid, focused: Bool, context: ScreenContext) {
        SecretModalView.draw(self, focused: focused, into: &grid)
    }
}
