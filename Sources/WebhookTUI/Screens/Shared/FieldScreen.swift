import TerminalUI

/// A screen of `label  value` lines that scrolls (a webhook's details, an event's): where the
/// lines go, and scrolling them, shared; each screen says what its lines are.
protocol FieldScreen {
    var top: Int { get set }
    func lines(width: Int, clock: WallClock, now: Double) -> [[Span]]
    /// Lines after those, made once for a width (an event's payload); none by default.
    func tail(width: Int) -> [[Span]]
}

extension FieldScreen {
    func tail(width: Int) -> [[Span]] { [] }

    static func viewRect(columns: Int, rows: Int) -> Rect { Rect(row: 2, column: 2, width: columns - 4, height: rows - 4) }

    func scrollView(columns: Int, rows: Int, clock: WallClock, now: Double) -> ScrollView {
        let rect = Self.viewRect(columns: columns, rows: rows)
        return ScrollView(lines: lines(width: rect.width, clock: clock, now: now), tail: tail(width: rect.width), viewHeight: rect.height, top: top)
    }

    mutating func scroll(_ action: ScrollView.Action, key: Key, app s: AppState) {
        var view = scrollView(columns: s.columns, rows: s.rows, clock: s.clock, now: s.now)
        _ = view.perform(action, key: key)
        top = view.top
    }

    /// The lines, with "↑↓ more" when they do not all fit, and the status line.
    func drawLines(app s: AppState, into grid: inout Grid) {
        let view = scrollView(columns: grid.columns, rows: grid.rows, clock: s.clock, now: s.now)
        view.draw(into: &grid, rect: Self.viewRect(columns: grid.columns, rows: grid.rows), focused: true)
        if view.canScroll { grid.put("↑↓ more", row: 1, column: grid.columns - 9, style: .muted) }
        StatusLine.draw(status: s.status, rateLimit: s.rateLimit, now: s.now, into: &grid)
    }
}
