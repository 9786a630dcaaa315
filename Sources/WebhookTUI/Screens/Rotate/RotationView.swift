import JetEmailClient
import TerminalUI

/// The lines of the rotation screen: the setup (what will happen, and the two fields), a
/// rotation found unfinished, or the run with its steps, question, countdown and journal.
extension RotationScreen {
    /// The labels of the setup's fields: the screen draws each field on its label's line.
    static let fieldLabels = ["Secret file", "Delete after", "Receiver test"]

    func lines(width: Int, context: ScreenContext) -> [[Span]] {
        var out = FieldLines(width: width)
        switch mode {
        case .setup: setupLines(&out)
        case .found(let stopped):
            out.field("Unfinished", "A rotation of \(TerminalSafe.escaped(stopped.oldName)) stopped at step \(stopped.stage) of 5 "
                      + "(\(stopped.stageTitle.lowercased())).", Style(.warning, bold: true))
            out.field("Journal", TerminalSafe.escaped(stopped.path))
            out.append([])
            out.field("", "Enter goes on with it from where its journal says; a aborts it (deletes the twin, enables the old webhook again).", .muted)
        case .following: runLines(&out, context: context)
        }
        return out.lines
    }

    private func setupLines(_ out: inout FieldLines) {
        let name = TerminalSafe.escaped(webhook.name), twin = TerminalSafe.escaped(webhook.name) + " new"
        out.field("URL", TerminalSafe.escaped(webhook.url))
        out.append([])
        out.field(Self.fieldLabels[0], parts: [])
        out.field(Self.fieldLabels[1], parts: [])
        out.field("", "empty: asks before deleting; or 90s, 30m, 24h, 7d: deleted that long after disabling", .muted)
        out.field(Self.fieldLabels[2], parts: [])
        if let problem { out.field("", TerminalSafe.escaped(problem), .init(.error, bold: true)) }
        out.append([])
        out.append([Span("Steps", Style(.accent, bold: true))])
        out.field("  1", "create \"\(twin)\": the same URL, events and filters, disabled")
        out.field("  2", "write its secret to the file above (0600, never over a file), and show it once")
        out.field("  3", skipTest ? "(skipped) test the receiver" : "test the receiver: a signed example with the new secret (it must take both secrets)",
                  skipTest ? .init(.warning) : .plain)
        out.field("  4", "overlap: enable the twin, so both deliver each event (signed with either secret); "
                  + "disable \(name) when you say y, and delete it when you say y again or after the countdown")
        out.field("  5", "rename the twin to \(name)")
        out.append([])
        out.field("", "Each step is journalled: Esc leaves it running, and a kill is gone on with (R here, or rotate --resume).", .muted)
    }

    private func runLines(_ out: inout FieldLines, context: ScreenContext) {
        guard let run else { return }
        let (state, tone): (String, Style) = switch run.phase {
        case .starting: ("starting: writing the journal", Style(.warning))
        case .working: ("working: " + TerminalSafe.escaped(run.said.last ?? ""), Style(.warning, bold: true))
        case .asking(_, let question): ("waiting for your yes: " + TerminalSafe.escaped(question) + " (y answers)", Style(.warning, bold: true))
        case .waiting(let until):
            ("deleting \(TerminalSafe.escaped(run.oldName)) in \(DurationText.clock(until - context.unixNow)), at \(context.clock.local(until))",
             Style(.warning, bold: true))
        case .stopped(let why): ("stopped: \(TerminalSafe.escaped(why)) Enter goes on; a aborts.", Style(.error, bold: true))
        case .aborting: ("aborting…", Style(.warning))
        case .finished: ("done: \(TerminalSafe.escaped(run.oldName)) delivers with the new secret", Style(.success, bold: true))
        case .aborted(let what): ("aborted: \(TerminalSafe.escaped(what))", Style(.warning, bold: true))
        case .couldNotStart(let why): ("not started: \(TerminalSafe.escaped(why)) Nothing was made.", Style(.error, bold: true))
        }
        out.field("State", state, tone)
        out.append([])
        out.append([Span("Steps", Style(.accent, bold: true))])
        for stage in RotationStep.Stage.allCases {
            let now = run.journal?.state(of: stage) ?? (stage == .create ? .now : .waiting)
            let (mark, style): (String, Style) = switch now {
            case .done: ("[x]", Style(.success))
            case .now: ("[>]", Style(.warning, bold: true))
            case .waiting: ("[ ]", .muted)
            case .failed: ("[!]", Style(.error, bold: true))
            case .skipped: ("[-]", Style(.warning))
            }
            out.field("  \(mark) \(stage.rawValue + 1)", stage.title + detail(stage, run.journal), style)
        }
        if case .asking = run.phase, run.journal?.next == .disableOld {
            out.append([])
            out.field("Overlap", "both webhooks deliver now. The receiver gets each event twice, once signed with each secret; "
                      + "it must accept both and de-duplicate on X-Webhook-ID. That an event keeps its id across the two webhooks "
                      + "is likely but not documented.", Style(.warning))
        }
        out.append([])
        if let journal = run.journal { out.field("Journal", TerminalSafe.escaped(journal.path)) }
        if let resume = run.resumeCommand, run.phase != .finished { out.field("Resume", TerminalSafe.escaped(resume), .muted) }
        if !run.said.isEmpty {
            out.append([])
            out.append([Span("What it did, latest first", Style(.accent, bold: true))])
            for line in run.said.reversed() { out.append([Span("  " + TerminalSafe.escaped(line))]) }
        }
    }

    /// A step's particulars: the twin's name and uuid, the file, the test's answer.
    private func detail(_ stage: RotationStep.Stage, _ journal: RotationState?) -> String {
        guard let journal else { return "" }
        switch stage {
        case .create: return ": \"\(TerminalSafe.escaped(journal.twinName))\"" + (journal.twinUUID.map { " (\(TerminalSafe.escaped($0)))" } ?? "")
        case .secret: return ": " + TerminalSafe.escaped(journal.secretFile)
        case .test: return journal.tested.map { ": " + TerminalSafe.escaped($0) } ?? (journal.testSkipped ? ": skipped" : "")
        case .overlap:
            var parts: [String] = []
            if journal.twinEnabled { parts.append("twin enabled") }
            if journal.oldDisabled { parts.append("old disabled") }
            if journal.oldDeleted { parts.append("old deleted") }
            return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
        case .rename: return journal.renameRefused.map { ": refused: " + TerminalSafe.escaped($0) } ?? ""
        }
    }

    // MARK: What the keys ask

    /// The question the run waits on, when it does.
    var question: (RotationRun.Question, String)? {
        if case .asking(let question, let text)? = run?.phase { return (question, text) }
        return nil
    }

    /// A journal to go on with: a rotation found unfinished, or this one stopped.
    var resumablePath: String? {
        switch mode {
        case .found(let stopped): return stopped.path
        case .following:
            guard let run, !run.isRunning else { return nil }
            if case .stopped = run.phase { return run.journal?.path }
            return nil
        case .setup: return nil
        }
    }

    /// Abort undoes only while nothing is in flight and the old webhook's delete was not sent.
    var canAbort: Bool {
        switch mode {
        case .found: return true
        case .setup: return false
        case .following:
            guard let run, run.journal?.canAbort == true else { return false }
            switch run.phase {
            case .asking, .waiting, .stopped: return true
            default: return false
            }
        }
    }

    mutating func startFresh(_ context: ScreenContext) -> Outcome {
        let path = secretPath.text.trimmingWhitespace()
        guard !path.isEmpty else { problem = "Name the file the new secret goes to."; focus = 0; return .none }
        var countdown: Int?
        let typed = deleteAfter.text.trimmingWhitespace()
        if !typed.isEmpty {
            guard let seconds = DurationText.seconds(typed) else {
                problem = "The countdown is a duration such as 90s, 30m, 24h or 7d (at most 366 days), or empty."
                focus = 1
                return .none
            }
            countdown = seconds
        }
        return startJob(.fresh(old: webhook, secretFile: path, deleteAfter: countdown, skipTest: skipTest), context)
    }

    mutating func startJob(_ start: RotationStart, _ context: ScreenContext) -> Outcome {
        mode = .following
        let status = RotationStatus(oldName: webhook.name, oldUUID: webhook.uuid, connectionWords: context.connectionWords)
        run = status
        return .startJob(status, RotationOrder.start(start))
    }

    /// The confirm boxes' answers.
    mutating func answered(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome? {
        if let answer = message.as(RotationAnswer.self), let job = context.job(RotationStatus.self) {
            return .orderJob(job.id, RotationOrder.answer(answer.question))
        }
        guard message.as(RotationAbortConfirmed.self) != nil else { return nil }
        if let job = context.job(RotationStatus.self), job.state.isRunning { return .orderJob(job.id, RotationOrder.abort) }
        guard let path = resumablePath ?? run?.journal?.path else { return .none }
        return startJob(.abort(path: path), context)
    }
}
