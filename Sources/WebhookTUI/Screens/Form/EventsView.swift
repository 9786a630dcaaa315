import JetEmailClient
import TerminalUI

/// The events label with the count (or the problem), the checklist, and the highlighted
/// event's full description.
enum EventsView {
    static func draw(_ form: FormScreen, report: ValidationReport, layout: FormLayout, focused: Bool, into grid: inout Grid) {
        FormView.label(.events, row: layout.events, focused: focused, into: &grid)
        // What a change of the events drops is said at once, not only once the field is left.
        let problems = form.visibleProblems(.events, report: report) + (form.touched.contains(.events) ? [] : report.warnings(for: .events))
        if let first = problems.first {
            let isError = first.severity == .error
            grid.put((isError ? "✗ " : "! ") + first.message, row: layout.events, column: FormLayout.fieldColumn, style: isError ? .error : .warning,
                     width: grid.columns - FormLayout.fieldColumn - 1)
        } else {
            let unlisted = form.unlistedEvents
            let kept = unlisted.isEmpty ? "" : " · \(unlisted.map { TerminalSafe.escaped($0) }.joined(separator: ", ")) kept unless events change"
            grid.put("\(form.eventList.selected.count) of \(form.eventList.items.count) selected" + kept, row: layout.events,
                     column: FormLayout.fieldColumn, style: .muted, width: grid.columns - FormLayout.fieldColumn - 1)
        }
        form.eventList.draw(into: &grid, rect: layout.checklist, focused: focused)
        let detail = focused ? EventType.allCases[form.eventCursor].rawValue + ": " + EventType.allCases[form.eventCursor].summary + "." : ""
        grid.put(detail, row: layout.eventDetail, column: 3, style: .muted, width: grid.columns - 4)
    }
}
