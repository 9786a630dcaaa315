import SafeText

/// One screen cell. A wide character fills its cell and marks the next as `continuation`.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var style: Style
    public var continuation: Bool

    public static let blank = Cell(character: " ", style: .plain, continuation: false)
}

/// What the screen should show: a grid of cells and where the cursor goes.
public struct Grid: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public private(set) var cells: [Cell]
    /// (row, column) of the visible cursor, or nil to hide it.
    public var cursor: (row: Int, column: Int)?

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * columns + column]
    }

    /// Writes text from (row, column), clipped to `width` columns and the grid; returns the
    /// column after the last character written. A control character or bidirectional override
    /// is written as its escape (`\x1b`): whatever text reaches the grid, none of it can act on
    /// the terminal or reorder what is shown. Text that does not fit ends in `…`, so that a cut
    /// never reads as the whole (a URL, a path, a sentence); `marksCut: false` for what scrolls
    /// on its own (a text field, whose cursor may stand in the last cell).
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, width: Int? = nil, marksCut: Bool = true) -> Int {
        guard row >= 0, row < rows else { return column }
        let limit = min(columns, column + (width ?? columns))
        var x = column
        // Where the last character written began: the cut mark goes there.
        var lastStart: Int?
        var taken = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if w == 0 { taken += 1; continue }
            if x + w > limit {
                // Padding that does not fit is no cut.
                if marksCut, text.dropFirst(taken).prefix(256).contains(where: { $0 != " " }) {
                    markCut(row: row, from: lastStart ?? x, to: x, limit: limit, style: style)
                }
                return x
            }
            taken += 1
            lastStart = x
            if let escape = TerminalSafe.visible(c) {
                for e in escape {
                    if x >= 0 { cells[row * columns + x] = Cell(character: e, style: style, continuation: false) }
                    x += 1
                }
                continue
            }
            if x >= 0 {
                cells[row * columns + x] = Cell(character: c, style: style, continuation: false)
                if w == 2 { cells[row * columns + x + 1] = Cell(character: " ", style: style, continuation: true) }
            }
            x += w
        }
        return x
    }

    /// The text went on past `limit`: `…` replaces the last character written (which began at
    /// `from` and ended before `to`), or takes the free cell before the limit.
    private mutating func markCut(row: Int, from: Int, to: Int, limit: Int, style: Style) {
        let at = to < limit ? to : from
        guard at >= 0, at < columns, at < limit else { return }
        cells[row * columns + at] = Cell(character: "…", style: style, continuation: false)
        for x in (at + 1)..<max(at + 1, min(to, limit)) { cells[row * columns + x] = Cell(character: " ", style: style, continuation: false) }
    }

    /// Paints `width` cells from (row, column) with spaces in a style.
    public mutating func fill(row: Int, column: Int, width: Int, style: Style) {
        guard row >= 0, row < rows else { return }
        for x in max(0, column)..<min(columns, column + width) { cells[row * columns + x] = Cell(character: " ", style: style, continuation: false) }
    }

    /// Changes the style of cells already written (to highlight a row).
    public mutating func restyle(row: Int, column: Int, width: Int, _ change: (inout Style) -> Void) {
        guard row >= 0, row < rows else { return }
        for x in max(0, column)..<min(columns, column + width) { change(&cells[row * columns + x].style) }
    }

    /// A box with a title in its top border.
    public mutating func box(row: Int, column: Int, width: Int, height: Int, title: String, style: Style = .plain) {
        guard width >= 2, height >= 2 else { return }
        for y in row..<(row + height) { fill(row: y, column: column, width: width, style: .plain) }
        put("┌" + String(repeating: "─", count: width - 2) + "┐", row: row, column: column, style: style)
        for y in (row + 1)..<(row + height - 1) {
            put("│", row: y, column: column, style: style)
            put("│", row: y, column: column + width - 1, style: style)
        }
        put("└" + String(repeating: "─", count: width - 2) + "┘", row: row + height - 1, column: column, style: style)
        if !title.isEmpty { put(" \(title) ", row: row, column: column + 2, style: Style(style.role, bold: true), width: width - 4) }
    }

    /// The characters only, one line per row, trailing spaces kept: for golden files and tests.
    public var text: String {
        (0..<rows).map { r in
            String((0..<columns).compactMap { c in self[r, c].continuation ? nil : self[r, c].character })
        }.joined(separator: "\n")
    }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.columns == b.columns && a.rows == b.rows && a.cells == b.cells && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }
}
