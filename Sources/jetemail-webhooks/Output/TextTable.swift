import Glibc
import TerminalUI

/// Tables the verbs print on a terminal, fitted to its width as the TUI's are: columns that
/// do not fit give way by their drop rank, and every cell is cut to its column.
enum TextTable {
    /// The terminal's width, or 80 when it cannot be told.
    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The header line and the rows, each cell cut to its width (the cell function may cut ids
    /// in the middle first); trailing spaces dropped.
    /// `full`: the whole text of an identifying column (a name), which gets its longest value's
    /// width first and is cut so that no two rows look alike (as in the TUI).
    static func lines(_ columns: [TableColumn], rows: Int, width: Int, header: Bool = true,
                      full: ((_ row: Int, _ column: Int) -> String)? = nil, longest: [Int]? = nil,
                      cell: (_ row: Int, _ column: Int, _ width: Int) -> String) -> [String] {
        let identifying = full == nil ? [] : columns.indices.filter { columns[$0].identifies }
        // `longest`: identifying columns' widths fixed by the caller (pages printed one by one
        // keep their columns), else the longest value of these rows.
        var natural = longest ?? columns.map { _ in 0 }
        if longest == nil {
            for column in identifying {
                for row in 0..<rows { natural[column] = max(natural[column], DisplayWidth.of(full!(row, column), upTo: columns[column].cap)) }
            }
        }
        let widths = TableColumn.widths(columns, for: width, natural: natural)
        var cuts: [Int: [String]] = [:]
        for column in identifying where widths[column] > 0 {
            cuts[column] = DistinctCut.cuts((0..<rows).map { full!($0, column) }, width: widths[column])
        }
        func line(_ text: (Int, Int) -> String) -> String {
            var out = ""
            for (column, w) in widths.enumerated() where w > 0 {
                let cut = DisplayWidth.truncate(text(column, w), to: w)
                out += (out.isEmpty ? "" : " ") + cut + String(repeating: " ", count: max(0, w - DisplayWidth.of(cut)))
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        var out = header ? [line { column, _ in columns[column].title.uppercased() }] : []
        for row in 0..<rows { out.append(line { column, w in cuts[column]?[row] ?? cell(row, column, w) }) }
        return out
    }
}
