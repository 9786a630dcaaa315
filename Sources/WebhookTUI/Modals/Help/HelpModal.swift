import TerminalUI

/// Every key of the screen it was opened on, from the same tables that handle them. It
/// scrolls when the window is too short to show them all.
public struct HelpModal: Modal {
    public let sections: [HelpSection]
    var top = 0

    init(for s: AppState) {
        sections = KeyReference.sections(s.topScreen.screen.helpSections)
    }

    static let closeBinding = KeyBinding<Int>([.escape, .enter, .function(1), .character("?"), .character("q")],
                                              keys: "Esc, Enter, q, ? or F1", bar: BarEntry("Esc", "close help"), help: "close this help", 0)

    /// Help's own keys, for the help of every screen.
    static var helpLines: [HelpLine] { [closeBinding.helpLine] + ScrollView(lines: []).bindings.map(\.helpLine) }

    public var keys: [Binding<HelpModal>] {
        [Binding(Self.closeBinding) { _, _, _, _ in .close }]
            + ScrollView(lines: []).bindings.map { widget in
                Binding(widget) { help, action, key, context in
                    var view = help.scrollView(columns: context.columns, rows: context.rows)
                    _ = view.perform(action, key: key)
                    help.top = view.top
                    return .none
                }
            }
    }

    /// Closing help, scrolling, and quitting (which works over it).
    public var barEntries: [BarEntry] { keys.barEntries(on: self) + [BarEntry("Ctrl-Q", "quit", pin: .onHome)] }
    public var takesGlobalKeys: Bool { true }

    /// The box, and the scrolling lines inside it.
    static func frame(columns: Int, rows: Int, lineCount: Int) -> Rect {
        let width = min(columns - 2, 90)
        let height = min(rows - 2, lineCount + 2)
        return Rect(row: max(1, (rows - height) / 2), column: (columns - width) / 2, width: width, height: height)
    }

    static let keyWidth = 25

    func lines(width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        let textWidth = max(10, width - Self.keyWidth - 1)
        for section in sections {
            lines.append([Span(section.title, Style(.accent, bold: true))])
            for line in section.lines {
                let wrapped = Wrap.lines(line.text, width: textWidth)
                for (i, text) in wrapped.enumerated() {
                    lines.append([Span(i == 0 ? " " + line.keys : "", Style(.normal, bold: true), width: Self.keyWidth + 1), Span(text)])
                }
            }
        }
        return lines
    }

    func scrollView(columns: Int, rows: Int) -> ScrollView {
        let probe = Self.frame(columns: columns, rows: rows, lineCount: 0)
        let all = lines(width: probe.width - 4)
        let box = Self.frame(columns: columns, rows: rows, lineCount: all.count)
        return ScrollView(lines: all, viewHeight: box.height - 2, top: top)
    }

    public func draw(into grid: inout Grid, focused: Bool, context: ScreenContext) {
        let view = scrollView(columns: grid.columns, rows: grid.rows)
        let box = Self.frame(columns: grid.columns, rows: grid.rows, lineCount: view.lineCount)
        let more = view.canScroll ? " · ↑↓ more" : ""
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: "Keys (Esc closes\(more))", style: Style(.accent, bold: true))
        view.draw(into: &grid, rect: box.inset(), focused: true)
    }
}
