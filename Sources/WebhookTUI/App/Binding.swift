import TerminalUI

/// One key binding of a screen or a modal, declared once with everything about it: the keys,
/// how help writes them, the key bar's entry, the help line, when it is enabled, and what it does
/// (lazygit's `Binding{Key, Handler, GetDisabledReason}`). Handling, the key bar, help and the
/// docs/keys.md's key tables all read these.
public struct Binding<Target: Sendable>: Sendable {
    public var patterns: [KeyPattern]
    public var keys: String
    public var bar: BarEntry?
    public var help: String
    public var isEnabled: @Sendable (Target) -> Bool
    /// Said in the status line when the key is pressed while it is not enabled (lazygit's
    /// `GetDisabledReason`): a key never does nothing without a word.
    public var whyDisabled: String?
    public var run: @Sendable (inout Target, Key, ScreenContext) -> Outcome

    public init(_ patterns: [KeyPattern], keys: String, bar: BarEntry? = nil, help: String,
                when isEnabled: @escaping @Sendable (Target) -> Bool = { _ in true }, because whyDisabled: String? = nil,
                _ run: @escaping @Sendable (inout Target, Key, ScreenContext) -> Outcome) {
        self.patterns = patterns
        self.keys = keys
        self.bar = bar
        self.help = help
        self.isEnabled = isEnabled
        self.whyDisabled = whyDisabled
        self.run = run
    }

    /// The usual case: exact keys.
    public init(_ keyList: [Key], keys: String, bar: BarEntry? = nil, help: String,
                when isEnabled: @escaping @Sendable (Target) -> Bool = { _ in true }, because whyDisabled: String? = nil,
                _ run: @escaping @Sendable (inout Target, Key, ScreenContext) -> Outcome) {
        self.init(keyList.map(KeyPattern.key), keys: keys, bar: bar, help: help, when: isEnabled, because: whyDisabled, run)
    }

    /// A widget's binding as one of this target's: the widget's keys and words, this handler.
    public init<Action>(_ widget: KeyBinding<Action>, when isEnabled: @escaping @Sendable (Target) -> Bool = { _ in true },
                        _ run: @escaping @Sendable (inout Target, Action, Key, ScreenContext) -> Outcome) {
        let action = widget.action
        self.init(widget.patterns, keys: widget.keys, bar: widget.bar, help: widget.help, when: isEnabled) { target, key, context in
            run(&target, action, key, context)
        }
    }

    public func matches(_ key: Key) -> Bool { patterns.contains { $0.matches(key) } }

    /// The first key that triggers it, for tests that press it.
    public var firstKey: Key? {
        for pattern in patterns { if case .key(let key) = pattern { return key } }
        return nil
    }

    public var helpLine: HelpLine { HelpLine(keys: keys, text: help) }
}

extension Array {
    /// The first enabled binding that takes this key.
    public func binding<Target>(for key: Key, on target: Target) -> Binding<Target>? where Element == Binding<Target> {
        first { $0.matches(key) && $0.isEnabled(target) }
    }

    /// Why this key does nothing, asked once no enabled binding took it: the first binding of
    /// the key that says why it is not enabled.
    public func whyDisabled<Target>(_ key: Key) -> String? where Element == Binding<Target> {
        lazy.filter { $0.matches(key) }.compactMap(\.whyDisabled).first
    }

    /// The key bar entries of the enabled ones, in order.
    public func barEntries<Target>(on target: Target) -> [BarEntry] where Element == Binding<Target> {
        compactMap { $0.isEnabled(target) ? $0.bar : nil }
    }

    public func helpLines<Target>() -> [HelpLine] where Element == Binding<Target> { map(\.helpLine) }
}
