import TerminalUI

/// Where the form's parts go, stacked from the title bar down, each as tall as its widget
/// needs. Everything fits in 80 x 24; more room widens the fields.
struct FormLayout {
    static let minimumColumns = 80

    /// Labels start here; fields after the longest label and a gap.
    static let labelColumn = 1
    static let fieldColumn = labelColumn + (Control.allCases.map { $0.label.count }.max() ?? 0) + 2
    /// Problems under a field start here, under its label, to have room.
    static let problemColumn = 3
    /// The name's character count sits right of its box: `>999/64`.
    static let nameCounterWidth = 7

    let name: Int
    let url: Int
    /// The events label and count; the checklist starts on the next row.
    let events: Int
    let checklist: Rect
    /// The highlighted event's full description.
    let eventDetail: Int
    let status: Int
    let filterUsers: Int
    let filterDomains: Int
    let create: Int
    /// The second row of the status message.
    let message: Int
    /// Rows used, title bar and key bar included.
    let height: Int

    init(_ form: FormScreen, columns: Int) {
        var row = 1  // below the title bar
        func take(_ rows: Int) -> Int { defer { row += rows }; return row }
        name = take(2)  // field, problem
        url = take(2)
        events = take(1)
        checklist = Rect(row: take(form.eventList.height), column: Self.labelColumn, width: columns - 2, height: form.eventList.height)
        eventDetail = take(1)
        status = take(1)
        filterUsers = take(2)  // field, hint or problem
        filterDomains = take(2)
        create = take(1)
        message = take(1)
        height = row + 1  // the key bar
    }

    /// The rows this form needs; a smaller window shows the too-small notice instead.
    static func minimumRows(_ form: FormScreen) -> Int { FormLayout(form, columns: minimumColumns).height }

    func row(of control: Control) -> Int {
        switch control {
        case .name: name
        case .url: url
        case .events: events
        case .status: status
        case .filterUsers: filterUsers
        case .filterDomains: filterDomains
        case .create: create
        }
    }

    /// A text field's box on a screen this wide.
    static func fieldRect(_ control: Control, row: Int, columns: Int) -> Rect {
        let right = control == .name ? columns - nameCounterWidth - 2 : columns - 2
        return Rect(row: row, column: fieldColumn, width: max(10, right - fieldColumn), height: 1)
    }
}
