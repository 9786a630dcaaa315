import TerminalUI

/// Keys that mean the same on every screen: help, suspend, quit.
public enum GlobalBindings {
    static let table: [Binding<AppState>] = [
        Binding([.function(1)], keys: "F1", bar: BarEntry("F1", "help", pin: .always), help: "help for this screen") { app, _, _ in .open(HelpModal(for: app)) },
        Binding([.character("?")], keys: "?", help: "help, outside text fields (there it is typed)", when: { !$0.isTyping }) { app, _, _ in
            .open(HelpModal(for: app))
        },
        // The shell suspends before the core sees the key; declared here for the key bar and help.
        Binding([.control("z")], keys: "Ctrl-Z", help: "suspend; fg in the shell brings the program back, redrawn") { _, _, _ in .none },
        Binding([.control("c"), .control("q")], keys: "Ctrl-C or Ctrl-Q", bar: BarEntry("Ctrl-Q", "quit", pin: .onHome),
                help: "quit; asks first if typed input, an unsaved secret or a change in flight would be lost") { _, _, _ in .askToQuit },
    ]

    /// The key the shell suspends on (Ctrl-Z), from the table.
    public static func isSuspend(_ key: Key) -> Bool { key == .control("z") }

    static func isQuit(_ key: Key) -> Bool { table.last?.matches(key) == true }
}

extension AppState {
    /// True when printable keys go into a text input, so `?` is a character, not help.
    public var isTyping: Bool { topModal.map(\.isTyping) ?? topScreen.screen.isTyping }
}
