import JetEmailClient
import TerminalUI

/// A kind of message one screen or modal sends another, one way: declared as a type in the
/// folder of the screen that receives it (or of the shared question or modal that sends it to
/// several), so that nothing central grows when a screen adds one.
public protocol ScreenMessageKind: OpenKind {}

/// What screens and modals tell each other: a question's answer to the screen that asked it, a
/// webhook changed to the list, a choice to the form. The core only carries it; the receiver
/// reads its own kinds back with `as`.
public struct ScreenMessage: Sendable, Equatable, CustomStringConvertible {
    private let value: any ScreenMessageKind

    public init(_ value: some ScreenMessageKind) { self.value = value }

    /// The message as this kind, if it is one.
    public func `as`<Kind: ScreenMessageKind>(_: Kind.Type) -> Kind? { value as? Kind }

    public static func == (a: ScreenMessage, b: ScreenMessage) -> Bool { a.value.isSame(as: b.value) }

    public var description: String { "\(value)" }
}

/// After a copy with OSC 52, from the shell: why it may not arrive (to the modal on top).
public struct ClipboardAdvice: ScreenMessageKind {
    public var text: String
}

/// One marked event to replay: to its own webhook (`name` for what is said of it).
public struct MarkedReplay: Sendable, Equatable {
    public var target: ReplayTarget
    public var name: String?
    public init(target: ReplayTarget, name: String?) { self.target = target; self.name = name }
}
