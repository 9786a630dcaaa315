import TerminalUI

/// Every key of the screen it was opened on, from the same tables that handle them. It
/// scrolls when the window is too short to show them all.
public struct HelpModal: Sendable, Equatable {
    public let sections: [HelpSection]
    var top = 0

    init(for s: AppState) {
        sections = KeyReference.sections(for: s.topScreen.screen)
    }

    enum Action: Sendable, Equatable { case close, scroll(ScrollView.Action) }

    static let closeBinding = KeyBinding<Action>([.escape, .enter, .function(1), .character("?"), .character("q")],
                                                 keys: "Esc, Enter, q, ? or F1", bar: BarEntry("Esc", "close help"), help: "close this help", .close)

    static var bindings: [KeyBinding<Action>] {
        [closeBinding] + ScrollView(lines: []).bindings.map { $0.map(Action.scroll) }
    }

    mutating func handle(_ key: Key, app s: inout AppState) {
        guard let binding = Self.bindings.binding(for: key) else { return }
        switch binding.action {
        case .close: s.closeModal()
        case .scroll(let action):
            var view = scrollView(columns: s.columns, rows: s.rows)
            _ = view.perform(action, key: key)
            top = view.top
            s.updateTopModal(.help(self))
        }
    }

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

    func draw(into grid: inout Grid) {
        let view = scrollView(columns: grid.columns, rows: grid.rows)
        let box = Self.frame(columns: grid.columns, rows: grid.rows, lineCount: view.lines.count)
        let more = view.canScroll ? " · ↑↓ more" : ""
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: "Keys (Esc closes\(more))", style: Style(.accent, bold: true))
        view.draw(into: &grid, rect: box.inset(), focused: true)
    }
}
