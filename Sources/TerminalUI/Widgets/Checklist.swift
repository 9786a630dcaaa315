/// Items with checkboxes, in groups, laid out in columns: the items split evenly between the
/// columns, each group's heading on its own row above its first item (a column that starts
/// with a group puts the heading in the top row). Up/Down move, Left/Right change column,
/// Space ticks, `a` all/none, and each group may have its own all/none key.
public struct Checklist: Widget {
    public struct Item: Sendable, Equatable {
        public var label: String
        /// Short, beside the label.
        public var detail: String
        public init(_ label: String, detail: String) { self.label = label; self.detail = detail }
    }

    public struct Group: Sendable, Equatable {
        public var title: String
        /// Indices into `items`, consecutive.
        public var items: Range<Int>
        /// Selects all of the group, or clears it when all are selected.
        public var key: Character?
        public init(_ title: String, items: Range<Int>, key: Character?) { self.title = title; self.items = items; self.key = key }
    }

    public enum Action: Sendable, Equatable {
        case up, down, first, last, left, right, toggle
        /// All/none of a group; nil for every item.
        case group(Int?)
    }

    public let items: [Item]
    public let groups: [Group]
    public let columns: Int
    public var selected: Set<Int> = []
    public var cursor = 0

    public init(items: [Item], groups: [Group], columns: Int) {
        self.items = items
        self.groups = groups
        self.columns = max(1, columns)
    }

    /// Items per column.
    public var columnLength: Int { (items.count + columns - 1) / columns }

    public var bindings: [KeyBinding<Action>] {
        var list: [KeyBinding<Action>] = [
            KeyBinding([.up, .character("k")], keys: "↑ or k", bar: BarEntry("↑↓", "move"), help: "previous item", .up),
            KeyBinding([.down, .character("j")], keys: "↓ or j", help: "next item", .down),
            KeyBinding([.home, .pageUp], keys: "Home or PgUp", help: "first item", .first),
            KeyBinding([.end, .pageDown], keys: "End or PgDn", help: "last item", .last),
        ]
        if columns > 1 {
            list += [
                KeyBinding([.left, .character("h")], keys: "← or h", bar: BarEntry("←→", "column"), help: "same row, column to the left", .left),
                KeyBinding([.right, .character("l")], keys: "→ or l", help: "same row, column to the right", .right),
            ]
        }
        list += [
            KeyBinding([.character(" "), .character("x")], keys: "Space or x", bar: BarEntry("Space", "toggle"), help: "select or clear the highlighted item", .toggle),
            KeyBinding([.character("a")], keys: "a", bar: BarEntry("a", "all"), help: "select all, or clear all when all are selected", .group(nil)),
        ]
        for (index, group) in groups.enumerated() {
            guard let key = group.key else { continue }
            let word = group.title.lowercased()
            list.append(KeyBinding([.character(key)], keys: String(key), bar: BarEntry(String(key), word),
                                   help: "select all \(word), or clear them when all are selected", .group(index)))
        }
        return list
    }

    public mutating func perform(_ action: Action, key: Key) -> WidgetResponse {
        let last = items.count - 1
        switch action {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(last, cursor + 1)
        case .first: cursor = 0
        case .last: cursor = last
        case .right: if cursor / columnLength < columns - 1 { cursor = min(cursor + columnLength, last) }
        case .left: if cursor >= columnLength { cursor -= columnLength }
        case .toggle:
            if selected.contains(cursor) { selected.remove(cursor) } else { selected.insert(cursor) }
            return .changed
        case .group(let index):
            let range = index.map { groups[$0].items } ?? 0..<items.count
            if range.allSatisfy(selected.contains) { selected.subtract(range) } else { selected.formUnion(range) }
            return .changed
        }
        return .moved
    }

    /// Rows the layout takes.
    public var height: Int { (0..<columns).map { rowCount(ofColumn: $0) }.max() ?? 0 }

    /// (row within the widget, column index) of an item.
    public func position(of item: Int) -> (row: Int, column: Int) {
        let column = item / columnLength
        let first = column * columnLength
        // Row 0 holds a heading for a column starting with a group; items start below it.
        var row = 1
        for index in first..<item { row += 1; if startsGroup(index + 1) { row += 1 } }
        return (row, column)
    }

    private func startsGroup(_ item: Int) -> Bool { groups.contains { $0.items.lowerBound == item } }

    private func group(startingAt item: Int) -> Group? { groups.first { $0.items.lowerBound == item } }

    private func rowCount(ofColumn column: Int) -> Int {
        let first = column * columnLength
        let end = min(items.count, first + columnLength)
        guard first < end else { return 0 }
        return position(of: end - 1).row + 1
    }

    /// Text of a group heading: `Outbound (10) · o selects all`.
    public func heading(_ group: Group) -> String {
        "\(group.title) (\(group.items.count))" + (group.key.map { " · \($0) selects all" } ?? "")
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool) {
        // One column for the cursor marker on the left of each column.
        let columnWidth = (rect.width - 1) / columns
        let labelWidth = (items.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
        for (index, item) in items.enumerated() {
            let spot = position(of: index)
            let x = rect.column + 1 + spot.column * (columnWidth + 1)
            let row = rect.row + spot.row
            if let group = group(startingAt: index) {
                grid.put(heading(group), row: row - 1, column: x + 1, style: Style(.accent, bold: true), width: columnWidth - 1)
            }
            let isCursor = focused && cursor == index
            let on = selected.contains(index)
            let style = isCursor ? Style(.accent, bold: true, reverse: true) : Style(.normal, bold: on)
            grid.put(isCursor ? "›" : " ", row: row, column: x - 1, style: style)
            let padded = item.label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(item.label)))
            let after = grid.put("\(on ? "[x]" : "[ ]") \(padded) ", row: row, column: x, style: style, width: columnWidth)
            grid.put(item.detail, row: row, column: after, style: isCursor ? style : .muted, width: x + columnWidth - after)
            if isCursor { grid.cursor = (row, x + 1) }
        }
    }
}
