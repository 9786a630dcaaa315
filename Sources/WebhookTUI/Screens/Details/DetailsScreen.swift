import JetEmailClient
import TerminalUI

/// Every field of one webhook. The secret is not among them: it was shown once, at creation.
public struct DetailsScreen: FieldScreen {
    public var webhook: Webhook
    /// First line shown.
    public var top = 0
    /// Its deliveries by status over an hour, a day and a week.
    public var counts = DeliveryCounts()

    public init(webhook: Webhook) { self.webhook = webhook }

    /// Asks for the counts once, when it is first shown.
    public mutating func fit(_ context: ScreenContext) -> Outcome {
        guard counts.values.isEmpty, !webhook.uuid.isEmpty else { return .none }
        var outcome = Outcome.none
        for (key, query) in DeliveryCounts.queries(uuid: webhook.uuid, nowUnix: context.unixNow) {
            counts.values[key] = .asking
            outcome.requests.append(.api(.counts(window: key.window, status: key.status), .query(query), priority: .background))
        }
        return outcome
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        guard case .api(.deliveries(let result)) = answer, case .counts(let window, let status) = tag else { return .none }
        counts.answered(DeliveryCounts.Key(window: window, status: status), result)
        return .none
    }

    public var title: String { "Webhook" }
    public var minimumSize: Size { Self.fieldMinimumSize }
    public var keys: [Binding<DetailsScreen>] { Self.mainKeys + Self.scrollKeys }
    public var helpSections: [HelpSection] { Self.referenceSections }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        drawLines(header: TerminalSafe.escaped(webhook.name), rect: rect, context: context, into: &grid)
    }
}
