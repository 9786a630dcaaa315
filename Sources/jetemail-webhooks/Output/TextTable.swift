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
    static func lines(_ columns: [TableColumn], rows: Int, width: Int, header: Bool = true,
                      cell: (_ row: Int, _ column: Int, _ width: Int) -> String) -> [String] {
        let widths = TableColumn.widths(columns, for: width)
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
        for row in 0..<rows { out.append(line { column, w in cell(row, column, w) }) }
        return out
    }
}
