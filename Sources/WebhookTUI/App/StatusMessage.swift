import TerminalUI

/// A line of feedback with its tone.
public struct StatusMessage: Sendable, Equatable {
    public enum Tone: Sendable, Equatable { case info, success, warning, error }
    public var tone: Tone
    public var text: String

    public init(_ tone: Tone, _ text: String) { self.tone = tone; self.text = text }
}

extension StatusMessage.Tone {
    var style: Style {
        switch self {
        case .info: .plain
        case .success: .success
        case .warning: Style(.warning, bold: true)
        case .error: .error
        }
    }

    var symbol: String {
        switch self {
        case .info: "·"
        case .success: "✓"
        case .warning: "!"
        case .error: "✗"
        }
    }
}
