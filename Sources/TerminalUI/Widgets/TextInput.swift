/// A single-line input box: a text field, plain or masked (one dot per character, for keys).
/// It scrolls sideways to keep the cursor in view.
public struct TextInput: Widget {
    public var field: TextField
    public var masked: Bool

    public init(_ text: String = "", masked: Bool = false, selected: Bool = false) {
        field = TextField(text, selected: selected)
        self.masked = masked
    }

    public var text: String { field.text }
    public var isEmpty: Bool { field.isEmpty }

    public var bindings: [KeyBinding<TextEdit>] { TextField.bindings }

    public mutating func perform(_ action: TextEdit, key: Key) -> WidgetResponse {
        let before = field.text
        let dropped = field.apply(action, key: key)
        if dropped != TextField.Dropped() { return .changedDropping(dropped) }
        return field.text == before ? .moved : .changed
    }

    /// Typed text is plain and the empty rest of the box underlined, focused or not: the label
    /// and the cursor show focus, and a keystroke costs the terminal only the character itself.
    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        draw(into: &grid, rect: rect, focused: focused, textStyle: .plain)
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, textStyle: Style) {
        grid.fill(row: rect.row, column: rect.column, width: rect.width, style: .input)
        let (visible, cursor) = masked ? maskedWindow(width: rect.width) : Self.window(field, width: rect.width)
        // A selected prefill shows reversed: typing replaces it.
        let style = field.selected ? Style(textStyle.role, bold: textStyle.bold, reverse: true) : textStyle
        grid.put(visible, row: rect.row, column: rect.column, style: style, width: rect.width, marksCut: false)
        if focused { grid.cursor = (rect.row, rect.column + cursor) }
    }

    /// Masked: dots only, never the text itself.
    private func maskedWindow(width: Int) -> (String, Int) {
        let shown = min(field.characters.count, max(0, width - 1))
        return (String(repeating: "•", count: shown), min(field.cursor, max(0, width - 1)))
    }

    /// The visible part of the text and the cursor's column within it. The view starts at the
    /// beginning while the cursor fits, and otherwise keeps the cursor at the right edge.
    public static func window(_ field: TextField, width: Int) -> (String, Int) {
        let chars = field.characters
        let before = chars[..<field.cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        if before < width { return (String(chars), before) }
        var start = field.cursor
        var used = 0
        while start > 0, used + DisplayWidth.of(chars[start - 1]) <= width - 1 {
            start -= 1
            used += DisplayWidth.of(chars[start])
        }
        return (String(chars[start...]), used)
    }
}
