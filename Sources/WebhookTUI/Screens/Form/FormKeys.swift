import JetEmailClient
import TerminalUI

/// Keys on the form, each with what it does: the focused widget's first (typing, the
/// checklist, the toggle, the button), then the form's own.
extension FormScreen {
    static let formKeys: [Binding<FormScreen>] = [
        Binding([.tab], keys: "Tab", bar: BarEntry("Tab", "next"), help: "next control (leaving a field with a problem is allowed)") { form, _, _ in
            form.moveFocus(to: form.focus.next)
            return .none
        },
        Binding([.backTab], keys: "Shift-Tab", bar: BarEntry("S-Tab", "back"), help: "previous control") { form, _, _ in
            form.moveFocus(to: form.focus.previous)
            return .none
        },
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "next"), help: "next control (on the button: create)") { form, _, _ in
            form.moveFocus(to: form.focus.next)
            return .none
        },
        Binding([.control("s")], keys: "Ctrl-S", bar: BarEntry("Ctrl-S", "create"), help: "create (on the edit form: save); nothing invalid is ever sent") { form, _, context in
            form.submit(context)
        },
        Binding([.function(2), .control("o")], keys: "F2 or Ctrl-O", bar: BarEntry("F2", "pick"),
                help: "on Filter users or Filter domains: choose from the account's users or inbound domains") { form, _, _ in
            FilterChoices.open(form)
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "cancel a create in flight (input is kept), or ask to quit") { form, _, context in
            if form.isSending {
                form.sendingSince = nil
                return .cancel(FormTag.create, FormTag.save(uuid: form.editing?.uuid ?? "")).with(.warning, form.editing == nil
                    ? "Cancelled; your input is kept. If the request had reached JetEmail the webhook may exist: check the list before creating it again."
                    : "Cancelled; your changes are kept. If the request had reached JetEmail they may have been saved: reload the list (r) to see.")
            }
            // Opened from the list: Esc goes back to it (asking when typed input would be lost).
            if context.depth > 1 { return form.leaving(context) }
            return .open(ConfirmModal.quit(form.hasInput ? "The form has input that has not been sent." : ""))
        },
    ]

    /// The focused widget's keys, as the form's.
    var focusedKeys: [Binding<FormScreen>] {
        switch focus {
        case .name, .url, .filterUsers, .filterDomains: Self.textKeys
        case .events: eventList.bindings.map { widget in
            Binding(widget) { form, action, key, context in form.respond(form.eventList.perform(action, key: key), context) }
        }
        case .status: status.bindings.map { widget in
            Binding(widget) { form, action, key, context in
                form.statusTouched = true
                return form.respond(form.status.perform(action, key: key), context)
            }
        }
        case .create: submitButton.bindings.map { widget in Binding(widget) { form, _, _, context in form.submit(context) } }
        }
    }

    static let textKeys: [Binding<FormScreen>] = TextField.bindings.map { widget in
        Binding(widget) { form, edit, key, context in
            guard var input = form[text: form.focus] else { return .none }
            let response = input.perform(edit, key: key)
            form[text: form.focus] = input
            return form.respond(response, context)
        }
    }

    public var keys: [Binding<FormScreen>] { focusedKeys + Self.formKeys }

    /// Esc shows only while it cancels, Enter only where the focused widget does not take it,
    /// F2 only on the filter fields (first there); Ctrl-S is named as the button is.
    public var barEntries: [BarEntry] {
        var entries: [BarEntry] = []
        if isSending { entries.append(BarEntry("Esc", "cancel")) }
        if focus == .filterUsers || focus == .filterDomains { entries.append(BarEntry("F2", "pick")) }
        entries += focusedKeys.barEntries(on: self)
        entries += [BarEntry("Tab", "next"), BarEntry("S-Tab", "back")]
        if focus != .create { entries.append(BarEntry("Enter", "next")) }
        entries.append(BarEntry("Ctrl-S", submitButton.barLabel))
        return entries
    }

    /// What the focused widget did, seen from the form.
    mutating func respond(_ response: WidgetResponse, _ context: ScreenContext) -> Outcome {
        switch response {
        case .activated:
            return submit(context)
        case .changed, .changedDropping:
            if let field = focus.field { serverErrors[field] = nil }
            if case .changedDropping(let dropped) = response { return Self.pasteWarning(dropped, focus) }
            return .none
        case .moved, .declined:
            return .none
        }
    }

    private static func pasteWarning(_ dropped: TextField.Dropped, _ control: Control) -> Outcome {
        if dropped.overflow > 0 {
            return .status(.warning, "The paste was cut: \(control.label) holds at most \(TextField.maxLength) characters (\(dropped.overflow) left out).")
        }
        let n = dropped.lineBreaks
        return .status(.warning, "Removed \(n) line break\(n == 1 ? "" : "s")/tab\(n == 1 ? "" : "s") from the paste: \(control.label) is a single line.")
    }

    /// Leaving a field marks it touched, so its problems show from now on.
    mutating func moveFocus(to target: Control) {
        if let field = focus.field { touched.insert(field) }
        focus = target
    }

    /// Back to the screen below, asking first when typed input would be lost.
    func leaving(_ context: ScreenContext) -> Outcome {
        guard let what = unsavedInput else { return .leave }
        return .open(ConfirmModal(ConfirmDialog(title: "Leave?", message: what, question: "Leave the form and lose it? y/N", confirmLabel: "leave"),
                                  onYes: .tell(FormMessage.leave)))
    }

    /// Every key of the form, by where it works; `form` supplies the widgets' own tables.
    static func sections(_ form: FormScreen) -> [HelpSection] {
        [
            HelpSection("The form", formKeys.helpLines()),
            HelpSection("Text fields", TextField.bindings.helpLines()),
            form.eventList.helpSection("Events"),
            form.status.helpSection("Status"),
            form.submitButton.helpSection("The Create button"),
            HelpSection("Secret window", SecretModal.mainKeys.helpLines()),
            HelpSection("Secret window, saving to a file", SecretModal.pathPromptKeys.prefix(2).map(\.helpLine)),
        ]
    }

    static var referenceSections: [HelpSection] { sections(FormScreen()) }
}
