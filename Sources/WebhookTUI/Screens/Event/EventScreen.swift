import JetEmailClient
import TerminalUI

/// One event of the log: where it went, how it went, and its payload as indented JSON.
public struct EventScreen: FieldScreen {
    public var delivery: Delivery
    public var webhookName: String?
    /// The log it was opened from belongs to this webhook (replay goes to it only), or to all.
    public var scope: Webhook?
    public var top = 0
    /// The payload as indented lines, made once (not on every key and frame); nil: no payload.
    let payloadLines: [String]?
    /// Those lines wrapped for the width they were last fitted to (at most `payloadLineLimit`):
    /// made once per width, so that a key never wraps a payload again.
    private(set) var wrapped: (width: Int, lines: [[Span]]) = (0, [])

    /// A payload longer than this is cut on screen, so that a key never waits on a huge one.
    static let payloadLineLimit = 2_000

    public init(delivery: Delivery, webhookName: String?, scope: Webhook?) {
        self.delivery = delivery
        self.webhookName = webhookName
        self.scope = scope
        payloadLines = delivery.payload.map(JSONPretty.lines)
    }

    public static func == (a: EventScreen, b: EventScreen) -> Bool {
        a.delivery == b.delivery && a.webhookName == b.webhookName && a.scope == b.scope && a.top == b.top
    }

    public var title: String { "Event" }
    public var minimumSize: Size { Self.fieldMinimumSize }
    public var keys: [Binding<EventScreen>] { Self.mainKeys + Self.scrollKeys }
    public var helpSections: [HelpSection] { Self.referenceSections }

    /// Wraps the payload for a window this wide, unless it is wrapped for it already.
    public mutating func fit(_ context: ScreenContext) {
        let width = Self.viewRect(columns: context.columns, rows: 0).width
        if wrapped.width != width { wrapped = (width, Self.wrap(payloadLines, width: width)) }
    }

    func tail(width: Int) -> [[Span]] {
        // Not fitted to this width yet (a frame before the resize reached the state): the
        // payload is cut at the edge for that frame, never wrapped here.
        wrapped.width == width ? wrapped.lines : (payloadLines ?? []).prefix(Self.payloadLineLimit).map { [Span("  " + $0)] }
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        drawLines(header: TerminalSafe.escaped(delivery.eventType.rawValue) + " · " + TerminalSafe.escaped(delivery.id), rect: rect,
                  context: context, into: &grid)
    }
}
