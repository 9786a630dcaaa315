import TerminalUI

/// Where a key goes: the top modal takes every key; otherwise the keys that mean the same
/// everywhere (quit, help), then the top screen.
enum KeyRouter {
    static func handle(_ s: inout AppState, _ key: Key) -> [Effect] {
        // A window too small for the screen shows nothing that could act: only leaving works,
        // Esc back (or quit, on the home screen) and Ctrl-Q quit, each asking on that small
        // screen when something would be lost; other keys wait for a larger window.
        if !Chrome.fits(s), s.topModal == nil {
            if GlobalBindings.table.binding(for: key)?.action == .quit { Quit.ask(&s); return [] }
            if key == .escape { return TooSmallView.back(&s) }
            return []
        }
        if let modal = s.topModal { return ModalKeys.handle(&s, modal, key) }
        if let global = GlobalBindings.table.binding(for: key, enabled: { GlobalBindings.isEnabled($0, s) }) {
            GlobalBindings.perform(global.action, &s)
            return []
        }
        let top = s.topScreen
        switch top.screen {
        case .form:
            return s.withForm(top.id) { form, app in FormKeys.handle(&form, screen: top.id, key, app: &app) } ?? []
        case .list:
            return s.withList(top.id) { list, app in ListKeys.handle(&list, screen: top.id, key, app: &app) } ?? []
        case .deliveries:
            return s.withDeliveryLog(top.id) { log, app in DeliveryLogKeys.handle(&log, screen: top.id, key, app: &app) } ?? []
        case .event:
            s.withScreen(top.id, open: { if case .event(let event) = $0 { event } else { nil } }, close: Screen.event) { event, app in
                event.handle(key, screen: top.id, app: &app)
            }
            return []
        case .details:
            return s.withScreen(top.id, open: { if case .details(let details) = $0 { details } else { nil } }, close: Screen.details) { details, app in
                details.handle(key, screen: top.id, app: &app)
            } ?? []
        }
    }
}
