/// Two choices side by side, one chosen: `(•) Enabled  ( ) Disabled`.
public struct Toggle: Widget {
    public enum Action: Sendable, Equatable { case flip }

    public var isOn: Bool
    public var onLabel: String
    public var offLabel: String

    public init(isOn: Bool, on: String, off: String) {
        self.isOn = isOn
        onLabel = on
        offLabel = off
    }

    public var bindings: [KeyBinding<Action>] {
        [KeyBinding([.character(" "), .left, .right, .character("h"), .character("l")],
                    keys: "Space, ←/→ or h/l", bar: BarEntry("Space", "toggle"), help: "switch between \(onLabel) and \(offLabel)", .flip)]
    }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse {
        isOn.toggle()
        return .changed
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        let chosen = Style(.normal, bold: true, reverse: focused)
        let first = "(\(isOn ? "•" : " ")) \(onLabel)"
        grid.put(first, row: rect.row, column: rect.column, style: isOn ? chosen : .plain, width: rect.width)
        let second = rect.column + DisplayWidth.of(first) + 3
        grid.put("(\(isOn ? " " : "•")) \(offLabel)", row: rect.row, column: second, style: isOn ? .plain : chosen, width: rect.right - second)
    }

    /// Columns used by the two choices (where a hint beside them may start).
    public var width: Int { DisplayWidth.of("(•) \(onLabel)") + 3 + DisplayWidth.of("(•) \(offLabel)") }
}
