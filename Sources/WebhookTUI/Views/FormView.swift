import JetEmailClient
import TerminalUI

/// The form: labels, inputs, checklist, status, filters, the Create button and messages.
enum FormView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let form = state.form
        let report = form.validation.report
        let showCursor = state.overlay == .none

        TextFieldView.draw(form.name, control: .name, state: state, row: Layout.nameRow, into: &grid, showCursor: showCursor)
        let count = NameRule.length(form.name.text)
        // At most seven columns, whatever was pasted: ">999/64".
        grid.put("\(count > 999 ? ">999" : "\(count)")/\(NameRule.maxLength)", row: Layout.nameRow, column: grid.columns - 7,
                 style: count > NameRule.maxLength ? .error : .plain)
        problemLine(form.visibleProblems(.name, report: report), row: Layout.nameRow + 1, into: &grid)

        TextFieldView.draw(form.url, control: .url, state: state, row: Layout.urlRow, into: &grid, showCursor: showCursor)
        problemLine(form.visibleProblems(.url, report: report), row: Layout.urlRow + 1, into: &grid)

        ChecklistView.draw(state, report: report, into: &grid)

        label(.status, state: state, row: Layout.statusRow, into: &grid)
        let focusedStatus = form.focus == .status
        let on = Style(.normal, bold: true, reverse: focusedStatus)
        grid.put(form.enabled ? "(•) Enabled" : "( ) Enabled", row: Layout.statusRow, column: Layout.fieldColumn, style: form.enabled ? on : .plain)
        grid.put(form.enabled ? "( ) Disabled" : "(•) Disabled", row: Layout.statusRow, column: Layout.fieldColumn + 14, style: form.enabled ? .plain : on)
        grid.put(form.enabled ? "deliveries start at once" : "created paused; no deliveries until enabled",
                 row: Layout.statusRow, column: Layout.fieldColumn + 29, style: .muted)

        filter(.filterUsers, form.filterUsers, hint: "empty = all users · only affects outbound events", state: state, report: report, into: &grid)
        filter(.filterDomains, form.filterDomains, hint: "empty = all domains · only affects inbound events", state: state, report: report, into: &grid)

        CreateRowView.draw(state, into: &grid)
    }

    static func label(_ control: Control, state: AppState, row: Int, into grid: inout Grid) {
        let focused = state.form.focus == control && state.overlay == .none
        let style = focused ? Style.focused : Style(.normal, bold: true)
        grid.put((focused ? "›" : " ") + control.label, row: row, column: Layout.labelColumn - 1, style: style)
    }

    private static func filter(_ control: Control, _ field: TextField, hint: String, state: AppState, report: ValidationReport, into grid: inout Grid) {
        let row = control == .filterUsers ? Layout.filterUsersRow : Layout.filterDomainsRow
        TextFieldView.draw(field, control: control, state: state, row: row, into: &grid, showCursor: state.overlay == .none)
        let problems = state.form.visibleProblems(control.field!, report: report)
        if problems.isEmpty {
            grid.put("↳ " + hint, row: row + 1, column: Layout.fieldColumn, style: .muted, width: grid.columns - Layout.fieldColumn - 1)
        } else {
            problemLine(problems, row: row + 1, into: &grid)
        }
    }

    /// The first problem of a field under it, errors in red, warnings marked "!", with a count of the rest.
    static func problemLine(_ problems: [ValidationProblem], row: Int, into grid: inout Grid) {
        guard let first = problems.first else { return }
        let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
        let isError = first.severity == .error
        let text = (isError ? "✗ " : "! ") + first.message + more
        // From the label column, so a message has nearly the full width.
        grid.put(DisplayWidth.truncate(text, to: grid.columns - Layout.problemColumn - 1), row: row, column: Layout.problemColumn,
                 style: isError ? .error : Style(.warning))
    }
}
