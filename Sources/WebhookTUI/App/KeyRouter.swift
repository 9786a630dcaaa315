import TerminalUI

/// Where a key goes: the top modal takes every key (its own first, then the keys that work
/// everywhere where it lets them); otherwise the keys that work everywhere, then the top screen.
enum KeyRouter {
    static func handle(_ s: inout AppState, _ key: Key) {
        // A window too small for the screen shows nothing that could act: only leaving works,
        // Esc back (or quit, on the home screen) and Ctrl-Q quit, each asking on that small
        // screen when something would be lost; other keys wait for a larger window.
        if !Chrome.fits(s), s.modals.isEmpty {
            if GlobalBindings.isQuit(key) { Quit.ask(&s); return }
            guard key == .escape else { return }
            if s.screens.count > 1 { s.withScreen(s.topScreen.id) { screen, context in screen.leave(context) } } else { Quit.ask(&s) }
            return
        }
        if let top = s.modals.last {
            var handled = false
            s.withModal(top.id) { modal, context in
                guard let outcome = modal.handle(key, context) else { return .none }
                handled = true
                return outcome
            }
            if !handled, top.modal.takesGlobalKeys, let global = GlobalBindings.table.binding(for: key, on: s) {
                s.apply(global.run(&s, key, s.context(for: top.id)), from: top.id)
            }
            return
        }
        let screen = s.topScreen.id
        if let global = GlobalBindings.table.binding(for: key, on: s) {
            s.apply(global.run(&s, key, s.context(for: screen)), from: screen)
            return
        }
        s.withScreen(screen) { screen, context in screen.handle(key, context) ?? .none }
    }
}
