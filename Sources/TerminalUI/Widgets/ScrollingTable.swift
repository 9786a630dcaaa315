/// A row a table can show: the text of each column.
public protocol TableRow: Sendable, Equatable {
    /// The text of one column, at most `width` columns wide (already made safe for the
    /// terminal), and its style. Longer text is cut at the end.
    func cell(_ column: Int, width: Int) -> (text: String, style: Style)
}

public struct TableColumn: Sendable, Equatable {
    public var title: String
    /// Fixed width, or nil to share what the fixed columns leave (at least `minimum`).
    public var width: Int?
    public var minimum: Int
    /// A flexible column's share of the room left, against the other flexible ones.
    public var weight: Int

    public init(_ title: String, width: Int? = nil, minimum: Int = 8, weight: Int = 1) {
        self.title = title; self.width = width; self.minimum = minimum; self.weight = max(1, weight)
    }
}

/// A list of rows with a header and a selection, scrolled to keep the selection in view.
/// Drawing costs the visible rows only, however many rows there are.
public struct ScrollingTable<Row: TableRow>: Widget {
    public enum Action: Sendable, Equatable { case up, down, pageUp, pageDown, first, last }

    public var columns: [TableColumn]
    public private(set) var rows: [Row]
    public private(set) var selection = 0
    /// First visible row.
    public private(set) var top = 0
    /// Rows visible below the header; the owner sets it from the layout (page size for PgUp/PgDn).
    public var viewHeight: Int { didSet { scrollToSelection() } }

    public init(columns: [TableColumn], rows: [Row] = [], viewHeight: Int = 10) {
        self.columns = columns
        self.rows = rows
        self.viewHeight = max(1, viewHeight)
    }

    public var selectedRow: Row? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// New rows, keeping the selection on `keep` when it is still there, else near where it was.
    public mutating func setRows(_ newRows: [Row], keepingSelectionOn keep: ((Row) -> Bool)? = nil) {
        rows = newRows
        if let keep, let index = rows.firstIndex(where: keep) { selection = index }
        selection = min(max(0, selection), max(0, rows.count - 1))
        scrollToSelection()
    }

    public mutating func select(_ index: Int) {
        selection = min(max(0, index), max(0, rows.count - 1))
        scrollToSelection()
    }

    public var bindings: [KeyBinding<Action>] {
        [
            KeyBinding([.up, .character("k")], keys: "↑ or k", bar: BarEntry("↑↓", "move"), help: "previous row", .up),
            KeyBinding([.down, .character("j")], keys: "↓ or j", help: "next row", .down),
            KeyBinding([.pageUp], keys: "PgUp", help: "one page up", .pageUp),
            KeyBinding([.pageDown], keys: "PgDn", help: "one page down", .pageDown),
            KeyBinding([.home, .character("g")], keys: "Home or g", help: "first row", .first),
            KeyBinding([.end, .character("G")], keys: "End or G", help: "last row", .last),
        ]
    }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse {
        let page = max(1, viewHeight - 1)
        switch action {
        case .up: select(selection - 1)
        case .down: select(selection + 1)
        case .pageUp: select(selection - page)
        case .pageDown: select(selection + page)
        case .first: select(0)
        case .last: select(rows.count - 1)
        }
        return .moved
    }

    private mutating func scrollToSelection() {
        if selection < top { top = selection }
        if selection >= top + viewHeight { top = selection - viewHeight + 1 }
        top = max(0, min(top, max(0, rows.count - viewHeight)))
    }

    /// Widths of the columns in a table this wide (one space between columns).
    public func widths(for width: Int) -> [Int] {
        let fixed = columns.compactMap(\.width).reduce(0, +) + max(0, columns.count - 1)
        let weights = columns.filter { $0.width == nil }.map(\.weight).reduce(0, +)
        let room = max(0, width - fixed)
        return columns.map { $0.width ?? max($0.minimum, weights == 0 ? 0 : room * $0.weight / weights) }
    }

    /// Header on the first row of `rect`, rows below it.
    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        let widths = widths(for: rect.width)
        var x = rect.column
        for (column, width) in zip(columns, widths) {
            grid.put(column.title, row: rect.row, column: x, style: Style(.normal, bold: true, underline: true), width: width)
            x += width + 1
        }
        let visible = min(rect.height - 1, rows.count - top)
        guard visible > 0 else { return }
        for offset in 0..<visible {
            let index = top + offset
            let row = rect.row + 1 + offset
            x = rect.column
            for (column, width) in widths.enumerated() {
                let cell = rows[index].cell(column, width: width)
                grid.put(DisplayWidth.truncate(cell.text, to: width), row: row, column: x, style: cell.style, width: width)
                x += width + 1
            }
            if index == selection {
                grid.restyle(row: row, column: rect.column, width: rect.width) { $0.reverse = focused; $0.bold = true }
                if focused { grid.cursor = (row, rect.column) }
            }
        }
    }
}
