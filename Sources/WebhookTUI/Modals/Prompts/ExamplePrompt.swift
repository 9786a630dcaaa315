import JetEmailClient
import TerminalUI

/// `x` on a webhook's details: the secret is never stored, so it is read from a file the
/// person names here.
public struct ExamplePrompt: Sendable, Equatable {
    public var input = TextInput()
    public var url: String
    public var eventType: String
    /// The details screen that asked.
    public var screen: Int
    /// The example on its way (its request), and since when.
    public var sending: Int?
    public var startedAt: Double = 0
    /// Why the last try sent nothing (a secret file that cannot be read): shown, the path kept.
    public var problem: String?

    init(input: TextInput, url: String, eventType: String, screen: Int) {
        self.input = input; self.url = url; self.eventType = eventType; self.screen = screen
    }

    func draw(into grid: inout Grid, now: Double) {
        let width = min(grid.columns - 4, 72)
        let problemLines = problem.map { Wrap.lines($0, width: width - 4, maxLines: 3) } ?? []
        let box = Rect.centred(width: width, height: 8 + problemLines.count, in: grid)
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: "Test the receiver", style: Style(.accent, bold: true))
        grid.put("A signed \(eventType) example goes to \(TerminalSafe.escaped(url)).", row: box.row + 1, column: box.column + 2, width: box.width - 4)
        grid.put("The secret is read from this file (it was shown once, at creation):", row: box.row + 2, column: box.column + 2, style: .muted, width: box.width - 4)
        input.draw(into: &grid, rect: Rect(row: box.row + 4, column: box.column + 2, width: box.width - 4, height: 1), focused: sending == nil)
        for (i, line) in problemLines.enumerated() { grid.put(line, row: box.row + 5 + i, column: box.column + 2, style: .error, width: box.width - 4) }
        let hint = sending == nil ? ExampleFlow.promptTable.barEntries().prefix(2).map(\.text).joined(separator: " · ")
            : "Sending… \(String(format1: max(0, now - startedAt))) s · Esc closes (the answer shows below)"
        grid.put(hint, row: box.bottom - 2, column: box.column + 2, style: sending == nil ? .muted : .accent, width: box.width - 4)
    }
}
