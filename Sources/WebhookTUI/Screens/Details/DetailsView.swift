import JetEmailClient
import TerminalUI

/// The lines of a webhook's details: label, value; long values wrap under the value column.
extension DetailsScreen {
    func lines(width: Int, context: ScreenContext) -> [[Span]] {
        let clock = context.clock, now = context.now
        var out = FieldLines(width: width)
        let w = webhook
        out.field("Name", TerminalSafe.escaped(w.name))
        out.field("UUID", TerminalSafe.escaped(w.uuid))
        out.field("Status", w.status.map { $0 == .enabled ? "● enabled: events are delivered" : "○ disabled: no deliveries" } ?? "? unknown: the API gave it as unreadable",
                  w.status == .disabled ? .muted : w.status == nil ? .warning : .success)
        // Whole, but a token in its query is masked until u shows it: others may see this screen.
        let masked = URLDisplay.hasSecrets(w.url)
        out.field("URL", TerminalSafe.escaped(urlRevealed || !masked ? w.url : URLDisplay.masked(w.url)))
        if masked { out.field("", urlRevealed ? "u hides the secret in it again" : "a secret in it is masked: u shows it", .muted) }
        // The chart first, where it is seen without scrolling at 80 x 24; the way to recover
        // beside the failures it shows.
        out.append([])
        for line in FailureChart.lines(timelines[chartSpan], span: chartSpan, width: width, recoverHint: (counts.failedRecently ?? 0) > 0) {
            out.append(line)
        }
        counts.lines(into: &out)
        out.append([])
        if let created = w.createdAt { out.field("Created", clock.described(created, now: now)) }
        if let modified = w.lastModified { out.field("Last modified", clock.described(modified, now: now)) }
        out.field("Filter users", w.filterUsers.map { $0.isEmpty ? "all users" : $0.map { TerminalSafe.escaped($0) }.joined(separator: ", ") } ?? "all users (outbound events)")
        out.field("Filter domains", w.filterDomains.map { $0.isEmpty ? "all domains" : $0.map { TerminalSafe.escaped($0) }.joined(separator: ", ") } ?? "all domains (inbound events)")
        out.append([])
        out.append([Span("Events (\(w.events.count))", Style(.accent, bold: true))])
        for event in w.events {
            let description = event.known.map { $0.summary } ?? "not in the create list; shown as the API sent it"
            out.field("", "\(TerminalSafe.escaped(event.rawValue)): \(description)")
        }
        out.append([])
        for line in Wrap.lines("The signing secret was shown once, when the webhook was created, and cannot be shown again. "
                               + "If it is lost, create a new webhook and delete this one.", width: width) {
            out.append([Span(line, .muted)])
        }
        if let note = w.unreadableNote { out.append([Span(note, Style(.warning, bold: true))]) }
        return out.lines
    }
}
