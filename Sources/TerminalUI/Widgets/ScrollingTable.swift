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
    /// When the table is too narrow for every column, columns with a drop rank are left out,
    /// lowest rank first, until the rest fit; nil: always shown.
    public var dropRank: Int?

    public init(_ title: String, width: Int? = nil, minimum: Int = 8, weight: Int = 1, dropRank: Int? = nil) {
        self.title = title; self.width = width; self.minimum = minimum; self.weight = max(1, weight); self.dropRank = dropRank
    }

    /// Widths of the columns in a table this wide (one space between columns); 0 for a column left out.
    public static func widths(_ columns: [TableColumn], for width: Int) -> [Int] {
        var shown = Array(columns.indices)
        func needed() -> Int { shown.map { columns[$0].width ?? columns[$0].minimum }.reduce(0, +) + max(0, shown.count - 1) }
        let droppable = columns.indices.filter { columns[$0].dropRank != nil }.sorted { columns[$0].dropRank! < columns[$1].dropRank! }
        for index in droppable where needed() > width { shown.removeAll { $0 == index } }
        let fixed = shown.compactMap { columns[$0].width }.reduce(0, +) + max(0, shown.count - 1)
        let flexible = shown.filter { columns[$0].width == nil }
        // Each flexible column gets its minimum, then a share of what is left by weight; what
        // rounding leaves goes to the heaviest. Never wider in all than `width` once it fits.
        let minimums = flexible.map { columns[$0].minimum }.reduce(0, +)
        let weights = flexible.map { columns[$0].weight }.reduce(0, +)
        let extra = max(0, width - fixed - minimums)
        var result = columns.indices.map { i in shown.contains(i) ? columns[i].width ?? columns[i].minimum : 0 }
        if weights > 0 {
            for i in flexible { result[i] += extra * columns[i].weight / weights }
            let left = extra - flexible.map { extra * columns[$0].weight / weights }.reduce(0, +)
            if let heaviest = flexible.max(by: { columns[$0].weight < columns[$1].weight }) { result[heaviest] += left }
        }
        return result
    }
}

/// A list of rows in memory with a header and a selection, scrolled to keep the selection in
/// view. Drawing costs the visible rows only, however many rows there are.
public struct ScrollingTable<Row: TableRow>: Widget {
    public typealias Action = TableCursor.Action

    public var columns: [TableColumn]
    public private(set) var rows: [Row]
    public private(set) var cursor: TableCursor

    public init(columns: [TableColumn], rows: [Row] = [], viewHeight: Int = 10) {
        self.columns = columns
        self.rows = rows
        cursor = TableCursor(count: rows.count, viewHeight: viewHeight)
    }

    public var selection: Int { cursor.selection }
    public var top: Int { cursor.top }
    public var viewHeight: Int {
        get { cursor.viewHeight }
        set { cursor.viewHeight = newValue }
    }

    public var selectedRow: Row? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// New rows, keeping the selection on `keep` when it is still there, else near where it was.
    public mutating func setRows(_ newRows: [Row], keepingSelectionOn keep: ((Row) -> Bool)? = nil) {
        rows = newRows
        cursor.setCount(rows.count)
        if let keep, let index = rows.firstIndex(where: keep) { cursor.select(index) }
    }

    public mutating func select(_ index: Int) { cursor.select(index) }

    public var bindings: [KeyBinding<Action>] { TableCursor.bindings }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse {
        cursor.perform(action)
        return .moved
    }

    /// Widths of the columns in a table this wide (one space between columns).
    public func widths(for width: Int) -> [Int] { TableColumn.widths(columns, for: width) }

    /// Header on the first row of `rect`, rows below it.
    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        TableDrawing.draw(columns: columns, cursor: cursor, into: &grid, rect: rect, focused: focused) { row, column, width in
            rows[row].cell(column, width: width)
        }
    }
}
