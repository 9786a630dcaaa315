/// A row a table can show: the text of each column.
public protocol TableRow: Sendable, Equatable {
    /// The text of one column, at most `width` columns wide (already made safe for the
    /// terminal), and its style. Longer text is cut at the end.
    func cell(_ column: Int, width: Int) -> (text: String, style: Style)
    /// The whole text of an identifying column (made safe for the terminal), which the table
    /// cuts itself so that rows on screen never look alike; nil for the others.
    func fullText(_ column: Int) -> String?
}

extension TableRow {
    public func fullText(_ column: Int) -> String? { nil }
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
    /// It tells rows apart (a name): it gets its longest value's width (up to `cap`) before any
    /// other column is widened, other columns give way before it is narrowed, and its cells
    /// are cut so that different values never look alike (`DistinctCut`).
    public var identifies: Bool
    public var cap: Int

    public init(_ title: String, width: Int? = nil, minimum: Int = 8, weight: Int = 1, dropRank: Int? = nil, identifies: Bool = false, cap: Int = 32) {
        self.title = title; self.width = width; self.minimum = minimum; self.weight = max(1, weight); self.dropRank = dropRank
        self.identifies = identifies; self.cap = max(minimum, cap)
    }

    /// Widths of the columns in a table this wide (one space between columns); 0 for a column
    /// left out. `natural`: the longest value of each identifying column (others are ignored).
    public static func widths(_ columns: [TableColumn], for width: Int, natural: [Int] = []) -> [Int] {
        // What an identifying column asks for: its longest value (at least its title), capped.
        func wanted(_ i: Int) -> Int {
            let c = columns[i]
            guard c.identifies, c.width == nil, natural.indices.contains(i) else { return c.width ?? c.minimum }
            return min(c.cap, max(c.minimum, natural[i], DisplayWidth.of(c.title)))
        }
        var shown = Array(columns.indices)
        func needed(_ size: (Int) -> Int) -> Int { shown.map(size).reduce(0, +) + max(0, shown.count - 1) }
        let droppable = columns.indices.filter { columns[$0].dropRank != nil }.sorted { columns[$0].dropRank! < columns[$1].dropRank! }
        // Other columns give way, lowest rank first, so that names stay whole; a name column
        // itself goes only when even the minimums do not fit.
        for index in droppable where !columns[index].identifies && needed(wanted) > width { shown.removeAll { $0 == index } }
        for index in droppable where needed({ columns[$0].width ?? columns[$0].minimum }) > width { shown.removeAll { $0 == index } }
        let fixed = shown.compactMap { columns[$0].width }.reduce(0, +) + max(0, shown.count - 1)
        let flexible = shown.filter { columns[$0].width == nil }
        var result = columns.indices.map { i in shown.contains(i) ? columns[i].width ?? columns[i].minimum : 0 }
        var extra = max(0, width - fixed - flexible.map { columns[$0].minimum }.reduce(0, +))
        // Names first, up to their longest value…
        for i in flexible where columns[i].identifies {
            let more = min(extra, wanted(i) - result[i])
            result[i] += max(0, more)
            extra -= max(0, more)
        }
        // …then the rest by weight among the others (names too when there are no others).
        let sharing = flexible.contains { !columns[$0].identifies } ? flexible.filter { !columns[$0].identifies } : flexible
        let weights = sharing.map { columns[$0].weight }.reduce(0, +)
        if weights > 0 {
            for i in sharing { result[i] += extra * columns[i].weight / weights }
            let left = extra - sharing.map { extra * columns[$0].weight / weights }.reduce(0, +)
            if let heaviest = sharing.max(by: { columns[$0].weight < columns[$1].weight }) { result[heaviest] += left }
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
    /// The longest value of each identifying column over every row (not only those on screen,
    /// so that widths hold still while scrolling); 0 for the others.
    public private(set) var natural: [Int] = []

    public init(columns: [TableColumn], rows: [Row] = [], viewHeight: Int = 10) {
        self.columns = columns
        self.rows = rows
        cursor = TableCursor(count: rows.count, viewHeight: viewHeight)
        natural = Self.natural(columns, rows)
    }

    static func natural(_ columns: [TableColumn], _ rows: [Row]) -> [Int] {
        columns.indices.map { i in
            guard columns[i].identifies else { return 0 }
            var widest = 0
            for row in rows { widest = max(widest, DisplayWidth.of(row.fullText(i) ?? "", upTo: columns[i].cap)) }
            return widest
        }
    }

    public var selection: Int { cursor.selection }
    public var top: Int { cursor.top }
    public var viewHeight: Int {
        get { cursor.viewHeight }
        set { cursor.viewHeight = newValue }
    }

    public var selectedRow: Row? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// New rows, keeping the selection on `keep` when it is still there, else near where it was.
    /// `natural`: the identifying columns' longest values when the caller knows them already
    /// (else measured here over every row).
    public mutating func setRows(_ newRows: [Row], keepingSelectionOn keep: ((Row) -> Bool)? = nil, natural known: [Int]? = nil) {
        rows = newRows
        natural = known ?? Self.natural(columns, rows)
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
    public func widths(for width: Int) -> [Int] { TableColumn.widths(columns, for: width, natural: natural) }

    /// Header on the first row of `rect`, rows below it.
    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        TableDrawing.draw(columns: columns, natural: natural, cursor: cursor, into: &grid, rect: rect, focused: focused,
                          full: { row, column in rows[row].fullText(column) }) { row, column, width in
            rows[row].cell(column, width: width)
        }
    }
}
