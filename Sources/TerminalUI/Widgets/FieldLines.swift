/// Lines of `label  value` for a scroll view: labels in bold in a column of their own, long
/// values wrapped under the value column. The details screens are made of these.
public struct FieldLines: Sendable {
    public let labelWidth: Int
    public let width: Int
    public private(set) var lines: [[Span]] = []

    public init(width: Int, labelWidth: Int = 16) {
        self.width = width
        self.labelWidth = labelWidth
    }

    public mutating func field(_ label: String, _ value: String, _ style: Style = .plain) {
        for (i, line) in Wrap.lines(value, width: max(10, width - labelWidth)).enumerated() {
            lines.append([Span(i == 0 ? label : "", Style(.normal, bold: true), width: labelWidth), Span(line, style)])
        }
    }

    public mutating func append(_ line: [Span]) { lines.append(line) }
}
