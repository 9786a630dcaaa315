import JetEmailClient
import TerminalUI

/// The recover run as a job: one at a time, started and stopped by what a screen asks
/// (`Outcome.startJob`/`orderJob` with a `RecoverOrder`), followed through the run's reports
/// (`RecoverReport`, from `RecoverRunner` in the shell). Enqueued replays are told to every
/// screen (a log showing the event turns it pending); how it ended goes to the status line of
/// the screen the person is on.
extension RecoverStatus: JobState {
    public var quitWarning: String? {
        guard isRunning else { return nil }
        return "A recover of \(TerminalSafe.escaped(webhookName)) is running (\(progress.done) of \(progress.total) done): "
            + "quitting stops it after the replay in flight. Ctrl-R on its log, or the command said on exit, goes on with it."
    }

    public func refusesToStart(beside other: any JobState) -> String? {
        guard let running = other as? RecoverStatus else { return nil }
        return "A recover of \(TerminalSafe.escaped(running.webhookName)) is running; one at a time."
    }

    public mutating func ordered(_ order: JobOrder) {
        if case .stop? = order.as(RecoverOrder.self), isRunning { phase = .stopping }
    }

    public mutating func apply(_ report: JobReport) -> JobNews {
        guard let report = report.as(RecoverReport.self) else { return JobNews() }
        switch report {
        case .started(let journal, let toReplay, let uncertain, let answeredBefore):
            self.journal = journal
            progress.total = toReplay
            uncertainSkipped = uncertain
            self.answeredBefore = answeredBefore
            if phase == .starting { phase = .running }
            return JobNews()
        case .progress(let progress, let perMinute, let secondsLeft):
            self.progress = progress
            self.perMinute = perMinute
            self.secondsLeft = secondsLeft
            guard progress.answeredJustNow, let last = progress.last else { return JobNews() }
            let uuid = progress.lastUUID ?? filter.uuid
            if let index = parts.firstIndex(where: { $0.uuid == uuid }) {
                parts[index].done += 1
                if last.result == .enqueued { parts[index].enqueued += 1 }
            }
            if last.result == .enqueued {
                return JobNews(messages: [ScreenMessage(RecoverMessage.replayEnqueued(uuid: uuid, eventID: last.id))])
            }
            misses.append(Miss(eventID: last.id, result: last.result, detail: last.detail))
            if misses.count > Self.missesKept { misses.removeFirst(misses.count - Self.missesKept) }
            return JobNews()
        case .ended(let end, let progress):
            self.progress = progress
            phase = .ended(end)
            secondsLeft = nil
            return JobNews(status: StatusMessage(end == .finished && notEnqueued == 0 ? .success : .warning, endLine))
        case .couldNotStart(let why):
            phase = .couldNotStart(why)
            return JobNews(status: StatusMessage(.error, endLine))
        }
    }
}

/// What the recover run tells the screens.
enum RecoverMessage: ScreenMessageKind {
    /// This event's replay was enqueued: a log showing it turns it pending.
    case replayEnqueued(uuid: String, eventID: String)
}
