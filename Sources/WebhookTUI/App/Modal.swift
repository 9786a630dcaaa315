import JetEmailClient
import TerminalUI

/// A window over the screens that takes every key while it is on top: help, a question, the
/// secret, a prompt, a picker. Modals stack; closing one shows the one below. Like a screen, a
/// modal is a plain value that says what it wants done (`Outcome`); it is told the answers to
/// its own requests and the messages addressed to it.
public protocol Modal: Sendable, Equatable {
    var keys: [Binding<Self>] { get }
    /// The key bar while it is on top (its keys' entries unless it says otherwise).
    var barEntries: [BarEntry] { get }
    var isTyping: Bool { get }
    /// What closing it, or quitting, would lose; nil when nothing.
    var unsaved: String? { get }
    /// The keys that work everywhere (F1, Ctrl-Q) work over it; a question takes every key.
    var takesGlobalKeys: Bool { get }
    var wantsTicks: Bool { get }
    /// What a window too small for the screen still shows of it (a question stays answerable).
    var smallWindowLines: [(String, Style)]? { get }

    mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome
    mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome

    func draw(into grid: inout Grid, focused: Bool, context: ScreenContext)
}

extension Modal {
    public var barEntries: [BarEntry] { keys.barEntries(on: self) }
    public var isTyping: Bool { false }
    public var unsaved: String? { nil }
    public var takesGlobalKeys: Bool { true }
    public var wantsTicks: Bool { false }
    public var smallWindowLines: [(String, Style)]? { nil }
    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome { .none }
    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome { .none }

    public mutating func handle(_ key: Key, _ context: ScreenContext) -> Outcome? {
        guard let binding = keys.binding(for: key, on: self) else {
            return keys.whyDisabled(key).map { .status(.info, $0) }
        }
        return binding.run(&self, key, context)
    }

    func isSame(as other: any Modal) -> Bool { (other as? Self) == self }
}
