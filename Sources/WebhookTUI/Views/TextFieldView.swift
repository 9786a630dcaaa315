import TerminalUI

/// A labelled single-line input that scrolls horizontally to keep the cursor in view.
enum TextFieldView {
    static func draw(_ field: TextField, control: Control, state: AppState, row: Int, into grid: inout Grid, showCursor: Bool) {
        FormView.label(control, state: state, row: row, into: &grid)
        let width = Layout.fieldWidth(control, columns: grid.columns)
        let focused = state.form.focus == control && showCursor
        let (visible, cursorOffset) = window(field, width: width)
        grid.fill(row: row, column: Layout.fieldColumn, width: width, style: Style(.normal, underline: true))
        // Typed text is plain and the empty rest of the box underlined, focused or not: the label
        // and the cursor show focus, and a keystroke costs the terminal only the character itself.
        grid.put(visible, row: row, column: Layout.fieldColumn, style: .plain, width: width)
        if focused { grid.cursor = (row, Layout.fieldColumn + cursorOffset) }
    }

    /// The visible part of the text and the cursor's column within it. The view starts at the
    /// beginning while the cursor fits, and otherwise keeps the cursor at the right edge.
    static func window(_ field: TextField, width: Int) -> (String, Int) {
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
