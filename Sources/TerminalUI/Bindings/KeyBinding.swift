/// Which key presses a binding takes.
public enum KeyPattern: Sendable, Equatable {
    case key(Key)
    /// Any printable character (typing into a text input).
    case anyCharacter
    /// A bracketed paste.
    case anyPaste
    /// Anything at all ("any other key cancels").
    case anyKey

    @inlinable
    public func matches(_ key: Key) -> Bool {
        switch (self, key) {
        case (.key(let k), _): k == key
        case (.anyCharacter, .character): true
        case (.anyPaste, .paste): true
        case (.anyKey, _): true
        default: false
        }
    }
}

/// How a binding shows in the key bar: `Ctrl-S create`.
public struct BarEntry: Sendable, Equatable {
    public var key: String
    public var label: String
    /// Kept in view whatever else the bar has room for: help always, the way out (quit on the
    /// home screen, back on the others) where it works. Declared with the entry, never found by
    /// its words.
    public var pin: Pin?

    public enum Pin: Sendable, Equatable { case always, onHome, offHome }

    public init(_ key: String, _ label: String, pin: Pin? = nil) { self.key = key; self.label = label; self.pin = pin }
    @inlinable public var text: String { "\(key) \(label)" }
}

/// One key binding, declared once: the keys, how they are written, the key bar's short label,
/// the help line, and the action. Handling, the key bar, the help screen and docs/keys.md's key
/// tables are all made from these.
public struct KeyBinding<Action: Sendable & Equatable>: Sendable, Equatable {
    public var patterns: [KeyPattern]
    /// The keys as the help screen writes them: `↑/↓ or k/j`.
    public var keys: String
    /// In the key bar, or nil for help only.
    public var bar: BarEntry?
    public var help: String
    public var action: Action

    public init(_ patterns: [KeyPattern], keys: String, bar: BarEntry? = nil, help: String, _ action: Action) {
        self.patterns = patterns
        self.keys = keys
        self.bar = bar
        self.help = help
        self.action = action
    }

    /// The usual case: exact keys.
    public init(_ keyList: [Key], keys: String, bar: BarEntry? = nil, help: String, _ action: Action) {
        self.init(keyList.map(KeyPattern.key), keys: keys, bar: bar, help: help, action)
    }

    @inlinable public func matches(_ key: Key) -> Bool { patterns.contains { $0.matches(key) } }

    /// The first key that triggers this binding, for tests that press it.
    @inlinable public var firstKey: Key? {
        for pattern in patterns { if case .key(let key) = pattern { return key } }
        return nil
    }

    /// Its line in help.
    @inlinable public var helpLine: HelpLine { HelpLine(keys: keys, text: help) }

    /// The same binding with another action type (a widget's binding lifted into a screen's).
    @inlinable public func map<Other>(_ transform: (Action) -> Other) -> KeyBinding<Other> {
        KeyBinding<Other>(patterns, keys: keys, bar: bar, help: help, transform(action))
    }
}

extension Array {
    /// The first binding taking this key whose action is enabled.
    @inlinable public func binding<Action>(for key: Key, enabled: (Action) -> Bool = { _ in true }) -> KeyBinding<Action>?
    where Element == KeyBinding<Action> {
        first { $0.matches(key) && enabled($0.action) }
    }

    /// The first binding for this action.
    @inlinable public func binding<Action>(doing action: Action) -> KeyBinding<Action>? where Element == KeyBinding<Action> {
        first { $0.action == action }
    }

    /// The help lines of these bindings.
    @inlinable public func helpLines<Action>() -> [HelpLine] where Element == KeyBinding<Action> {
        map { HelpLine(keys: $0.keys, text: $0.help) }
    }

    /// The key bar entries of the enabled ones.
    @inlinable public func barEntries<Action>(enabled: (Action) -> Bool = { _ in true }) -> [BarEntry] where Element == KeyBinding<Action> {
        compactMap { enabled($0.action) ? $0.bar : nil }
    }
}
