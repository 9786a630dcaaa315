/// `[ Create webhook ]`: Enter or Space presses it.
public struct Button: Widget {
    public enum Action: Sendable, Equatable { case press }

    public var title: String
    /// The key bar's word for pressing it.
    public var barLabel: String
    /// The help line: what pressing it does.
    public var meaning: String

    public init(_ title: String, bar: String, meaning: String) {
        self.title = title
        barLabel = bar
        self.meaning = meaning
    }

    public var bindings: [KeyBinding<Action>] {
        [KeyBinding([.enter, .character(" ")], keys: "Enter or Space", bar: BarEntry("Enter", barLabel), help: meaning, .press)]
    }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse { .activated }

    public var label: String { "[ \(title) ]" }
    public var width: Int { DisplayWidth.of(label) }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        grid.put(label, row: rect.row, column: rect.column, style: focused ? .focused : Style(.accent, bold: true), width: rect.width)
        if focused { grid.cursor = (rect.row, rect.column + 2) }
    }
}
