/// A question in a box: `y` or `Y` confirms, every other key declines. Nothing else can happen
/// while it is open, so a stray key never confirms. A question may offer a second, explicit
/// choice on a key of its own (`a`: to every subscribed webhook).
public struct ConfirmDialog: Widget {
    public enum Action: Sendable, Equatable { case confirm, alternative, decline }

    /// The second choice: its key and what it does.
    public struct Alternative: Sendable, Equatable {
        public var key: Character
        public var label: String
        public init(key: Character, label: String) { self.key = key; self.label = label }
    }

    public var title: String
    public var message: String
    /// The question itself, ending in `y/N`.
    public var question: String
    public var confirmLabel: String
    public var alternative: Alternative?
    public var style: Style

    public init(title: String, message: String, question: String, confirmLabel: String, alternative: Alternative? = nil,
                style: Style = Style(.warning, bold: true)) {
        self.title = title
        self.message = message
        self.question = question
        self.confirmLabel = confirmLabel
        self.alternative = alternative
        self.style = style
    }

    public var bindings: [KeyBinding<Action>] {
        [KeyBinding([.character("y"), .character("Y")], keys: "y", bar: BarEntry("y", confirmLabel), help: confirmLabel, .confirm)]
            + (alternative.map { other in
                [KeyBinding([.character(other.key)], keys: String(other.key), bar: BarEntry(String(other.key), other.label), help: other.label, .alternative)]
            } ?? [])
            + [KeyBinding([.anyKey], keys: "any other key", bar: BarEntry("any other key", "stays"), help: "cancel", .decline)]
    }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse {
        action == .decline ? .declined : .activated
    }

    /// The box it draws in a screen of this size, and the lines of its message and question.
    /// The question wraps rather than being cut, so its `y/N` is always in view; a message too
    /// long for the screen gives way first.
    public func layout(in grid: Grid, maxWidth: Int = 64) -> (box: Rect, message: [String], question: [String]) {
        let width = max(10, min(grid.columns - 4, maxWidth))
        let question = Wrap.lines(self.question, width: width - 4)
        let room = max(0, grid.rows - 4 - question.count)
        var message = Wrap.lines(self.message, width: width - 4)
        if message.count > room {
            message = Array(message.prefix(max(0, room - 1))) + (room > 0 ? [DisplayWidth.truncate(message[room - 1] + " …", to: width - 4)] : [])
        }
        let box = Rect.centred(width: width, height: min(grid.rows, 4 + message.count + question.count), in: grid)
        return (box, message, question)
    }

    public func frame(in grid: Grid, maxWidth: Int = 64) -> Rect { layout(in: grid, maxWidth: maxWidth).box }

    /// Centred in the grid (`rect` is the area it may use).
    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        let (box, message, question) = layout(in: grid)
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: title, style: style)
        for (i, line) in message.enumerated() {
            grid.put(line, row: box.row + 2 + i, column: box.column + 2)
        }
        let first = box.bottom - 1 - question.count
        for (i, line) in question.enumerated() {
            grid.put(line, row: first + i, column: box.column + 2, style: Style(.normal, bold: true), width: box.width - 4)
        }
    }
}
