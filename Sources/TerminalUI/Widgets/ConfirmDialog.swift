/// A question in a box: `y` or `Y` confirms, every other key declines. Nothing else can happen
/// while it is open, so a stray key never confirms.
public struct ConfirmDialog: Widget {
    public enum Action: Sendable, Equatable { case confirm, decline }

    public var title: String
    public var message: String
    /// The question itself, ending in `y/N`.
    public var question: String
    public var confirmLabel: String
    public var style: Style

    public init(title: String, message: String, question: String, confirmLabel: String, style: Style = Style(.warning, bold: true)) {
        self.title = title
        self.message = message
        self.question = question
        self.confirmLabel = confirmLabel
        self.style = style
    }

    public var bindings: [KeyBinding<Action>] {
        [
            KeyBinding([.character("y"), .character("Y")], keys: "y", bar: BarEntry("y", confirmLabel), help: confirmLabel, .confirm),
            KeyBinding([.anyKey], keys: "any other key", bar: BarEntry("any other key", "stays"), help: "cancel", .decline),
        ]
    }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse {
        action == .confirm ? .activated : .declined
    }

    /// The box it draws in a screen of this size.
    public func frame(in grid: Grid, maxWidth: Int = 64) -> Rect {
        let width = min(grid.columns - 4, maxWidth)
        let lines = Wrap.lines(message, width: width - 4)
        return Rect.centred(width: width, height: 5 + lines.count, in: grid)
    }

    /// Centred in the grid (`rect` is the area it may use).
    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        let box = frame(in: grid)
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: title, style: style)
        for (i, line) in Wrap.lines(message, width: box.width - 4).enumerated() {
            grid.put(line, row: box.row + 2 + i, column: box.column + 2)
        }
        grid.put(question, row: box.bottom - 2, column: box.column + 2, style: Style(.normal, bold: true), width: box.width - 4)
    }
}
