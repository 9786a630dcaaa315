import Dispatch
import JetEmailClient
import PosixSupport
import WebhookTUI

/// The interactive program's recover: plans (a journal of the same recover that stopped, or
/// every page of the log read), and the run itself, in a background task at background
/// priority in the request budget, so that keys and screens go first. Reports come back on the
/// main queue, in order. Stopping lets the replay in flight be answered and journaled.
@MainActor
final class RecoverRunner: JobRunner {
    var deliver: (AppEvent) -> Void = { _ in }
    private var task: Task<RecoverRun.Progress, Never>?
    /// The job the run reports as.
    private var jobID = JobID(0)
    private let stopRequested = StopFlag()
    /// The run's journal and webhook, for what is said on stderr after quitting.
    private var latest: (journal: String, name: String)?
    /// How the latest run ended, once it has.
    private var lastEnd: (end: RecoverRun.End, progress: RecoverRun.Progress)?

    /// The plan the log's Ctrl-R asks for: the latest journal of the same recover, if it stopped
    /// before its end; else a new plan (saying whether one of the same filter finished).
    nonisolated static func plan(_ filter: RecoverFilter, webhookName: String, client: JetEmailClient) async -> Result<RecoverProposal, JetEmailError> {
        let folder = RecoverJournal.folder(environment: ProcessEnvironment.current)
        let perMinute = client.pacer?.limit ?? RequestBudget.defaultRate
        let target = RecoverJournal.Target(client)
        let previous = RecoverJournal.latestState(folder: folder, filter: filter, target: target)
        if let previous, !previous.finished {
            return .success(RecoverProposal(.resume(previous), webhookName: previous.webhookName, perMinute: perMinute, webhookNames: previous.webhookNames))
        }
        // Ctrl-R with no filter of its own (the list's, the latest outage): a stopped recover
        // of this webhook, whatever its filter, is gone on with rather than planned afresh.
        if filter.sinceOutage, filter.eventType == nil,
           let stopped = RecoverJournal.unfinished(folder: folder, target: target).first(where: { $0.filter.uuids.contains(filter.uuid) }) {
            return .success(RecoverProposal(.resume(stopped), webhookName: stopped.webhookName, perMinute: perMinute, webhookNames: stopped.webhookNames))
        }
        do {
            let plan = try await RecoverPlanner.plan(filter, client: client)
            let finished = previous.map { RecoverProposal.Finished(path: $0.path, at: $0.finishedAt, enqueued: $0.count(.enqueued)) }
            var names: [String: String] = [:]
            if filter.isSeveral {
                // Their names, for the journal and each one's progress (one listing).
                let list = try await client.listWebhooks()
                for uuid in filter.uuids { names[uuid] = list.first { $0.uuid == uuid }?.name ?? uuid }
            }
            return .success(RecoverProposal(.fresh(plan), webhookName: webhookName, perMinute: perMinute, finishedBefore: finished, webhookNames: names))
        } catch {
            return .failure(error)
        }
    }

    func take(_ order: JobOrder, job: JobID, client: JetEmailClient?) -> Bool {
        switch order.as(RecoverOrder.self) {
        case .start(let proposal)?:
            jobID = job
            start(proposal, client: client)
        case .stop?:
            stop()
        case nil:
            return false
        }
        return true
    }

    func start(_ proposal: RecoverProposal, client: JetEmailClient?) {
        guard task == nil else { return }
        guard let client else { report(.couldNotStart("no API key is configured.")); return }
        let claimed: RecoverJournal.Claimed
        do throws(RecoverJournal.Problem) {
            switch proposal.kind {
            case .fresh(let plan):
                claimed = try RecoverJournal.begin(plan, webhookName: proposal.webhookName, path: nil,
                                                   folder: RecoverJournal.folder(environment: ProcessEnvironment.current), now: SystemClock.unixNow,
                                                   target: RecoverJournal.Target(client), webhookNames: proposal.webhookNames)
            case .resume(let resumed):
                // Taken, and read again under the lock: another run (the command line, another
                // window) may have gone on with it meanwhile, or may hold it now.
                claimed = try RecoverJournal.claim(resumed.path, now: SystemClock.unixNow)
            }
        } catch {
            report(.couldNotStart(error.description))
            return
        }
        let state = claimed.state, journal = claimed.journal
        let events = state.remaining(retryUncertain: false)
        stopRequested.set(false)
        latest = (state.path, state.webhookName)
        report(.started(journal: state.path, toReplay: events.count, uncertain: state.uncertain, answeredBefore: state.results.count))
        let background = client.with(priority: .background)
        let uuid = state.filter.uuid
        let ages = state.requestAges(now: SystemClock.unixNow)
        let started = ContinuousClock.now
        let seconds: @Sendable () -> Double = {
            let elapsed = ContinuousClock.now - started
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        let job = jobID
        task = Task { [weak self, stopRequested] in
            let (end, progress) = await RecoverRun.run(events, uuid: uuid, journal: journal, client: background, madeBefore: ages, progress: { progress in
                let now = seconds()
                let event = AppEvent.job(job, JobReport(RecoverReport.progress(progress, perMinute: progress.perMinute(now: now),
                                                                                secondsLeft: progress.secondsLeft(now: now))))
                DispatchQueue.main.async { MainActor.assumeIsolated { self?.deliver(event) } }
                return .goOn
            }, shouldStop: { stopRequested.isSet }, clock: seconds, wallClock: { SystemClock.unixNow })
            DispatchQueue.main.async {
                MainActor.assumeIsolated {
                    self?.task = nil
                    self?.lastEnd = (end, progress)
                    self?.deliver(.job(job, JobReport(RecoverReport.ended(end, progress))))
                }
            }
            return progress
        }
    }

    /// After the replay in flight is answered (and journaled).
    func stop() { stopRequested.set(true) }

    /// Quitting: stops the run and waits up to `seconds` for the replay in flight; then says,
    /// for stderr, how far it got and the command that goes on with it, with the `connection`
    /// flags the program was started with (nil when none ran or it had ended).
    /// A run stopped earlier (`c`, a 429 that would not pass, a refused key) is said too: the
    /// program then exits 1, so that a script or a person sees a recover was left unfinished.
    /// The path and the command are each on a line of their own, never cut by a wrap of ours.
    func stopForExit(waitingUpTo seconds: Int, connection: [String]) async -> String? {
        guard let latest else { return nil }
        let progress: RecoverRun.Progress
        if let running = task {
            stop()
            // Past the deadline the replay in flight is given up: the journal keeps it as "may have been replayed".
            let deadline = Task { try? await Task.sleep(for: .seconds(seconds)); if !Task.isCancelled { running.cancel() } }
            progress = await running.value
            deadline.cancel()
        } else if let lastEnd, lastEnd.end != .finished {
            progress = lastEnd.progress
        } else {
            return nil
        }
        let resume = RecoverCommandLine.resume(journal: latest.journal, connection: connection)
        return "The recover of \(TerminalSafe.escaped(latest.name)) stopped after \(progress.done) of \(progress.total) "
            + "(\(progress.enqueued) enqueued); Ctrl-R on its webhook goes on, or the command below.\n"
            + "Journal:\n  \(TerminalSafe.escaped(latest.journal))\nResume:\n  \(TerminalSafe.escaped(resume))"
    }

    private func report(_ report: RecoverReport) {
        let event = AppEvent.job(jobID, JobReport(report))
        DispatchQueue.main.async { [weak self] in MainActor.assumeIsolated { self?.deliver(event) } }
    }
}
