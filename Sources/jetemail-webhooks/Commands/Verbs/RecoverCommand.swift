import Glibc
import JetEmailClient
import Synchronization
import PosixSupport
import WebhookTUI

/// `recover (--webhook UUID | --uuid UUID) [--since TIME] [--until TIME] [--event-type T]
/// [--status S] [--dry-run] [--yes] [--journal FILE | --resume FILE] [--retry-uncertain] [--new]
/// [--json]`: replays every failed delivery of one webhook in a time range, planned first, paced
/// by the request budget, journaled so that a run stopped anywhere goes on where it stopped and
/// nothing is replayed twice.
struct RecoverCommand: Command {
    static let name = "recover"
    static let abstract = "Replay every failed delivery of a webhook since a time: planned, paced, resumable."
    static let discussion = """
        The plan is made first (every page of the log read before the first replay): its count,
        by event type and response code, the oldest and newest, and how long it takes under the
        request budget. Then one event_id at a time to this webhook only, oldest first. Each run
        writes a journal (0600) under $XDG_STATE_HOME/jetemail-webhooks (or --journal FILE): run
        the same command again after a kill, a lost SSH session or Ctrl-C and it goes on where it
        stopped; an event sent and never answered is reported as "may have been replayed" and
        skipped unless --retry-uncertain. A finished recover is not replayed again (--new starts
        afresh). Without a terminal, --yes is required. Exit 0 when every event was enqueued,
        1 when some were not (listed), 130 after Ctrl-C.
        """
    static let options: [OptionSpec] = [
        .value("webhook", "uuid", "The webhook whose deliveries are replayed (its uuid or exact name; also --uuid)."),
        .value("uuid", "uuid", "The official CLI's name for --webhook."),
        .value("since", "time", "Only deliveries at or after TIME (as query's TIME)."),
        .value("until", "time", "Only deliveries at or before TIME."),
        .value("event-type", "type", "Only this event type.").choosing { DeliveryQuery.eventTypes },
        .value("status", "status", "Which deliveries: failed (default), retry, pending or success.").choosing { DeliveryStatus.allCases.map(\.rawValue) },
        .flag("dry-run", "Print the plan; replay nothing."),
        .flag("yes", "Replay without asking."),
        .value("journal", "path", "Write the journal here (a new file) instead of the state folder."),
        .value("resume", "path", "Go on with this journal."),
        .flag("retry-uncertain", "Replay again the events that may have been replayed (sent, never answered)."),
        .flag("new", "Start afresh even when a journal of the same recover exists."),
        .flag("json", "JSON even on a terminal: the plan, then one line per event and a summary."),
    ] + APIAccess.options

    let access: APIAccess
    /// Its uuid may be a webhook's name until `run` resolves it.
    var filter: RecoverFilter?
    let journalPath: String?
    let resume: String?
    let dryRun: Bool
    let yes: Bool
    let retryUncertain: Bool
    let fresh: Bool
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        dryRun = arguments.flag("dry-run")
        yes = arguments.flag("yes")
        retryUncertain = arguments.flag("retry-uncertain")
        fresh = arguments.flag("new")
        json = arguments.flag("json")
        journalPath = arguments.string("journal")
        resume = arguments.string("resume")
        if journalPath != nil, resume != nil { throw UsageError("Give --journal FILE or --resume FILE, not both.") }
        if let a = arguments.string("webhook"), let b = arguments.string("uuid"), a != b { throw UsageError("--webhook and --uuid name the same webhook; give one.") }
        guard let uuid = arguments.string("webhook") ?? arguments.string("uuid") else {
            guard resume != nil else { throw UsageError("Which webhook? Give --webhook UUID (or --resume FILE).") }
            filter = nil
            return
        }
        guard !uuid.isEmpty else { throw UsageError("The uuid is empty.") }
        var status = DeliveryStatus.failed
        if let text = arguments.string("status") {
            guard let s = DeliveryStatus(rawValue: text.lowercased()) else {
                throw UsageError("--status must be one of: \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            status = s
        }
        let type = arguments.string("event-type")
        if let type, !DeliveryQuery.eventTypes.contains(type) {
            throw UsageError("--event-type must be one of: \(DeliveryQuery.eventTypes.joined(separator: ", ")).")
        }
        let clock = SystemClock.wallClock()
        let from = try TimeArgument.option(arguments, "since", unixName: nil, clock: clock)
        let to = try TimeArgument.option(arguments, "until", unixName: nil, clock: clock)
        if let from, let to, from > to { throw UsageError("--since is after --until.") }
        filter = RecoverFilter(uuid: uuid, status: status, eventType: type, since: arguments.string("since"), until: arguments.string("until"),
                               dateFrom: from, dateTo: to)
    }

    @MainActor func begin() throws -> CommandWork {
        if !dryRun { try APIAccess.requireTerminal(unless: yes, "pass --yes to replay. Nothing was sent.") }
        return { try await run() }
    }

    var asJSON: Bool { APIAccess.wantsJSON(json) }

    @MainActor func run() async throws {
        let environment = ProcessEnvironment.current
        try await access.withClient { client in
            var resolved = self
            if let reference = filter?.uuid { resolved.filter?.uuid = try await APIAccess.resolveWebhook(reference, client: client) }
            try await resolved.run(client: client, environment: environment)
        }
    }

    @MainActor func run(client: JetEmailClient, environment: [String: String]) async throws {
        let state = try await journalState(client: client, environment: environment)
        switch state {
        case .finished(let journal):
            // Said, not replayed again: the same command after a finished run changes nothing.
            try printSummary(journal, ran: nil, headline: "This recover is done already (--new starts afresh)", resume: nil)
            if journal.count(.enqueued) != journal.events.count { listNotDone(journal); throw ExitCode(1) }
        case .resuming(let journal):
            try await replay(journal, client: client, resumed: true)
        case .planned(let plan, let name):
            let perMinute = client.pacer?.limit ?? RequestBudget.defaultRate
            try printPlan(plan, webhookName: name, perMinute: perMinute)
            if dryRun || plan.count == 0 { return }
            if !yes {
                let since = plan.filter.since.map { " (since \($0))" } ?? ""
                try APIAccess.confirm("Replay \(plan.count) \(plan.filter.status.rawValue) deliveries of \(TerminalSafe.escaped(name))\(since), oldest first, "
                                      + "about \(DurationText.words(plan.estimatedSeconds(perMinute: perMinute, priority: .background)))? y/N ", declined: "Nothing was sent.")
            }
            let journal: RecoverJournal.State
            let path = journalPath.map { HomeDirectory.expandingTilde($0, environment: environment) }
            do throws(RecoverJournal.Problem) {
                journal = try RecoverJournal.begin(plan, webhookName: name, path: path,
                                                   folder: RecoverJournal.folder(environment: environment), now: SystemClock.unixNow)
            } catch {
                let elsewhere = journalPath == nil ? "; --journal FILE writes it elsewhere." : "."
                StandardError.write("The journal could not be created: \(error.description) Nothing was sent\(elsewhere)")
                throw ExitCode(1)
            }
            try await replay(journal, client: client, resumed: false)
        }
    }

    enum Start {
        case finished(RecoverJournal.State)
        case resuming(RecoverJournal.State)
        case planned(RecoverPlan, String)
    }

    /// A journal to go on with (`--resume`, or the latest of the same recover), or a new plan.
    @MainActor func journalState(client: JetEmailClient, environment: [String: String]) async throws -> Start {
        if let resume {
            let state: RecoverJournal.State
            do { state = try RecoverJournal.read(HomeDirectory.expandingTilde(resume, environment: environment)) } catch {
                StandardError.write("Cannot resume \(TerminalSafe.escaped(resume)): \(error.description)")
                throw ExitCode(2)
            }
            if let filter, filter.uuid != state.filter.uuid {
                StandardError.write("That journal is a recover of another webhook (\(TerminalSafe.escaped(state.filter.uuid))).")
                throw ExitCode(2)
            }
            return state.finished ? .finished(state) : .resuming(state)
        }
        guard let filter else { throw ExitCode(2) }
        if !fresh, journalPath == nil, let state = RecoverJournal.latestState(folder: RecoverJournal.folder(environment: environment), filter: filter) {
            return state.finished ? .finished(state) : .resuming(state)
        }
        let webhook: Webhook
        do { webhook = try await client.getWebhook(uuid: filter.uuid) } catch { throw APIAccess.fail(error, doing: .read) }
        if !asJSON { StandardError.write("Reading the log of \(TerminalSafe.escaped(webhook.name)) to make the plan…") }
        do { return .planned(try await RecoverPlanner.plan(filter, client: client), webhook.name) } catch {
            throw APIAccess.fail(error, doing: .read)
        }
    }

    func printPlan(_ plan: RecoverPlan, webhookName: String, perMinute: Int) throws {
        let clock = SystemClock.wallClock()
        if asJSON {
            struct PlanJSON: Encodable {
                var webhook: String, webhook_name: String, status: String, count: Int, by_type: [String: Int], by_code: [String: Int]
                var oldest: Int?, newest: Int?, estimated_seconds: Int, total_changed: Bool, totals_seen: [Int], dry_run: Bool
            }
            try APIAccess.print(WebhookOutput.jsonLine(PlanJSON(webhook: plan.filter.uuid, webhook_name: webhookName, status: plan.filter.status.rawValue,
                                                            count: plan.count, by_type: plan.byType, by_code: plan.byCode, oldest: plan.oldest,
                                                            newest: plan.newest, estimated_seconds: plan.estimatedSeconds(perMinute: perMinute, priority: .background),
                                                            total_changed: plan.totalChanged, totals_seen: plan.totalsSeen, dry_run: dryRun))
                                    )
            return
        }
        var lines = ["Plan: \(plan.count) \(TerminalSafe.escaped(plan.filter.describe(webhookName: webhookName)))"]
        guard plan.count > 0 else { try APIAccess.print(lines[0] + ": nothing to replay."); return }
        lines.append("  by type: " + RecoverPlan.ranked(plan.byType).map { "\(TerminalSafe.escaped($0.key)) \($0.count)" }.joined(separator: ", "))
        lines.append("  by last response: " + RecoverPlan.ranked(plan.byCode).map { "\(TerminalSafe.escaped($0.key)) \($0.count)" }.joined(separator: ", "))
        if let oldest = plan.oldest, let newest = plan.newest { lines.append("  from \(clock.local(oldest)) to \(clock.local(newest))") }
        lines.append("  about \(DurationText.words(plan.estimatedSeconds(perMinute: perMinute, priority: .background))) at \(perMinute) requests a minute")
        if plan.totalChanged { lines.append("  ! the log changed while it was read (totals \(plan.totalsSeen.map(String.init).joined(separator: ", "))): the plan has what was seen") }
        try APIAccess.print(lines.joined(separator: "\n"))
    }

    /// Replays what the journal has left, with progress, and ends with the summary and its exit code.
    @MainActor func replay(_ state: RecoverJournal.State, client: JetEmailClient, resumed: Bool) async throws {
        let left = state.remaining(retryUncertain: retryUncertain)
        let uncertain = state.uncertain
        let resumeCommand = RecoverCommandLine.resume(journal: state.path, connection: access.connection.words)
        if resumed {
            StandardError.write("Going on with \(TerminalSafe.escaped(state.path)): \(state.results.count) of \(state.events.count) answered, \(left.count) to replay.")
        }
        if !uncertain.isEmpty, !retryUncertain {
            StandardError.write("\(uncertain.count) may have been replayed (sent, no answer seen) and \(uncertain.count == 1 ? "is" : "are") skipped; "
                                + "--retry-uncertain replays them: " + uncertain.prefix(5).map { TerminalSafe.escaped($0) }.joined(separator: ", ")
                                + (uncertain.count > 5 ? " …" : ""))
        }
        let journal: RecoverJournal
        do { journal = try RecoverJournal.reopen(state.path) } catch {
            StandardError.write("The journal cannot be written: \(error.description) Nothing was sent.")
            throw ExitCode(1)
        }
        let stop = StopSignals()
        let bar = ProgressBar(enabled: !asJSON && isatty(STDERR_FILENO) != 0)
        let json = asJSON
        let started = ContinuousClock.now
        // Replays are background work in the account's budget: a person at any terminal goes first.
        let waitSaid = Mutex(false), holdSaid = Mutex(false)
        let limit = client.pacer?.limit ?? RequestBudget.defaultRate
        let (end, progress) = await RecoverRun.run(left, uuid: state.filter.uuid, journal: journal, client: client.with(priority: .background),
                                                      madeBefore: state.requestAges(now: SystemClock.unixNow), progress: { progress in
            if json, progress.answeredJustNow, let last = progress.last {
                var line = ["event_id": last.id, "result": last.result.rawValue]
                if let detail = last.detail { line["detail"] = detail }
                _ = StandardOutput.write(WebhookOutput.jsonLine(line))
            }
            // A wait for the budget is said once as it starts, with who else uses it, on stderr
            // (JSON on stdout stays as it was).
            let starts = waitSaid.withLock { said in defer { said = progress.budgetWait != nil }; return progress.budgetWait != nil && !said }
            if starts, let seconds = progress.budgetWait, seconds >= 1, !bar.enabled {
                StandardError.write(APIAccess.waitLine(BudgetWait(seconds: seconds, reason: .window, otherProcesses: progress.otherProcesses), limit: limit))
            }
            let holdStarts = holdSaid.withLock { said in defer { said = progress.waitingSeconds != nil }; return progress.waitingSeconds != nil && !said }
            if let wait = progress.waitingSeconds, holdStarts {
                // Once a wait: a 429 caused elsewhere (another program, another window) holds the run.
                if json { _ = StandardOutput.write(WebhookOutput.jsonLine(["waiting_seconds": wait])) }
                if !bar.enabled { StandardError.write("JetEmail answered 429 (rate limited): waiting \(wait) s, then going on with the same event.") }
            }
            bar.show(progress, seconds: Self.seconds(since: started))
        }, shouldStop: { [flag = stop.flag] in flag.isSet }, clock: { Self.seconds(since: started) }, wallClock: { SystemClock.unixNow })
        bar.finish()
        stop.release()
        // The whole recover, earlier runs of the journal included, as the journal now has it.
        let final = (try? RecoverJournal.read(state.path)) ?? state
        let safeResume = TerminalSafe.escaped(resumeCommand)
        switch end {
        case .finished:
            let complete = final.count(.enqueued) == final.events.count
            try? printSummary(final, ran: progress, headline: "Recovered \(TerminalSafe.escaped(final.webhookName))", resume: nil)
            if !asJSON, let watch = watchCommand(final) { StandardError.write("Enqueued is not delivered yet; to watch them delivered: \(watch)") }
            if !complete { listNotDone(final) }
            if !complete { throw ExitCode(1) }
        case .stopped:
            try? printSummary(final, ran: progress, headline: "Stopped after \(progress.done) of \(left.count)", resume: resumeCommand)
            if !asJSON { StandardError.write("Resume: \(safeResume)") }
            throw ExitCode(stop.signal.map { 128 + $0 } ?? 130)
        case .journalFailed(let why), .rateLimited(let why):
            try? printSummary(final, ran: progress, headline: "Stopped: \(TerminalSafe.escaped(why))", resume: resumeCommand)
            if !asJSON { StandardError.write("Resume: \(safeResume)") }
            throw ExitCode(1)
        }
    }

    /// The recover in numbers: JSON on stdout, or a line on stderr (stdout stays for data).
    func printSummary(_ journal: RecoverJournal.State, ran: RecoverRun.Progress?, headline: String, resume: String?) throws {
        let uncertain = journal.uncertain.count
        if asJSON {
            struct Summary: Encodable {
                var summary = true
                var total, enqueued, not_found, refused, uncertain: Int
                var this_run_enqueued: Int?
                var journal: String, finished: Bool, resume: String?
                /// The `stats` command that shows the replayed range's deliveries as they are now.
                var watch: String?
            }
            try APIAccess.print(WebhookOutput.jsonLine(Summary(total: journal.events.count, enqueued: journal.count(.enqueued), not_found: journal.count(.notFound),
                                                               refused: journal.count(.refused), uncertain: uncertain, this_run_enqueued: ran?.enqueued,
                                                               journal: journal.path, finished: journal.finished, resume: resume,
                                                               watch: watchCommand(journal))))
        } else {
            var text = "\(headline): \(journal.count(.enqueued)) of \(journal.events.count) enqueued"
            if let ran, ran.enqueued != journal.count(.enqueued) { text += " (\(ran.enqueued) by this run)" }
            text += ", \(journal.count(.notFound)) not found (404), \(journal.count(.refused)) refused"
            if uncertain > 0 { text += ", \(uncertain) may have been replayed (no answer seen; --retry-uncertain sends them again)" }
            StandardError.write(text + ". Journal: \(TerminalSafe.escaped(journal.path))")
        }
    }

    /// `stats` over the range of the events replayed: the figures that show them delivered (or
    /// failing again) as JetEmail works through them.
    func watchCommand(_ journal: RecoverJournal.State) -> String? {
        let times = journal.events.compactMap(\.createdAt)
        guard let from = times.min(), let to = times.max() else { return nil }
        return RecoverCommandLine.watch(uuid: journal.filter.uuid, since: from, until: to, connection: access.connection.words)
    }

    /// The events that are not known to be enqueued, on stderr.
    func listNotDone(_ journal: RecoverJournal.State) {
        let doubtful = Set(journal.uncertain)
        let missed = journal.events.map(\.id).filter { (journal.results[$0] != nil && journal.results[$0] != .enqueued) || doubtful.contains($0) }
        for id in missed.prefix(20) {
            let result = doubtful.contains(id) ? "may have been replayed" : journal.results[id]?.rawValue ?? ""
            StandardError.write("  \(TerminalSafe.escaped(id)): \(result)\(journal.details[id].map { " (\(TerminalSafe.escaped($0)))" } ?? "")")
        }
        if missed.count > 20 { StandardError.write("  … and \(missed.count - 20) more (in the journal)") }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
