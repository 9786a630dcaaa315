import JetEmailClient
import TerminalUI

/// Failed against all deliveries over time, as bars: a column a bucket, failed ones `█` from the
/// bottom, the others `░` above them. Shapes, not colours, tell them apart, so NO_COLOR loses
/// nothing; without UTF-8 the terminal shows `#` and `:` (the backend's stand-ins).
enum FailureChart {
    static let height = 6
    static let failedMark: Character = "█"
    static let otherMark: Character = "░"

    /// The chart's lines: a heading with its totals, the bars with the scale at the left, the
    /// time axis. `timeline` nil: still asked for.
    /// `recoverHint`: the webhook has failures to recover (the chart's, or the last 7 days').
    static func lines(_ timeline: DeliveryTimeline?, span: DeliveryTimeline.Span, width: Int, recoverHint: Bool = false) -> [[Span]] {
        let other = DeliveryTimeline.Span.allCases.first { $0 != span } ?? .week
        var out: [[Span]] = [[Span("Failures · \(span.words)", Style(.accent, bold: true)),
                              Span("  (t: \(other == .day ? "24 hours" : "7 days"))", .muted)]]
        guard let timeline else {
            out.append([Span("  asking the log…", .muted)])
            return out
        }
        let buckets = timeline.buckets
        let failed = buckets.compactMap(\.failed).reduce(0) { $0.addingReportingOverflow($1).partialValue }
        let total = buckets.compactMap(\.total).reduce(0) { $0.addingReportingOverflow($1).partialValue }
        let unknown = buckets.filter { $0.failed == nil || $0.total == nil }.count
        guard unknown < buckets.count else {
            // Nothing counted yet: no "0 of 0" (a busy request budget may hold the asks a while).
            out.append([Span("  asking the log…", .muted)])
            return out
        }
        out.append([Span("  \(failed) failed of \(total)", Style(failed > 0 ? .error : .normal, bold: failed > 0)),
                    Span(unknown > 0 ? " (\(unknown) bucket\(unknown == 1 ? "" : "s") not counted yet: ?)" : "", .muted),
                    Span(failed > 0 || recoverHint ? " · Ctrl-R recovers the latest outage" : "", Style(.warning, bold: true))])
        // Two columns a bucket where they fit, else one.
        let labelWidth = 6
        let step = labelWidth + buckets.count * 2 <= width ? 2 : 1
        let peak = buckets.map { max($0.total ?? 0, $0.failed ?? 0) }.max() ?? 0
        for row in (0..<height).reversed() {
            let label = row == height - 1 ? String(peak) : row == 0 ? "0" : ""
            var spans = [Span(String(repeating: " ", count: max(0, labelWidth - 1 - label.count)) + label + " ", .muted)]
            for bucket in buckets {
                spans.append(cell(bucket, row: row, peak: peak))
                if step == 2 { spans.append(Span(" ")) }
            }
            out.append(spans)
        }
        out.append([Span(String(repeating: " ", count: labelWidth)), Span(axis(span: span, columns: buckets.count * step), .muted)])
        out.append([Span(String(repeating: " ", count: labelWidth)), Span("\(failedMark) failed  \(otherMark) the others (success, retry, pending)", .muted)])
        return out
    }

    /// The cells of a bucket from the bottom: failed ones, then the rest of its total; at least
    /// one cell for any count above zero, so one failure is never drawn as none.
    static func cell(_ bucket: DeliveryTimeline.Bucket, row: Int, peak: Int) -> Span {
        guard let total = bucket.total, let failed = bucket.failed else { return row == 0 ? Span("?", .muted) : Span(" ") }
        let all = max(total, failed)
        let allCells = cells(all, peak: peak), failedCells = min(allCells, cells(failed, peak: peak))
        if row < failedCells { return Span(String(failedMark), Style(.error, bold: true)) }
        if row < allCells { return Span(String(otherMark), .muted) }
        return Span(" ")
    }

    /// Rows a count fills, out of `height`, rounded up.
    static func cells(_ count: Int, peak: Int) -> Int {
        guard count > 0, peak > 0 else { return 0 }
        // In Double: a server's count near Int's edge cannot overflow a product.
        return min(height, max(1, Int((Double(count) * Double(height) / Double(peak)).rounded(.up))))
    }

    /// `-24h        -12h        now`, under the bars.
    static func axis(span: DeliveryTimeline.Span, columns: Int) -> String {
        let (left, middle) = span == .day ? ("-24h", "-12h") : ("-7d", "-3.5d")
        guard columns >= left.count + middle.count + 5 else { return left + " … now" }
        var line = Array(repeating: Character(" "), count: columns)
        for (i, c) in left.enumerated() { line[i] = c }
        let mid = columns / 2 - middle.count / 2
        for (i, c) in middle.enumerated() where mid + i < columns { line[mid + i] = c }
        for (i, c) in "now".enumerated() { line[columns - 3 + i] = c }
        return String(line)
    }
}
