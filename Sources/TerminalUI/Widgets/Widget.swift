/// What a widget tells its owner after taking a key.
public enum WidgetResponse: Sendable, Equatable {
    /// Only the view changed (a cursor moved).
    case moved
    /// The value changed.
    case changed
    /// The value changed, but part of a paste could not be kept.
    case changedDropping(TextField.Dropped)
    /// A button was pressed, a choice confirmed.
    case activated
    /// A confirm dialog was answered no.
    case declined
}

/// A piece of a screen that takes keys while it has focus and draws itself into a rectangle.
/// It declares its keys once, as data: handling, the key bar and help all read `bindings`.
public protocol Widget: Sendable, Equatable {
    associatedtype Action: Sendable & Equatable
    var bindings: [KeyBinding<Action>] { get }
    /// Performs one of its own actions, for the key that chose it.
    mutating func perform(_ action: Action, key: Key) -> WidgetResponse
    /// Draws into `rect`; `focused` decides the highlight and whether it places the cursor.
    func draw(into grid: inout Grid, rect: Rect, focused: Bool)
}

extension Widget {
    /// Takes the key if one of its bindings does; nil when it is not this widget's key.
    @inlinable public mutating func handle(_ key: Key) -> WidgetResponse? {
        guard let binding = bindings.binding(for: key) else { return nil }
        return perform(binding.action, key: key)
    }

    /// Its help, as a section with a title.
    @inlinable public func helpSection(_ title: String) -> HelpSection { HelpSection(title, bindings.helpLines()) }
}
