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

    /// A value of styled parts: as many parts a line as fit, the rest under the value column.
    public mutating func field(_ label: String, parts: [Span]) {
        let room = max(10, width - labelWidth)
        var line: [Span] = [], used = 0, first = true
        func flush() {
            lines.append([Span(first ? label : "", Style(.normal, bold: true), width: labelWidth)] + line)
            first = false
            line = []
            used = 0
        }
        for part in parts {
            let w = DisplayWidth.of(part.text)
            if used > 0, used + w > room { flush() }
            line.append(part)
            used += w
        }
        if !line.isEmpty || first { flush() }
    }

    public mutating func append(_ line: [Span]) { lines.append(line) }
}
