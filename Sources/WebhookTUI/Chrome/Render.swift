import JetEmailClient
import TerminalUI

/// Turns the state into what the screen shows. Pure: the same state gives the same grid. The
/// top screen draws itself into the rectangle between the title bar and the key bar; modals
/// draw over it, bottom to top.
public func render(_ state: AppState) -> Grid {
    var grid = Grid(columns: state.columns, rows: state.rows)
    guard Chrome.fits(state) else {
        TooSmallView.draw(state, into: &grid)
        return grid
    }
    let top = state.topScreen
    TitleBar.draw(state, title: top.screen.title, into: &grid)
    // A long status message takes rows from the bottom of the screen's rectangle (the screen
    // draws it from its last row down).
    let context = state.context(for: top.id)
    top.screen.draw(into: &grid, rect: Rect(row: 1, column: 0, width: grid.columns, height: context.rows - 2),
                    focused: state.modals.isEmpty, context: context)
    let entries = Chrome.barEntries(state)
    // Help, and the way out (quit on the home screen, back on the others), are always in view
    // where they work; the rest fill what is left, most useful first.
    let home = state.screens.count == 1
    let pinned = entries.filter { $0.pin == .always || $0.pin == (home ? .onHome : .offHome) }
    KeyBarLine.draw(entries, pinned: pinned, into: &grid)
    for (index, entry) in state.modals.enumerated() {
        entry.modal.draw(into: &grid, focused: index == state.modals.count - 1, context: state.context(for: entry.id))
    }
    return grid
}

/// What every screen shares: the size check and the key bar.
enum Chrome {
    /// Whether the window can hold the top screen.
    static func fits(_ s: AppState) -> Bool {
        let minimum = s.topScreen.screen.minimumSize
        return s.columns >= minimum.columns && s.rows >= minimum.rows
    }

    /// The keys that work now: the top modal's (each says what it shows), or the screen's and
    /// then the ones that work everywhere.
    static func barEntries(_ s: AppState) -> [BarEntry] {
        if let modal = s.topModal { return modal.barEntries }
        return s.topScreen.screen.barEntries + GlobalBindings.table.barEntries(on: s)
    }
}
