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
    public mutating func appear(_ context: ScreenContext) -> Outcome {
        guard counts.values.isEmpty, !webhook.uuid.isEmpty else { return .none }
        var outcome = Outcome.none
        for (key, query) in DeliveryCounts.queries(uuid: webhook.uuid, nowUnix: context.unixNow) {
            counts.values[key] = .asking
            outcome.requests.append(.api(DetailsCountsTag(window: key.window, status: key.status), .query(query), priority: .background))
        }
        return outcome
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        guard case .api(.deliveries(let result)) = answer, let asked = tag.as(DetailsCountsTag.self) else { return .none }
        counts.answered(DeliveryCounts.Key(window: asked.window, status: asked.status), result)
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

/// A count of a webhook's deliveries of one status since `window` seconds ago, for details.
struct DetailsCountsTag: RequestTagKind {
    var window: Int
    var status: DeliveryStatus
}
