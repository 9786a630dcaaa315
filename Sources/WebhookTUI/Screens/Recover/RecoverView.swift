import JetEmailClient
import TerminalUI

/// The lines of the recover screen, from the app's `RecoverStatus`.
extension RecoverScreen {
    func lines(width: Int, context: ScreenContext) -> [[Span]] {
        var out = FieldLines(width: width)
        guard let r = run else {
            out.append([Span("No recover has run. Ctrl-R on a webhook's delivery log plans one.", .muted)])
            return out.lines
        }
        let p = r.progress
        let (phase, tone): (String, Style) = switch r.phase {
        case .starting: ("starting: writing the journal", Style(.warning))
        case .running: (p.waitingSeconds.map { "held: JetEmail answered 429; going on in \($0) s" } ?? "running", Style(.warning, bold: true))
        case .stopping: ("stopping after the replay in flight", Style(.warning))
        case .ended(.finished): (r.notEnqueued == 0 ? "done: every event enqueued" : "done, with \(r.notEnqueued) not enqueued",
                                 Style(r.notEnqueued == 0 ? .success : .warning, bold: true))
        case .ended(.stopped): ("stopped; Ctrl-R on the log goes on", Style(.warning, bold: true))
        case .ended(.journalFailed(let why)), .ended(.rateLimited(let why)), .ended(.outputClosed(let why)):
            ("stopped: \(TerminalSafe.escaped(why))", Style(.error, bold: true))
        case .ended(.keyRefused(let why)):
            ("stopped: \(TerminalSafe.escaped(why)) Nothing more was sent; fix the key, then Ctrl-R on the log goes on.", Style(.error, bold: true))
        case .couldNotStart(let why): ("not started: \(TerminalSafe.escaped(why)) Nothing was sent.", Style(.error, bold: true))
        }
        out.field("State", phase, tone)
        out.append([Span("", width: FieldLines(width: width).labelWidth), Span(bar(p, width: min(40, max(10, width - 40)))),
                    Span(" \(p.done) of \(p.total)", Style(.normal, bold: true))])
        out.field("Enqueued", "\(p.enqueued)", .init(.success))
        // A recover of several: each webhook's own bar, oldest first within each.
        let label = out.labelWidth
        for part in r.parts {
            var shown = RecoverRun.Progress(total: part.total)
            shown.done = part.done
            out.append([Span("  " + String(TerminalSafe.escaped(part.name).prefix(label - 3)), Style(.normal, bold: true), width: label),
                        Span(bar(shown, width: min(30, max(10, width - 50)))),
                        Span(" \(part.done) of \(part.total)", Style(.normal, bold: true)),
                        Span(" · \(part.enqueued) enqueued", part.enqueued == part.total ? .init(.success) : .muted)])
        }
        if p.notFound > 0 { out.field("Not found", "\(p.notFound) (404: JetEmail has no such event; skipped)", .init(.warning)) }
        if p.refused > 0 { out.field("Refused", "\(p.refused) (listed below)", .init(.error)) }
        if p.uncertain > 0 { out.field("No answer", "\(p.uncertain) (may have been replayed)", .init(.warning)) }
        if let watched = outcome {
            // What became of them: the range's deliveries as they are now.
            let age = watched.askedAt.map { " (\(Int(max(0, context.now - $0))) s ago)" } ?? ""
            out.field("Outcome", parts: watched.spans + [Span(watched.figures.isEmpty ? "" : age, .muted)])
            out.field("", "of the deliveries from \(context.clock.local(watched.from)) to \(context.clock.local(watched.to)), as they are now",
                      .init(.muted))
        }
        if r.isRunning {
            let kept = RequestBudget(limit: r.budgetPerMinute).reserve
            out.field("Rate", "\(Int(r.perMinute.rounded())) in the last minute (the request budget allows \(r.budgetPerMinute) a minute"
                      + (kept > 0 ? ", \(kept) of them kept for what you do meanwhile)" : ")"))
            if let left = r.secondsLeft { out.field("Time left", "about " + DurationText.words(left)) }
        }
        if r.answeredBefore > 0 { out.field("Before", "\(r.answeredBefore) answered by an earlier run of this journal") }
        if !r.uncertainSkipped.isEmpty {
            out.field("Skipped", "\(r.uncertainSkipped.count) may have been replayed (sent by a stopped run, no answer seen): "
                      + "jetemail-webhooks recover --retry-uncertain replays them", .init(.warning))
        }
        if let journal = r.journal { out.field("Journal", TerminalSafe.escaped(journal)) }
        if let resume = r.resumeCommand, r.phase != .ended(.finished) { out.field("Resume", TerminalSafe.escaped(resume), .muted) }
        if !r.misses.isEmpty {
            out.append([])
            out.append([Span("Not enqueued (latest \(r.misses.count))", Style(.accent, bold: true))])
            for miss in r.misses.reversed() {
                out.field(TerminalSafe.escaped(miss.eventID), miss.result.words + (miss.detail.map { ": " + TerminalSafe.escaped($0) } ?? ""),
                          miss.result == .notFound ? .init(.warning) : .init(.error))
            }
        }
        return out.lines
    }

    /// `[=========>          ]`
    func bar(_ p: RecoverRun.Progress, width: Int) -> String {
        let inner = max(1, width - 2)
        let filled = p.total == 0 ? inner : min(inner, p.done * inner / max(1, p.total))
        return "[" + String(repeating: "=", count: filled) + (filled < inner ? ">" + String(repeating: " ", count: inner - filled - 1) : "") + "]"
    }
}

extension RecoverJournal.Result {
    /// In a few words, for lists.
    var words: String {
        switch self {
        case .enqueued: "enqueued"
        case .notFound: "not found (404)"
        case .refused: "refused"
        case .uncertain: "no answer"
        }
    }
}
