import JetEmailClient
import TerminalUI

/// Keys on the form itself: focus movement, editing, the checklist, status, submit.
enum FormKeys {
    static func handle(_ state: AppState, _ key: Key) -> (AppState, [Effect]) {
        var s = state
        switch key {
        case .escape:
            if case .sending(let id, _) = s.submission {
                s.submission = .idle
                s.status = StatusMessage(.warning, "Cancelled; your input is kept. If the request had reached JetEmail the webhook may exist: check the list before creating it again.")
                return (s, [.cancelSubmit(id: id)])
            }
            s.beneath = .none
            s.overlay = .confirmQuit(reason: s.form.hasInput ? "The form has input that has not been sent." : "")
            return (s, [])
        case .control("s"):
            return SubmitFlow.submit(s)
        case .tab:
            moveFocus(&s.form, to: s.form.focus.next)
            return (s, [])
        case .backTab:
            moveFocus(&s.form, to: s.form.focus.previous)
            return (s, [])
        default:
            break
        }
        let control = s.form.focus
        if control.isTextField {
            if key == .enter { moveFocus(&s.form, to: control.next); return (s, []) }
            var field = s.form[text: control]!
            let before = field.text
            let dropped = (key.pastedText).map { field.insert($0) } ?? TextField.Dropped()
            if key.pastedText == nil { _ = field.handle(key) }
            s.form[text: control] = field
            if field.text != before, let f = control.field { s.form.serverErrors[f] = nil }
            if dropped.overflow > 0 {
                s.status = StatusMessage(.warning, "The paste was cut: \(control.label) holds at most \(TextField.maxLength) characters (\(dropped.overflow) left out).")
            } else if dropped.lineBreaks > 0 {
                let n = dropped.lineBreaks
                s.status = StatusMessage(.warning, "Removed \(n) line break\(n == 1 ? "" : "s")/tab\(n == 1 ? "" : "s") from the paste: \(control.label) is a single line.")
            }
            return (s, [])
        }
        switch control {
        case .events: EventsKeys.handle(&s.form, key)
        case .status:
            if [.character(" "), .left, .right, .character("h"), .character("l")].contains(key) {
                s.form.enabled.toggle()
                s.form.serverErrors[.status] = nil
            } else if key == .enter { moveFocus(&s.form, to: .filterUsers) }
        case .create:
            if key == .enter || key == .character(" ") { return SubmitFlow.submit(s) }
        default: break
        }
        return (s, [])
    }

    /// Leaving a field marks it touched, so its problems show from now on.
    static func moveFocus(_ form: inout FormState, to target: Control) {
        if let field = form.focus.field { form.touched.insert(field) }
        form.focus = target
    }
}

/// The events checklist: Up/Down (k/j) move, Left/Right switch columns, Space toggles,
/// `a` all/none, `o` all outbound, `i` all inbound.
enum EventsKeys {
    /// The checklist is drawn in two columns of this many items.
    static let columnLength = 7

    static func handle(_ form: inout FormState, _ key: Key) {
        let all = EventType.allCases
        switch key {
        case .up, .character("k"): form.eventCursor = max(0, form.eventCursor - 1)
        case .down, .character("j"): form.eventCursor = min(all.count - 1, form.eventCursor + 1)
        case .home, .pageUp: form.eventCursor = 0
        case .end, .pageDown: form.eventCursor = all.count - 1
        case .right, .character("l"):
            if form.eventCursor < columnLength { form.eventCursor = min(form.eventCursor + columnLength, all.count - 1) }
        case .left, .character("h"):
            if form.eventCursor >= columnLength { form.eventCursor -= columnLength }
        case .character(" "), .character("x"):
            let event = all[form.eventCursor]
            if form.events.contains(event) { form.events.remove(event) } else { form.events.insert(event) }
            form.serverErrors[.events] = nil
        case .character("a"): toggleGroup(&form, all)
        case .character("o"): toggleGroup(&form, EventType.outbound)
        case .character("i"): toggleGroup(&form, EventType.inbound)
        case .enter: FormKeys.moveFocus(&form, to: .status)
        default: break
        }
    }

    /// Selects the whole group, or clears it when it is already wholly selected.
    private static func toggleGroup(_ form: inout FormState, _ group: [EventType]) {
        if group.allSatisfy(form.events.contains) { form.events.subtract(group) } else { form.events.formUnion(group) }
        form.serverErrors[.events] = nil
    }
}

extension Key {
    var pastedText: String? { if case .paste(let text) = self { text } else { nil } }
}
