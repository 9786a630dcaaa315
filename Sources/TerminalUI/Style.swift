/// How a cell looks, in terms of meaning; the backend turns roles into colours, or into
/// bold/underline/reverse when there are no colours.
public struct Style: Sendable, Hashable {
    public enum Role: Sendable, Hashable { case normal, accent, error, warning, success, muted, badge }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role; self.bold = bold; self.reverse = reverse; self.underline = underline
    }

    public static let plain = Style()
    public static let muted = Style(.muted)
    public static let accent = Style(.accent, bold: true)
    public static let error = Style(.error, bold: true)
    public static let warning = Style(.warning)
    public static let success = Style(.success, bold: true)
    public static let focused = Style(.accent, bold: true, reverse: true)
    public static let input = Style(.normal, underline: true)
}
