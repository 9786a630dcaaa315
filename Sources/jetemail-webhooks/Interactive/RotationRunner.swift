import Dispatch
import JetEmailClient
import PosixSupport
import WebhookTUI

/// The interactive program's secret rotation: the journal made (or taken again), then the steps
/// one at a time in a background task, each said to the core; a question waits for the person's
/// answer (`RotationOrder.answer`), a countdown for its time. Quitting or Esc leaves the journal
/// where it is: R on the webhook's details, or `rotate --resume`, goes on.
@MainActor
final class RotationRunner: JobRunner {
    var deliver: (AppEvent) -> Void = { _ in }
    private var task: Task<Void, Never>?
    private var jobID = JobID(0)
    /// The run waits here for a yes.
    private var answer: CheckedContinuation<RotationRun.Question?, Never>?
    private var run: RotationRun?
    /// The latest journal and webhook, for what is said on stderr after quitting.
    private var latest: (journal: String, name: String, over: Bool)?

    func take(_ order: JobOrder, job: JobID, client: JetEmailClient?) -> Bool {
        switch order.as(RotationOrder.self) {
        case .start(let start)?:
            jobID = job
            begin(start, client: client)
        case .answer(let question)?:
            answer?.resume(returning: question)
            answer = nil
        case .abort?:
            abortRunning()
        case nil:
            return false
        }
        return true
    }

    private func begin(_ start: RotationStart, client: JetEmailClient?) {
        guard task == nil else { return }
        guard let client else { report(.couldNotStart("no API key is configured.")); return }
        if case .fresh(let old, let file, let deleteAfter, let skipTest) = start {
            task = Task { [weak self] in
                guard let made = await self?.plan(old: old, secretFile: file, deleteAfter: deleteAfter, skipTest: skipTest, client: client) else { self?.task = nil; return }
                self?.go(start, made, client: client)
            }
            return
        }
        let claimed: (RotationJournal, RotationState)
        do {
            switch start {
            case .resume(let path), .abort(let path):
                // This process owns that journal still (its run stopped here): it goes on with it.
                if let run, run.journal.path == path { claimed = (run.journal, try run.journal.readBack()) } else {
                    claimed = try RotationJournal.claim(path, now: SystemClock.unixNow)
                }
            case .fresh: return
            }
        } catch {
            report(.couldNotStart(error.description))
            return
        }
        go(start, claimed, client: client)
    }

    /// A new rotation, checked and journalled: the twin's name chosen against the list as it
    /// is now; the secret file free; no other rotation of this webhook unfinished.
    private func plan(old: Webhook, secretFile: String, deleteAfter: Int?, skipTest: Bool, client: JetEmailClient) async -> (RotationJournal, RotationState)? {
        let path = HomeDirectory.expandingTilde(secretFile, environment: ProcessEnvironment.current)
        if let problem = SecretFile.problemCreating(path) { report(.couldNotStart(problem.description)); return nil }
        let folder = RecoverJournal.folder(environment: ProcessEnvironment.current)
        let target = RecoverJournal.Target(client)
        if let going = RotationJournal.unfinished(folder: folder, target: target).first(where: { $0.old.uuid == old.uuid || $0.twinUUID == old.uuid }) {
            report(.couldNotStart("A rotation of it is unfinished (\(going.path)): go on with it with rotate --resume, or abort it."))
            return nil
        }
        let list: [Webhook]
        do { list = try await client.with(priority: .interactive).listWebhooks() } catch {
            report(.couldNotStart(error.message(doing: .read)))
            return nil
        }
        let twinName = RotationPlan.twinName(for: old.name, among: list)
        if case .failure(let refusal) = RotationPlan.request(old: old, twinName: twinName) { report(.couldNotStart(refusal.description)); return nil }
        do {
            return try RotationJournal.begin(old: old, twinName: twinName, secretFile: path, target: target, deleteAfter: deleteAfter,
                                             skipTest: skipTest, folder: folder, now: SystemClock.unixNow)
        } catch {
            report(.couldNotStart(error.description))
            return nil
        }
    }

    /// The run, on a journal owned now.
    private func go(_ start: RotationStart, _ claimed: (RotationJournal, RotationState), client: JetEmailClient) {
        let (journal, state) = claimed
        latest = (state.path, state.old.name, false)
        let job = jobID
        var run = RotationRun(journal: journal, client: client.with(priority: .interactive), testReceiver: RotateCommand.testReceiver,
                              clock: { SystemClock.unixNow })
        run.secretSaved = { [weak self] twin, path in
            DispatchQueue.main.async { MainActor.assumeIsolated { self?.deliver(.job(job, JobReport(RotationReport.secretSaved(twin, path: path)))) } }
        }
        self.run = run
        if case .abort = start {
            task = Task { [weak self] in await self?.abort(run, from: state) }
        } else {
            task = Task { [weak self] in await self?.drive(run, from: state) }
        }
    }

    private func drive(_ run: RotationRun, from start: RotationState) async {
        defer { task = nil }
        var state = start
        var approved: Set<RotationRun.Question> = []
        while !Task.isCancelled {
            let next = state.next
            if next == .done { report(.progress(state, state.aborted ? .aborted("") : .finished, said: nil)); break }
            // A step that waits for a yes is said once it has it.
            let asks = next.waitsForYes(approved: approved)
            report(.progress(state, .working, said: next == .finish || asks ? nil : next.saying(state)))
            let (after, advance) = await run.advance(approved: approved)
            state = after
            switch advance {
            case .did(_, let text):
                report(.progress(state, .working, said: text))
            case .ask(let question, let text):
                report(.progress(state, .asking(question, text), said: nil))
                guard let yes = await waitForAnswer() else { return }
                approved.insert(yes)
            case .wait(let until):
                report(.progress(state, .waiting(until: until), said: nil))
                while SystemClock.unixNow < until {
                    do { try await Task.sleep(for: .seconds(min(1, until - SystemClock.unixNow))) } catch { return }
                }
                approved.insert(.deleteOld)
            case .stopped(let stop):
                if case .secretNotWritten(_, let secret) = stop {
                    // Never lost without a word: shown in the secret modal, unsaved.
                    let twin = Webhook(uuid: state.twinUUID ?? "", name: state.twinName, url: state.old.url, secret: secret.value, events: [], status: .disabled)
                    deliver(.job(jobID, JobReport(RotationReport.secretSaved(twin, path: ""))))
                }
                report(.progress(state, .stopped(stop.description), said: nil))
                task = nil
                return
            case .finished:
                report(.progress(state, .finished, said: "Done: \(state.old.name) delivers with the new secret."))
                latest?.over = true
                task = nil
                self.run = nil
                return
            }
        }
        task = nil
    }

    private func waitForAnswer() async -> RotationRun.Question? {
        await withCheckedContinuation { continuation in answer = continuation }
    }

    /// Abort while the run waits (a question, a countdown): the wait ends, then the undo.
    private func abortRunning() {
        guard let run else { return }
        answer?.resume(returning: nil)
        answer = nil
        task?.cancel()
        let previous = task
        task = Task { [weak self] in
            _ = await previous?.value
            let state = (try? run.journal.readBack())
            guard let state else { return }
            await self?.abort(run, from: state)
        }
    }

    private func abort(_ run: RotationRun, from state: RotationState) async {
        report(.progress(state, .aborting, said: "Aborting…"))
        let (after, result) = await run.abort()
        switch result {
        case .success(let said):
            report(.progress(after, .aborted(said), said: said))
            latest?.over = true
            self.run = nil
        case .failure(let stop): report(.progress(after, .stopped(stop.description), said: nil))
        }
        task = nil
    }

    /// Quitting: the run is left where its journal is (a step in flight is let go: the journal
    /// says what may have been sent); says, for stderr, how to go on.
    func stopForExit(waitingUpTo seconds: Int, connection: [String]) async -> String? {
        guard let latest, !latest.over else { return nil }
        answer?.resume(returning: nil)
        answer = nil
        if let running = task {
            // A step in flight is cancelled (its request with it); the run ends at once or by the deadline.
            running.cancel()
            for _ in 0..<(max(0, seconds) * 10) where task != nil { try? await Task.sleep(for: .milliseconds(100)) }
        }
        let resume = (["jetemail-webhooks", "rotate", "--resume", latest.journal] + connection).map(ShellWord.quoted).joined(separator: " ")
        return "The rotation of \(TerminalSafe.escaped(latest.name)) is unfinished; R on its details goes on, or the command below.\n"
            + "Journal:\n  \(TerminalSafe.escaped(latest.journal))\nResume:\n  \(TerminalSafe.escaped(resume))"
    }

    private func report(_ report: RotationReport) {
        let event = AppEvent.job(jobID, JobReport(report))
        DispatchQueue.main.async { [weak self] in MainActor.assumeIsolated { self?.deliver(event) } }
    }
}
