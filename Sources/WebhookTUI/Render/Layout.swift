/// Where things go on screen. Everything fits in 80 x 24; more room widens the fields.
public enum Layout {
    public static let minimumColumns = 80
    public static let minimumRows = 24

    static let labelColumn = 1
    static let fieldColumn = 17
    /// Problems under a field start here, under its label, to have room.
    static let problemColumn = 3

    static let titleRow = 0
    static let nameRow = 1
    static let urlRow = 3
    static let eventsRow = 5
    /// First row of the checklist: group headings and items below it.
    static let checklistRow = 6
    static let eventDetailRow = 15
    static let statusRow = 16
    static let filterUsersRow = 17
    static let filterDomainsRow = 19
    static let createRow = 21
    static let messageRow = 22

    static func keyBarRow(_ rows: Int) -> Int { rows - 1 }

    static func fits(columns: Int, rows: Int) -> Bool { columns >= minimumColumns && rows >= minimumRows }

    /// Width of a text field's box on this screen.
    static func fieldWidth(_ control: Control, columns: Int) -> Int {
        let right = control == .name ? columns - 9 : columns - 2
        return max(10, right - fieldColumn)
    }

    static func checklistColumn(_ index: Int, columns: Int) -> (row: Int, column: Int, width: Int) {
        let half = (columns - 3) / 2
        let inLeft = index < 7
        let column = inLeft ? 2 : 2 + half + 1
        // Left: heading then items 0-6. Right: items 7-9, the Inbound heading, items 10-13.
        let row: Int
        if inLeft { row = checklistRow + 1 + index } else if index < 10 { row = checklistRow + 1 + (index - 7) } else { row = checklistRow + 5 + (index - 10) }
        return (row, column, half)
    }
}
