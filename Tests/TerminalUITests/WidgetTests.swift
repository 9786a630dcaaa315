import Testing
@testable import TerminalUI

/// The shared widgets, driven by their own binding tables and drawn into a rectangle.
@Suite struct WidgetTests {
    struct Row: TableRow {
        var name: String
        func cell(_ column: Int, width: Int) -> (text: String, style: Style) { (column == 0 ? name : "\(name.count)", .plain) }
    }

    func checklist() -> Checklist {
        Checklist(items: (0..<14).map { Checklist.Item("item\($0)", detail: "d\($0)") },
                  groups: [Checklist.Group("First", items: 0..<10, key: "f"), Checklist.Group("Second", items: 10..<14, key: "s")],
                  columns: 2)
    }

    @Test func checklistLayoutFollowsFromItsItemsAndGroups() {
        let list = checklist()
        #expect(list.columnLength == 7)
        #expect(list.position(of: 0) == (1, 0) && list.position(of: 6) == (7, 0))
        #expect(list.position(of: 7) == (1, 1) && list.position(of: 9) == (3, 1))
        #expect(list.position(of: 10) == (5, 1), "the second group's heading takes row 4")
        #expect(list.height == 9)
        var grid = Grid(columns: 60, rows: 10)
        list.draw(into: &grid, rect: Rect(row: 0, column: 1, width: 58, height: 9), focused: true)
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("First (10) · f selects all"))
        #expect(lines[4].contains("Second (4) · s selects all"))
        #expect(lines[1].hasPrefix(" ›[ ] item0"))
        #expect(grid.cursor! == (1, 3))
    }

    @Test func checklistKeysComeFromItsTable() {
        var list = checklist()
        #expect(list.handle(.right) == .moved && list.cursor == 7, "→ moves a column's length")
        #expect(list.handle(.character("l")) == .moved && list.cursor == 7, "no third column")
        #expect(list.handle(.left) == .moved && list.cursor == 0)
        #expect(list.handle(.character("x")) == .changed && list.selected == [0])
        #expect(list.handle(.character("s")) == .changed && list.selected == [0, 10, 11, 12, 13])
        #expect(list.handle(.character("s")) == .changed && list.selected == [0])
        #expect(list.handle(.character("a")) == .changed && list.selected.count == 14)
        #expect(list.handle(.end) == .moved && list.cursor == 13)
        #expect(list.handle(.character("q")) == nil, "not its key")
        let help = list.helpSection("Events").lines.map(\.keys)
        #expect(help.contains("f") && help.contains("s"), "group keys are declared with their groups")
    }

    @Test func textInputMaskedNeverDrawsTheText() {
        var input = TextInput(masked: true)
        #expect(input.handle(.paste("api_secret")) == .changed)
        #expect(input.handle(.left) == .moved)
        var grid = Grid(columns: 20, rows: 1)
        input.draw(into: &grid, rect: Rect(row: 0, column: 2, width: 15, height: 1), focused: true)
        #expect(!grid.text.contains("api"))
        #expect(grid.text.contains("••••••••••"))
        #expect(grid.cursor! == (0, 11))
        #expect(input.handle(.paste("a\nb")) == .changedDropping(TextField.Dropped(lineBreaks: 1)))
        #expect(input.handle(.enter) == nil, "Enter is the owner's")
    }

    @Test func toggleAndButton() {
        var toggle = Toggle(isOn: true, on: "On", off: "Off")
        #expect(toggle.handle(.character("h")) == .changed && !toggle.isOn)
        #expect(toggle.handle(.enter) == nil)
        var button = Button("Go", bar: "go", meaning: "go now")
        #expect(button.handle(.enter) == .activated && button.handle(.character(" ")) == .activated)
        #expect(button.bindings.barEntries() == [BarEntry("Enter", "go")])
    }

    @Test func confirmDialogOnlyYConfirms() {
        var dialog = ConfirmDialog(title: "Delete?", message: "Gone for good.", question: "Delete it? y/N", confirmLabel: "delete")
        #expect(dialog.handle(.character("y")) == .activated && dialog.handle(.character("Y")) == .activated)
        for key: Key in [.character("d"), .enter, .escape, .character(" "), .paste("y"), .control("c")] {
            #expect(dialog.handle(key) == .declined, "\(key) must not confirm")
        }
        var grid = Grid(columns: 80, rows: 24)
        dialog.draw(into: &grid, rect: Rect(row: 0, column: 0, width: 80, height: 24), focused: true)
        #expect(grid.text.contains("Delete it? y/N") && grid.text.contains("Gone for good."))
    }

    @Test func scrollingTableDrawsOnlyVisibleRowsAndKeepsTheSelectionInView() {
        var table = ScrollingTable<Row>(columns: [TableColumn("Name"), TableColumn("Len", width: 4)], viewHeight: 5)
        table.setRows((0..<10_000).map { Row(name: "row\($0)") })
        #expect(table.handle(.end) == .moved && table.selection == 9_999 && table.top == 9_995)
        #expect(table.handle(.pageUp) == .moved && table.selection == 9_995)
        #expect(table.handle(.character("g")) == .moved && table.selection == 0 && table.top == 0)
        _ = table.handle(.pageDown)
        #expect(table.selection == 4)
        var grid = Grid(columns: 30, rows: 6)
        table.draw(into: &grid, rect: Rect(row: 0, column: 0, width: 30, height: 6), focused: true)
        #expect(grid.text.hasPrefix("Name"))
        #expect(grid.text.contains("row4") && !grid.text.contains("row5"))
        #expect(grid[5, 0].style.reverse, "the selected row is highlighted")
        table.setRows([Row(name: "a"), Row(name: "b")], keepingSelectionOn: { $0.name == "b" })
        #expect(table.selection == 1 && table.selectedRow?.name == "b")
        table.setRows([])
        #expect(table.selectedRow == nil && table.handle(.down) == .moved)
    }

    @Test func scrollViewStopsAtBothEnds() {
        var view = ScrollView(lines: (0..<30).map { [Span("line \($0)")] }, viewHeight: 10)
        _ = view.handle(.up)
        #expect(view.top == 0)
        _ = view.handle(.end)
        #expect(view.top == 20)
        _ = view.handle(.pageDown)
        #expect(view.top == 20)
        var grid = Grid(columns: 20, rows: 10)
        view.draw(into: &grid, rect: Rect(row: 0, column: 0, width: 20, height: 10), focused: true)
        #expect(grid.text.hasPrefix("line 20") && grid.text.contains("line 29"))
    }

    @Test func keyBarKeepsWholeEntriesThatFit() {
        let entries = [BarEntry("Tab", "next"), BarEntry("Ctrl-S", "create"), BarEntry("F1", "help")]
        #expect(KeyBarLine.text(entries, width: 80) == "Tab next · Ctrl-S create · F1 help")
        #expect(KeyBarLine.text(entries, width: 30) == "Tab next · Ctrl-S create")
    }
}
