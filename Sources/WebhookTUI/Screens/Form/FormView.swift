import JetEmailClient
import TerminalUI

/// The form: labels, inputs, checklist, status, filters, the Create button and messages.
enum FormView {
    static func draw(_ form: FormScreen, context: ScreenContext, focused: Bool, into grid: inout Grid) {
        let layout = FormLayout(form, columns: grid.columns)
        let report = form.validation.report
        func has(_ control: Control) -> Bool { focused && form.focus == control }

        textField(.name, form.name, form: form, layout: layout, focused: has(.name), into: &grid)
        let count = NameRule.length(form.name.text)
        // At most seven columns, whatever was pasted: ">999/64".
        grid.put("\(count > 999 ? ">999" : "\(count)")/\(NameRule.maxLength)", row: layout.name, column: grid.columns - FormLayout.nameCounterWidth,
                 style: count > NameRule.maxLength ? .error : .plain, width: FormLayout.nameCounterWidth)
        problemLine(form.visibleProblems(.name, report: report), row: layout.name + 1, into: &grid)

        textField(.url, form.url, form: form, layout: layout, focused: has(.url), into: &grid)
        problemLine(form.visibleProblems(.url, report: report), row: layout.url + 1, into: &grid)

        EventsView.draw(form, report: report, layout: layout, focused: has(.events), into: &grid)

        label(.status, row: layout.status, focused: has(.status), into: &grid)
        form.status.draw(into: &grid, rect: Rect(row: layout.status, column: FormLayout.fieldColumn, width: grid.columns - FormLayout.fieldColumn, height: 1), focused: has(.status))
        let statusNote = form.statusUnknown ? "the API gave it as unreadable: left as it is unless you change it"
            : form.editing != nil ? (form.enabled ? "events are delivered" : "no deliveries while disabled")
            : form.enabled ? "deliveries start at once" : "created paused; no deliveries until enabled"
        grid.put(statusNote, row: layout.status, column: FormLayout.fieldColumn + form.status.width + 3, style: form.statusUnknown ? .warning : .muted,
                 width: grid.columns - FormLayout.fieldColumn - form.status.width - 4)

        filter(.filterUsers, form.filterUsers, hint: FilterChoices.hint(form, users: true, base: "empty = all users · only affects outbound events"), form: form, layout: layout, report: report, focused: has(.filterUsers), into: &grid)
        filter(.filterDomains, form.filterDomains, hint: FilterChoices.hint(form, users: false, base: "empty = all domains · only affects inbound events"), form: form, layout: layout, report: report, focused: has(.filterDomains), into: &grid)

        CreateRowView.draw(form, context: context, layout: layout, focused: has(.create), into: &grid)
    }

    static func label(_ control: Control, row: Int, focused: Bool, into grid: inout Grid) {
        let style = focused ? Style.focused : Style(.normal, bold: true)
        grid.put((focused ? "›" : " ") + control.label, row: row, column: FormLayout.labelColumn - 1, style: style)
    }

    private static func textField(_ control: Control, _ input: TextInput, form: FormScreen, layout: FormLayout, focused: Bool, into grid: inout Grid) {
        let row = layout.row(of: control)
        label(control, row: row, focused: focused, into: &grid)
        input.draw(into: &grid, rect: FormLayout.fieldRect(control, row: row, columns: grid.columns), focused: focused)
    }

    private static func filter(_ control: Control, _ input: TextInput, hint: String, form: FormScreen, layout: FormLayout,
                               report: ValidationReport, focused: Bool, into grid: inout Grid) {
        textField(control, input, form: form, layout: layout, focused: focused, into: &grid)
        let row = layout.row(of: control)
        let problems = form.visibleProblems(control.field!, report: report)
        if problems.isEmpty {
            grid.put("↳ " + hint, row: row + 1, column: FormLayout.fieldColumn, style: .muted, width: grid.columns - FormLayout.fieldColumn - 1)
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
        grid.put(DisplayWidth.truncate(text, to: grid.columns - FormLayout.problemColumn - 1), row: row, column: FormLayout.problemColumn,
                 style: isError ? .error : Style(.warning))
    }
}
