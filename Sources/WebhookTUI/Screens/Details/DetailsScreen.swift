import JetEmailClient
import TerminalUI

/// Every field of one webhook. The secret is not among them: it was shown once, at creation.
public struct DetailsScreen: FieldScreen {
    public var webhook: Webhook
    /// First line shown.
    public var top = 0
    /// The URL's secret-looking query values (and a password in it) are shown (`u`).
    public var urlRevealed = false
    /// Its deliveries by status over an hour, a day and a week.
    public var counts = DeliveryCounts()
    /// The failures chart shown (`t` switches), and the timelines asked for so far.
    public var chartSpan = DeliveryTimeline.Span.day
    public var timelines: [DeliveryTimeline.Span: DeliveryTimeline] = [:]
    /// When the figures were last asked for (the screen's clock): shown again a while later
    /// (after a recover, a replay, a change), they are asked for again.
    public var askedAt: Double?
    static let figuresKeptFor = 15.0

    public init(webhook: Webhook) { self.webhook = webhook }

    /// Asks for the counts and the chart when first shown, and again when shown after a while.
    public mutating func appear(_ context: ScreenContext) -> Outcome {
        guard !webhook.uuid.isEmpty else { return .none }
        if let askedAt, context.now - askedAt < Self.figuresKeptFor { return .none }
        return askFigures(context)
    }

    mutating func askFigures(_ context: ScreenContext) -> Outcome {
        askedAt = context.now
        var outcome = Outcome.none
        for (key, query) in DeliveryCounts.queries(uuid: webhook.uuid, nowUnix: context.unixNow) {
            // Figures already shown stay until the new ones come.
            if counts.values[key] == nil { counts.values[key] = .asking }
            outcome.requests.append(.api(DetailsCountsTag(window: key.window, status: key.status), .query(query), priority: .background))
        }
        timelines = [:]
        return outcome + askChart(context)
    }

    /// The chart's first pages (one a series); counts of the buckets they do not reach follow.
    mutating func askChart(_ context: ScreenContext) -> Outcome {
        guard timelines[chartSpan] == nil else { return .none }
        let timeline = DeliveryTimeline(uuid: webhook.uuid, span: chartSpan, now: context.unixNow)
        timelines[chartSpan] = timeline
        var outcome = Outcome.none
        for series in [DeliveryTimeline.Series.failed, .all] {
            // The person opened details to see this: the two pages go ahead of background work
            // (a recover's replays), in the budget's reserve for what the person does.
            outcome.requests.append(.api(DetailsChartTag(span: chartSpan, series: series, bucket: nil), .query(timeline.pageQuery(series)), priority: .interactive))
        }
        return outcome
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        guard case .api(.deliveries(let result)) = answer else { return .none }
        if let asked = tag.as(DetailsChartTag.self) { return chartAnswered(asked, result) }
        guard let asked = tag.as(DetailsCountsTag.self) else { return .none }
        counts.answered(DeliveryCounts.Key(window: asked.window, status: asked.status), result)
        return .none
    }

    /// A page fills what it reaches and asks for the rest, bucket by bucket; a failed answer
    /// leaves its buckets as `?`.
    mutating func chartAnswered(_ asked: DetailsChartTag, _ result: Result<DeliveryPage, JetEmailError>) -> Outcome {
        guard var timeline = timelines[asked.span], case .success(let page) = result else { return .none }
        guard let bucket = asked.bucket else {
            timeline.fill(asked.series, page: page)
            timelines[asked.span] = timeline
            var outcome = Outcome.none
            for index in timeline.missing(asked.series) {
                outcome.requests.append(.api(DetailsChartTag(span: asked.span, series: asked.series, bucket: index),
                                             .query(timeline.countQuery(asked.series, bucket: index)), priority: .background))
            }
            return outcome
        }
        timeline.fill(asked.series, bucket: bucket, page: page)
        timelines[asked.span] = timeline
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

/// The failures chart's requests: a series' first page (`bucket` nil), or one bucket's count.
struct DetailsChartTag: RequestTagKind {
    var span: DeliveryTimeline.Span
    var series: DeliveryTimeline.Series
    var bucket: Int?
}

/// A count of a webhook's deliveries of one status since `window` seconds ago, for details.
struct DetailsCountsTag: RequestTagKind {
    var window: Int
    var status: DeliveryStatus
}
