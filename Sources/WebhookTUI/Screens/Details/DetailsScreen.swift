import JetEmailClient
import TerminalUI

/// Every field of one webhook. The secret is not among them: it was shown once, at creation.
public struct DetailsScreen: FieldScreen {
    public var webhook: Webhook
    /// First line shown.
    public var top = 0

    public init(webhook: Webhook) { self.webhook = webhook }

    public var title: String { "Webhook" }
    public var minimumSize: Size { Self.fieldMinimumSize }
    public var keys: [Binding<DetailsScreen>] { Self.mainKeys + Self.scrollKeys }
    public var helpSections: [HelpSection] { Self.referenceSections }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        drawLines(header: TerminalSafe.escaped(webhook.name), rect: rect, context: context, into: &grid)
    }
}
