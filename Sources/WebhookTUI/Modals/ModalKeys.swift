import TerminalUI

/// Keys while a modal is on top: it takes them all. Quit works over help, the secret window
/// and the secret file prompt (asking when something would be lost); the key prompt quits at once.
enum ModalKeys {
    static func handle(_ s: inout AppState, _ modal: Modal, _ key: Key) -> [Effect] {
        let global = GlobalBindings.table.binding(for: key, enabled: { GlobalBindings.isEnabled($0, s) })?.action
        switch modal {
        case .confirmQuit(var dialog):
            if dialog.handle(key) == .activated {
                // What quitting leaves behind is said on stderr once the terminal is back.
                s.exitNotice = Quit.lossOnExit(s)
                s.quitRequested = true
            } else {
                s.closeModal()
            }
            return []
        case .confirm(var dialog, let screen, let action):
            s.closeModal()
            guard dialog.handle(key) == .activated else { return [] }
            if action == .leaveForm { s.leave(screen); return [] }
            if case .replay(let target, let name) = action { return s.hasScreen(screen) ? ReplayFlow.confirmed(&s, screen: screen, target, to: name) : [] }
            return s.withList(screen) { list, app in ListFlow.confirmed(&list, screen: screen, action, app: &app) } ?? []
        case .apiKeyPrompt(var input):
            return APIKeyPrompt.handle(&s, &input, key)
        case .help(var help):
            if global == .quit { Quit.ask(&s); return [] }
            help.handle(key, app: &s)
            return []
        case .secret(var secret):
            if let global {
                GlobalBindings.perform(global, &s)
                return []
            }
            return SecretModalKeys.handle(&s, &secret, key)
        case .examplePrompt(var prompt):
            if global == .quit { Quit.ask(&s); return [] }
            return ExampleFlow.handlePrompt(&s, &prompt, key)
        case .picker(var picker):
            if global == .quit { Quit.ask(&s); return [] }
            return PickerKeys.handle(&s, &picker, key)
        case .secretFilePrompt(var prompt):
            if global == .quit { Quit.ask(&s); return [] }
            return prompt.handle(key, app: &s)
        }
    }
}
