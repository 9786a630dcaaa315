import JetEmailClient
import TerminalUI

/// The 14 events in two columns, grouped Outbound (10) and Inbound (4), each with when it fires.
enum ChecklistView {
    static func draw(_ state: AppState, report: ValidationReport, into grid: inout Grid) {
        let form = state.form
        let focused = form.focus == .events && state.overlay == .none
        FormView.label(.events, state: state, row: Layout.eventsRow, into: &grid)
        let selected = form.events.count
        let problems = form.visibleProblems(.events, report: report)
        if let first = problems.first {
            grid.put("✗ " + first.message, row: Layout.eventsRow, column: Layout.fieldColumn, style: .error, width: grid.columns - Layout.fieldColumn - 1)
        } else {
            grid.put("\(selected) of 14 selected", row: Layout.eventsRow, column: Layout.fieldColumn, style: .muted)
        }

        let left = Layout.checklistColumn(0, columns: grid.columns)
        let rightHeading = Layout.checklistColumn(10, columns: grid.columns)
        grid.put("Outbound (10) · o selects all", row: Layout.checklistRow, column: left.column + 1, style: Style(.accent, bold: true))
        grid.put("Inbound (4) · i selects all", row: rightHeading.row - 1, column: rightHeading.column + 1, style: Style(.accent, bold: true))

        for (index, event) in EventType.allCases.enumerated() {
            let spot = Layout.checklistColumn(index, columns: grid.columns)
            let isCursor = focused && form.eventCursor == index
            let box = form.events.contains(event) ? "[x]" : "[ ]"
            let nameWidth = 10
            let namePadded = event.shortName + String(repeating: " ", count: max(0, nameWidth - event.shortName.count))
            let rowStyle = isCursor ? Style(.accent, bold: true, reverse: true) : Style(.normal, bold: form.events.contains(event))
            grid.put(isCursor ? "›" : " ", row: spot.row, column: spot.column - 1, style: rowStyle)
            let x = grid.put("\(box) \(namePadded) ", row: spot.row, column: spot.column, style: rowStyle, width: spot.width)
            grid.put(event.shortSummary, row: spot.row, column: x, style: isCursor ? rowStyle : .muted, width: spot.column + spot.width - x)
            if isCursor { grid.cursor = (spot.row, spot.column + 1) }
        }

        let detail: String
        if focused {
            let event = EventType.allCases[form.eventCursor]
            detail = "\(event.rawValue): \(event.summary)."
        } else {
            detail = ""
        }
        grid.put(detail, row: Layout.eventDetailRow, column: 3, style: .muted, width: grid.columns - 4)
    }
}
