/// A rectangle of the screen that a widget draws into.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row; self.column = column; self.width = max(0, width); self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { column + width }

    /// A box of this size centred in the grid.
    public static func centred(width: Int, height: Int, in grid: Grid) -> Rect {
        let w = min(width, grid.columns)
        let h = min(height, grid.rows)
        return Rect(row: max(0, (grid.rows - h) / 2), column: max(0, (grid.columns - w) / 2), width: w, height: h)
    }

    /// The inside of a box drawn on this rectangle, with a margin of `padding` columns.
    public func inset(rows: Int = 1, columns: Int = 2) -> Rect {
        Rect(row: row + rows, column: column + columns, width: width - 2 * columns, height: height - 2 * rows)
    }
}
