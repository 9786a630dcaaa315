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

    func draw(into grid: inout Grid) {
        let width = min(grid.columns - 4, 72)
        let box = Rect.centred(width: width, height: 8, in: grid)
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: "Test the receiver", style: Style(.accent, bold: true))
        grid.put("A signed \(eventType) example goes to \(TerminalSafe.escaped(url)).", row: box.row + 1, column: box.column + 2, width: box.width - 4)
        grid.put("The secret is read from this file (it was shown once, at creation):", row: box.row + 2, column: box.column + 2, style: .muted, width: box.width - 4)
        input.draw(into: &grid, rect: Rect(row: box.row + 4, column: box.column + 2, width: box.width - 4, height: 1), focused: true)
        let hint = ExampleFlow.promptTable.barEntries().prefix(2).map(\.text).joined(separator: " · ")
        grid.put(hint, row: box.row + 6, column: box.column + 2, style: .muted, width: box.width - 4)
    }
}
