/// The selection and scroll position of a table of `count` rows, and the keys that move them.
/// A table whose rows are all in memory (`ScrollingTable`) and one that pages them in from a
/// server (the delivery log, where most rows are not loaded) move the same way.
public struct TableCursor: Sendable, Equatable {
    public enum Action: Sendable, Equatable { case up, down, pageUp, pageDown, first, last }

    public private(set) var count: Int
    public private(set) var selection = 0
    /// First visible row.
    public private(set) var top = 0
    /// Rows visible below the header; the owner sets it from the layout (page size for PgUp/PgDn).
    public var viewHeight: Int { didSet { viewHeight = max(1, viewHeight); scrollToSelection() } }

    public init(count: Int = 0, viewHeight: Int = 10) {
        self.count = max(0, count)
        self.viewHeight = max(1, viewHeight)
    }

    public static let bindings: [KeyBinding<Action>] = [
        KeyBinding([.up, .character("k")], keys: "↑ or k", bar: BarEntry("↑↓", "move"), help: "previous row", .up),
        KeyBinding([.down, .character("j")], keys: "↓ or j", help: "next row", .down),
        KeyBinding([.pageUp], keys: "PgUp", help: "one page up", .pageUp),
        KeyBinding([.pageDown], keys: "PgDn", help: "one page down", .pageDown),
        KeyBinding([.home, .character("g")], keys: "Home or g", help: "first row", .first),
        KeyBinding([.end, .character("G")], keys: "End or G", help: "last row", .last),
    ]

    /// The number of rows changed; the selection stays where it was, within the new bounds.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        select(selection)
    }

    /// `added` rows were put above the first: the selection stays on its row; with
    /// `keepingView` the same rows stay on screen too (else the view stays at the top, showing them).
    public mutating func insertAbove(_ added: Int, keepingView: Bool) {
        guard added > 0 else { return }
        count = count > Int.max - added ? Int.max : count + added
        if keepingView { top = top > Int.max - added ? top : top + added }
        select(selection > Int.max - added ? selection : selection + added)
    }

    public mutating func select(_ index: Int) {
        selection = min(max(0, index), max(0, count - 1))
        scrollToSelection()
    }

    public mutating func perform(_ action: Action) {
        let page = max(1, viewHeight - 1)
        switch action {
        case .up: select(selection - 1)
        case .down: select(selection + 1)
        case .pageUp: select(selection - page)
        case .pageDown: select(selection + page)
        case .first: select(0)
        case .last: select(count - 1)
        }
    }

    /// The rows on screen.
    public var visible: Range<Int> { top..<min(count, top + viewHeight) }

    private mutating func scrollToSelection() {
        if selection < top { top = selection }
        if selection >= top + viewHeight { top = selection - viewHeight + 1 }
        top = max(0, min(top, max(0, count - viewHeight)))
    }
}

/// Drawing a table: a header, then the visible rows, the selected one highlighted. Columns the
/// width cannot hold are left out (see `TableColumn.widths`).
public enum TableDrawing {
    /// `natural` and `full`: identifying columns' longest values, and a row's whole text in one,
    /// cut here among the rows on screen so that none looks like another (`DistinctCut`).
    public static func draw(columns: [TableColumn], natural: [Int] = [], cursor: TableCursor, into grid: inout Grid, rect: Rect, focused: Bool,
                            full: ((_ row: Int, _ column: Int) -> String?)? = nil,
                            cell: (_ row: Int, _ column: Int, _ width: Int) -> (text: String, style: Style)) {
        let widths = TableColumn.widths(columns, for: rect.width, natural: natural)
        var x = rect.column
        for (column, width) in zip(columns, widths) where width > 0 {
            grid.put(column.title, row: rect.row, column: x, style: Style(.normal, bold: true, underline: true), width: width)
            x += width + 1
        }
        let visible = min(rect.height - 1, cursor.count - cursor.top)
        guard visible > 0 else { return }
        var cuts: [Int: [String]] = [:]
        if let full {
            for (column, width) in widths.enumerated() where width > 0 && columns[column].identifies {
                let texts = (0..<visible).map { full(cursor.top + $0, column) }
                if texts.allSatisfy({ $0 != nil }) { cuts[column] = DistinctCut.cuts(texts.map { $0! }, width: width) }
            }
        }
        for offset in 0..<visible {
            let index = cursor.top + offset
            let row = rect.row + 1 + offset
            x = rect.column
            for (column, width) in widths.enumerated() where width > 0 {
                var c = cell(index, column, width)
                if let cut = cuts[column]?[offset] { c.text = cut }
                grid.put(DisplayWidth.truncate(c.text, to: width), row: row, column: x, style: c.style, width: width)
                x += width + 1
            }
            if index == cursor.selection {
                grid.restyle(row: row, column: rect.column, width: rect.width) { $0.reverse = focused; $0.bold = true }
                if focused { grid.cursor = (row, rect.column) }
            }
        }
    }
}
