import TerminalUI

/// Keys that mean the same on every screen.
public enum GlobalBindings {
    enum Action: Sendable, Equatable { case quit, help, helpOutsideText, suspend }

    static let table: [KeyBinding<Action>] = [
        KeyBinding([.function(1)], keys: "F1", bar: BarEntry("F1", "help"), help: "help for this screen", .help),
        KeyBinding([.character("?")], keys: "?", help: "help, outside text fields (there it is typed)", .helpOutsideText),
        // The shell suspends before the core sees the key; declared here for the key bar and help.
        KeyBinding([.control("z")], keys: "Ctrl-Z", help: "suspend; fg in the shell brings the program back, redrawn", .suspend),
        KeyBinding([.control("c"), .control("q")], keys: "Ctrl-C or Ctrl-Q", bar: BarEntry("Ctrl-Q", "quit"),
                   help: "quit; asks first if typed input or an unsaved secret would be lost", .quit),
    ]

    static func isEnabled(_ action: Action, _ s: AppState) -> Bool {
        action != .helpOutsideText || !typingFocused(s)
    }

    static func perform(_ action: Action, _ s: inout AppState) {
        switch action {
        case .quit: Quit.ask(&s)
        case .help, .helpOutsideText: s.open(.help(HelpModal(for: s)))
        case .suspend: break
        }
    }

    /// The key the shell suspends on (Ctrl-Z), from the table.
    public static func isSuspend(_ key: Key) -> Bool { table.binding(for: key)?.action == .suspend }

    /// True when printable keys go into a text input, so `?` is a character, not help.
    static func typingFocused(_ s: AppState) -> Bool {
        switch s.topModal {
        case .secret(let modal)?: return modal.pathPrompt != nil
        case .secretFilePrompt?, .apiKeyPrompt?, .examplePrompt?: return true
        case .help?, .confirmQuit?, .confirm?, .picker?: return false
        case nil: break
        }
        switch s.topScreen.screen {
        case .form(let form): return form.focus.isTextField
        case .list(let list): return list.filterTyping
        case .deliveries(let log): return log.lookupTyping
        case .details, .event: return false
        }
    }
}
