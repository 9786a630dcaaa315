import JetEmailClient
import TerminalUI

/// The recover run, carried out for the whole program: one at a time, started and stopped by
/// what a screen asks (`Outcome.recover`), followed through the run's reports. Enqueued
/// replays are told to every screen (a log showing the event turns it pending); how it ended
/// goes to the status line of the screen the person is on.
extension AppState {
    mutating func order(_ order: RecoverOrder, from id: ScreenID) {
        let owner = modals.first { $0.id == id }?.owner ?? id
        switch order {
        case .start(let proposal):
            if let running = recover, running.isRunning {
                setStatus(StatusMessage(.warning, "A recover of \(TerminalSafe.escaped(running.webhookName)) is running; one at a time."), of: owner)
                return
            }
            var status = RecoverStatus(proposal)
            status.connectionWords = connectionWords
            recover = status
            outbox.append(.recover(.start(proposal)))
            tellRecoverChanged()
        case .stop:
            guard var running = recover, running.isRunning else { return }
            running.phase = .stopping
            recover = running
            outbox.append(.recover(.stop))
            tellRecoverChanged()
        }
    }

    mutating func reported(_ report: RecoverReport) {
        guard recover != nil else { return }
        handle(report)
        tellRecoverChanged()
    }

    /// Screens that show the run copy it again.
    private mutating func tellRecoverChanged() {
        for id in screens.map(\.id) { withScreen(id) { screen, context in screen.receive(ScreenMessage(RecoverMessage.changed), context) } }
    }

    private mutating func handle(_ report: RecoverReport) {
        guard var status = recover else { return }
        switch report {
        case .started(let journal, let toReplay, let uncertain, let answeredBefore):
            status.journal = journal
            status.progress.total = toReplay
            status.uncertainSkipped = uncertain
            status.answeredBefore = answeredBefore
            if status.phase == .starting { status.phase = .running }
            recover = status
        case .progress(let progress, let perMinute, let secondsLeft):
            status.progress = progress
            status.perMinute = perMinute
            status.secondsLeft = secondsLeft
            if progress.answeredJustNow, let last = progress.last, last.result != .enqueued {
                status.misses.append(RecoverStatus.Miss(eventID: last.id, result: last.result, detail: last.detail))
                if status.misses.count > RecoverStatus.missesKept { status.misses.removeFirst(status.misses.count - RecoverStatus.missesKept) }
            }
            recover = status
            if progress.answeredJustNow, let last = progress.last, last.result == .enqueued {
                let message = ScreenMessage(RecoverMessage.replayEnqueued(uuid: status.filter.uuid, eventID: last.id))
                for id in screens.map(\.id) { withScreen(id) { screen, context in screen.receive(message, context) } }
            }
        case .ended(let end, let progress):
            status.progress = progress
            status.phase = .ended(end)
            status.secondsLeft = nil
            recover = status
            setStatus(StatusMessage(end == .finished && status.notEnqueued == 0 ? .success : .warning, status.endLine), of: topScreen.id)
        case .couldNotStart(let why):
            status.phase = .couldNotStart(why)
            recover = status
            setStatus(StatusMessage(.error, status.endLine), of: topScreen.id)
        }
    }
}

/// What the recover run tells the screens.
enum RecoverMessage: ScreenMessageKind {
    /// This event's replay was enqueued: a log showing it turns it pending.
    case replayEnqueued(uuid: String, eventID: String)
    /// The run moved on (its state is in the context).
    case changed
}
