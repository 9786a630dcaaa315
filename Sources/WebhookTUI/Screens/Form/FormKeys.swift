import JetEmailClient
import TerminalUI

/// Keys on the form: the focused widget's first, then the form's own table below.
enum FormKeys {
    enum Action: Sendable, Equatable { case next, previous, enterNext, submit, pick, escape }

    /// The form's own keys, whatever has the focus.
    static let table: [KeyBinding<Action>] = [
        KeyBinding([.tab], keys: "Tab", bar: BarEntry("Tab", "next"), help: "next control (leaving a field with a problem is allowed)", .next),
        KeyBinding([.backTab], keys: "Shift-Tab", bar: BarEntry("S-Tab", "back"), help: "previous control", .previous),
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "next"), help: "next control (on the button: create)", .enterNext),
        KeyBinding([.control("s")], keys: "Ctrl-S", bar: BarEntry("Ctrl-S", "create"), help: "create (on the edit form: save); nothing invalid is ever sent", .submit),
        KeyBinding([.function(2), .control("o")], keys: "F2 or Ctrl-O", bar: BarEntry("F2", "pick"), help: "on Filter users or Filter domains: choose from the account's users or inbound domains", .pick),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "cancel a create in flight (input is kept), or ask to quit", .escape),
    ]

    /// The key bar shows Esc only while it cancels, and Enter only where the focused widget
    /// does not take it.
    /// The form's own entries in the key bar; Ctrl-S is named as the button is (create or save).
    static func barEntries(_ form: FormState) -> [BarEntry] {
        table.compactMap { binding in
            guard inBar(binding.action, form), var entry = binding.bar else { return nil }
            if binding.action == .submit { entry.label = form.submitButton.barLabel }
            return entry
        }
    }

    static func inBar(_ action: Action, _ form: FormState) -> Bool {
        switch action {
        case .escape: form.isSending
        case .enterNext: form.focus != .create
        case .pick: form.focus == .filterUsers || form.focus == .filterDomains
        default: true
        }
    }

    static func handle(_ form: inout FormState, screen: Int, _ key: Key, app s: inout AppState) -> [Effect] {
        if let response = form.handleFocused(key) {
            return respond(&form, screen: screen, response, app: &s)
        }
        guard let binding = table.binding(for: key) else { return [] }
        switch binding.action {
        case .next: moveFocus(&form, to: form.focus.next)
        case .previous: moveFocus(&form, to: form.focus.previous)
        case .enterNext: moveFocus(&form, to: form.focus.next)
        case .submit: return SubmitFlow.submit(&form, screen: screen, app: &s)
        case .pick: FilterChoices.open(&form, screen: screen, app: &s)
        case .escape:
            if case .sending(let id, _) = form.submission {
                form.submission = .idle
                s.status = StatusMessage(.warning, form.editing == nil
                    ? "Cancelled; your input is kept. If the request had reached JetEmail the webhook may exist: check the list before creating it again."
                    : "Cancelled; your changes are kept. If the request had reached JetEmail they may have been saved: reload the list (r) to see.")
                return [.cancelSubmit(id: id)]
            }
            // Opened from the list: Esc goes back to it (asking when typed input would be lost).
            if s.screens.count > 1 {
                leave(form, screen: screen, app: &s)
                return []
            }
            s.open(.confirmQuit(Quit.dialog(form.hasInput ? "The form has input that has not been sent." : "")))
        }
        return []
    }

    /// Back to the screen below, asking first when typed input would be lost.
    static func leave(_ form: FormState, screen: Int, app s: inout AppState) {
        guard form.hasInput else { s.leave(screen); return }
        let what = form.editing == nil ? "The form has input that has not been sent." : "The changes have not been saved."
        s.open(.confirm(ConfirmDialog(title: "Leave?", message: what, question: "Leave the form and lose it? y/N", confirmLabel: "leave"),
                        screen: screen, action: .leaveForm))
    }

    /// What the focused widget did, seen from the form.
    private static func respond(_ form: inout FormState, screen: Int, _ response: WidgetResponse, app s: inout AppState) -> [Effect] {
        let control = form.focus
        switch response {
        case .activated:
            return SubmitFlow.submit(&form, screen: screen, app: &s)
        case .changed, .changedDropping:
            if let field = control.field { form.serverErrors[field] = nil }
            if control == .status { form.statusTouched = true }
            if case .changedDropping(let dropped) = response { s.status = pasteWarning(dropped, control) }
        case .moved, .declined:
            break
        }
        return []
    }

    private static func pasteWarning(_ dropped: TextField.Dropped, _ control: Control) -> StatusMessage {
        if dropped.overflow > 0 {
            return StatusMessage(.warning, "The paste was cut: \(control.label) holds at most \(TextField.maxLength) characters (\(dropped.overflow) left out).")
        }
        let n = dropped.lineBreaks
        return StatusMessage(.warning, "Removed \(n) line break\(n == 1 ? "" : "s")/tab\(n == 1 ? "" : "s") from the paste: \(control.label) is a single line.")
    }

    /// Leaving a field marks it touched, so its problems show from now on.
    static func moveFocus(_ form: inout FormState, to target: Control) {
        if let field = form.focus.field { form.touched.insert(field) }
        form.focus = target
    }
}

extension FormState {
    /// The focused widget takes the key if it is one of its own.
    mutating func handleFocused(_ key: Key) -> WidgetResponse? {
        switch focus {
        case .name: name.handle(key)
        case .url: url.handle(key)
        case .events: eventList.handle(key)
        case .status: status.handle(key)
        case .filterUsers: filterUsers.handle(key)
        case .filterDomains: filterDomains.handle(key)
        case .create: submitButton.handle(key)
        }
    }

    /// The focused widget's key bar entries.
    var focusedBarEntries: [BarEntry] {
        switch focus {
        case .name, .url, .filterUsers, .filterDomains: TextField.bindings.barEntries()
        case .events: eventList.bindings.barEntries()
        case .status: status.bindings.barEntries()
        case .create: submitButton.bindings.barEntries()
        }
    }
}
