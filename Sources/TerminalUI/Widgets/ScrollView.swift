/// A run of text with its own styles, part of a line.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style
    /// Pads (or cuts) the span to this many columns.
    public var width: Int?

    public init(_ text: String, _ style: Style = .plain, width: Int? = nil) {
        self.text = text; self.style = style; self.width = width
    }
}

/// Lines of text taller than the room for them, scrolled with the arrows and page keys.
/// Lines are cut at the right edge; the owner wraps them first if they must be read whole.
public struct ScrollView: Widget {
    public enum Action: Sendable, Equatable { case up, down, pageUp, pageDown, first, last }

    public private(set) var lines: [[Span]]
    /// More lines after `lines`, kept apart so that a long body made once (a payload) is never
    /// copied to be put after a short head made each time.
    public private(set) var tail: [[Span]]
    public private(set) var top = 0
    /// Lines visible; the owner sets it from the layout.
    public var viewHeight: Int { didSet { top = min(top, maxTop) } }

    public init(lines: [[Span]], tail: [[Span]] = [], viewHeight: Int = 10, top: Int = 0) {
        self.lines = lines
        self.tail = tail
        self.viewHeight = max(1, viewHeight)
        self.top = min(max(0, top), max(0, lines.count + tail.count - self.viewHeight))
    }

    public var lineCount: Int { lines.count + tail.count }
    private var maxTop: Int { max(0, lineCount - viewHeight) }
    public var canScroll: Bool { lineCount > viewHeight }

    private func line(_ index: Int) -> [Span] { index < lines.count ? lines[index] : tail[index - lines.count] }

    public var bindings: [KeyBinding<Action>] {
        [
            KeyBinding([.up, .character("k")], keys: "↑ or k", bar: BarEntry("↑↓", "scroll"), help: "scroll up a line", .up),
            KeyBinding([.down, .character("j")], keys: "↓ or j", help: "scroll down a line", .down),
            KeyBinding([.pageUp], keys: "PgUp", help: "one page up", .pageUp),
            KeyBinding([.pageDown, .character(" ")], keys: "PgDn or Space", help: "one page down", .pageDown),
            KeyBinding([.home, .character("g")], keys: "Home or g", help: "top", .first),
            KeyBinding([.end, .character("G")], keys: "End or G", help: "bottom", .last),
        ]
    }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse {
        let page = max(1, viewHeight - 1)
        switch action {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= page
        case .pageDown: top += page
        case .first: top = 0
        case .last: top = maxTop
        }
        top = min(max(0, top), maxTop)
        return .moved
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        let visible = min(rect.height, lineCount - top)
        guard visible > 0 else { return }
        for offset in 0..<visible {
            var x = rect.column
            for span in line(top + offset) {
                let room = rect.right - x
                guard room > 0 else { break }
                let width = min(span.width ?? room, room)
                grid.put(span.text, row: rect.row + offset, column: x, style: span.style, width: width)
                x = span.width == nil ? x + min(DisplayWidth.of(span.text, upTo: room), room) : x + width
            }
        }
    }
}
