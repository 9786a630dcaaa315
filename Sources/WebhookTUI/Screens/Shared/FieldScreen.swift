import TerminalUI

/// A screen of `label  value` lines that scrolls (a webhook's details, an event's): where the
/// lines go, scrolling them and their keys, shared; each screen says what its lines are.
protocol FieldScreen: Screen {
    var top: Int { get set }
    func lines(width: Int, context: ScreenContext) -> [[Span]]
    /// Lines after those, made once for a width (an event's payload); none by default.
    func tail(width: Int) -> [[Span]]
}

extension FieldScreen {
    func tail(width: Int) -> [[Span]] { [] }

    /// The size details and an event need (as the list and the log do).
    static var fieldMinimumSize: Size { Size(columns: 60, rows: 10) }

    /// Where the lines go in the screen's rectangle: below its header line, above its status line.
    static func viewRect(columns: Int, rows: Int) -> Rect { Rect(row: 2, column: 2, width: columns - 4, height: rows - 4) }

    func scrollView(_ context: ScreenContext) -> ScrollView {
        let rect = Self.viewRect(columns: context.columns, rows: context.rows)
        return ScrollView(lines: lines(width: rect.width, context: context), tail: tail(width: rect.width), viewHeight: rect.height, top: top)
    }

    /// The scrolling keys, for any screen of lines.
    static var scrollKeys: [Binding<Self>] {
        ScrollView(lines: []).bindings.map { widget in
            Binding(widget) { screen, action, key, context in
                var view = screen.scrollView(context)
                _ = view.perform(action, key: key)
                screen.top = view.top
                return .none
            }
        }
    }

    /// The header line, the lines (with "↑↓ more" when they do not all fit) and the status line.
    func drawLines(header: String, rect: Rect, context: ScreenContext, into grid: inout Grid) {
        grid.put(" " + header, row: rect.row, column: rect.column, style: Style(.normal, bold: true), width: rect.width - 1)
        var sized = context
        sized.columns = grid.columns
        sized.rows = min(grid.rows, context.rows)
        let view = scrollView(sized)
        view.draw(into: &grid, rect: Self.viewRect(columns: sized.columns, rows: sized.rows), focused: true)
        if view.canScroll { grid.put("↑↓ more", row: rect.row, column: rect.right - 9, style: .muted) }
        StatusLine.draw(context, row: rect.bottom - 1, into: &grid)
    }
}
