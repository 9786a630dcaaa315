import JetEmailClient
import TerminalUI

/// A list to choose from, in a box over the screen: one item (the log's event type), or several
/// (a filter's users or domains). Enter uses the choice, Esc leaves everything as it was.
public struct PickerModal: Modal {
    public enum Purpose: Sendable, Equatable {
        /// The log's event-type filter; item 0 is "all types".
        case eventType
        case filterUsers
        case filterDomains
    }

    public var title: String
    public var list: Checklist
    /// What each item stands for, as the server sent it (the labels are escaped for the screen).
    public var values: [String]
    /// One item is chosen with Enter; otherwise Space toggles and Enter takes the checked ones.
    public var single: Bool
    public var purpose: Purpose
    /// Under the list (typed values the account does not have).
    public var note: String?
    /// First item shown.
    var top = 0

    init(title: String, items: [Checklist.Item], values: [String], selected: Set<Int>, single: Bool, purpose: Purpose, note: String? = nil) {
        self.title = title
        self.values = values
        list = Checklist(items: items, groups: [], columns: 1)
        list.selected = selected
        list.cursor = selected.min() ?? 0
        self.single = single
        self.purpose = purpose
        self.note = note
    }

    /// `among`: the types to offer (a webhook's own); the current filter is offered too.
    static func eventType(current: String?, among offered: [String] = DeliveryQuery.eventTypes) -> PickerModal {
        var types = offered
        if let current, !types.contains(current) { types.append(current) }
        let items = [Checklist.Item("all types", detail: "no event-type filter")]
            + types.map { Checklist.Item($0, detail: EventName($0).known?.shortSummary ?? "queued for sending") }
        let index = current.flatMap { types.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        return PickerModal(title: "Event type", items: items, values: [""] + types, selected: [index], single: true, purpose: .eventType)
    }

    /// The account's names, those already in the field checked. Typed names the account lacks
    /// are named in the note (choosing replaces the field, so they would go).
    static func names(_ names: [String], typed: [String], users: Bool, missing: String? = nil) -> PickerModal {
        // Domains compare without case, usernames exactly (as the form's check does).
        let key = { (name: String) in users ? name : name.lowercased() }
        let typedKeys = Set(typed.map(key)), known = Set(names.map(key))
        let selected = Set(names.indices.filter { typedKeys.contains(key(names[$0])) })
        let unknown = typed.filter { !known.contains(key($0)) }
        var note = unknown.isEmpty ? nil : "Not in the account (Enter drops them): " + unknown.map { TerminalSafe.escaped($0) }.joined(separator: ", ")
        if let missing { note = "Not all listed: \(missing)" + (note.map { ". " + $0 } ?? "") }
        return PickerModal(title: users ? "Filter users: the account's users" : "Filter domains: the account's inbound domains",
                           items: names.map { Checklist.Item(TerminalSafe.escaped($0), detail: "") }, values: names, selected: selected,
                           single: false, purpose: users ? .filterUsers : .filterDomains, note: note)
    }

    /// Enter uses the choice (told to the screen that opened it), Esc changes nothing; the list's
    /// own keys move (and, choosing several, toggle).
    static func keys(single: Bool) -> [Binding<PickerModal>] {
        let moves = Checklist(items: [], groups: [], columns: 1).bindings.filter {
            switch $0.action { case .toggle, .group: !single; default: true }
        }
        return [
            Binding([.enter], keys: "Enter", bar: BarEntry("Enter", single ? "choose" : "use these"),
                    help: single ? "use the highlighted item" : "put the checked names into the field") { picker, _, _ in
                picker.chosenMessage.map { .close + .message($0, to: .owner) } ?? .close
            },
            Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "leave unchanged"), help: "close; nothing changes") { _, _, _ in .close },
        ] + moves.map { widget in
            Binding(widget) { picker, action, key, context in
                _ = picker.list.perform(action, key: key)
                picker.scrollToCursor(rows: context.rows, columns: context.columns)
                return .none
            }
        }
    }

    public var keys: [Binding<PickerModal>] { Self.keys(single: single) }

    /// What the screen that opened it is told on Enter.
    var chosenMessage: PickerChoice? {
        switch purpose {
        case .eventType: .type(list.cursor == 0 ? nil : values[list.cursor])
        case .filterUsers: .names(chosen.map { values[$0] }, users: true)
        case .filterDomains: .names(chosen.map { values[$0] }, users: false)
        }
    }

    /// The names chosen: the highlighted one, or the checked ones in list order.
    var chosen: [Int] { single ? [list.cursor] : list.selected.sorted() }

    static func frame(columns: Int, rows: Int, itemCount: Int, hasNote: Bool) -> Rect {
        let width = min(columns - 4, 64)
        let height = min(rows - 2, itemCount + 4 + (hasNote ? 1 : 0))
        return Rect(row: max(1, (rows - height) / 2), column: (columns - width) / 2, width: width, height: height)
    }

    /// Rows of items the box shows.
    func visibleCount(rows: Int, columns: Int) -> Int {
        max(1, Self.frame(columns: columns, rows: rows, itemCount: list.items.count, hasNote: note != nil).height - 4 - (note == nil ? 0 : 1))
    }

    mutating func scrollToCursor(rows: Int, columns: Int) {
        let count = visibleCount(rows: rows, columns: columns)
        if list.cursor < top { top = list.cursor }
        if list.cursor >= top + count { top = list.cursor - count + 1 }
    }

    public func draw(into grid: inout Grid, focused: Bool, context: ScreenContext) {
        let box = Self.frame(columns: grid.columns, rows: grid.rows, itemCount: list.items.count, hasNote: note != nil)
        grid.box(row: box.row, column: box.column, width: box.width, height: box.height, title: title, style: Style(.accent, bold: true))
        let count = visibleCount(rows: grid.rows, columns: grid.columns)
        let labelWidth = min(box.width - 12, (list.items.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        for offset in 0..<min(count, list.items.count - top) {
            let index = top + offset
            let row = box.row + 1 + offset
            let item = list.items[index]
            let isCursor = list.cursor == index
            let on = list.selected.contains(index)
            let style = isCursor ? Style(.accent, bold: true, reverse: true) : Style(.normal, bold: on)
            let mark = single ? (on ? "(•)" : "( )") : (on ? "[x]" : "[ ]")
            let label = DisplayWidth.truncate(item.label, to: labelWidth)
            let padded = label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
            let x = grid.put("\(mark) " + padded, row: row, column: box.column + 2, style: style)
            grid.put(item.detail, row: row, column: x + 1, style: isCursor ? style : .muted, width: max(0, box.right - x - 3))
            if isCursor { grid.cursor = (row, box.column + 3) }
        }
        if list.items.count > count { grid.put("↑↓ more (\(list.items.count))", row: box.bottom - 1, column: box.right - 18, style: .muted) }
        if let note { grid.put(note, row: box.bottom - 3, column: box.column + 2, style: .warning, width: box.width - 4) }
        let hint = Self.keys(single: single).prefix(2).compactMap(\.bar).map(\.text).joined(separator: " · ")
        grid.put(hint, row: box.bottom - 2, column: box.column + 2, style: .muted, width: box.width - 4)
    }
}

/// What a picker tells the screen that opened it on Enter.
enum PickerChoice: ScreenMessageKind {
    /// The event type chosen (nil: all types).
    case type(String?)
    /// The names checked in a filter picker.
    case names([String], users: Bool)
}
