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
        .repeated("webhook", "uuid", "The webhook whose deliveries are replayed (its uuid or exact name; also --uuid); repeated, several in one run and one journal."),
        .flag("failing", "Every webhook with a failed delivery in the range (the last 7 days without --since or with --since outage), in one run."),
        .value("uuid", "uuid", "The official CLI's name for --webhook."),
        .value("since", "time", "Only deliveries at or after TIME (as query's TIME), or 'outage': since the webhook's latest run of failures began."),
        .value("until", "time", "Only deliveries at or before TIME."),
        .value("event-type", "type", "Only this event type.").choosing { DeliveryQuery.eventTypes },
        .value("status", "status", "Which deliveries: failed (default), retry, pending or success.").choosing { DeliveryStatus.allCases.map(\.rawValue) },
        .flag("include-4xx", "Also replay deliveries whose last answer was a 4xx other than 408 and 429 (JetEmail discards those on purpose)."),
        .flag("dry-run", "Print the plan; replay nothing."),
        .flag("yes", "Replay without asking."),
        .value("journal", "path", "Write the journal here (a new file) instead of the state folder; run again after a kill, it goes on with it."),
        .optionalValue("resume", "path", "Go on with this journal; alone, with this account's stopped recover (they are listed when there are several)."),
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
    /// The filter's options as given (to hold them against a journal's own filter on --resume).
    let filterOptions: [(String, String)]
    /// `--failing`: the webhooks are those with failures, found when the run starts.
    let failing: Bool
    /// --base-url was given: the only way to replay a journal's events to another API.
    let baseURLGiven: Bool

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
        failing = arguments.flag("failing")
        filterOptions = ["status", "since", "until", "event-type"].compactMap { name in arguments.string(name).map { (name, $0) } }
        baseURLGiven = access.connection.baseURL != nil
        // --uuid is one more --webhook; a webhook named twice is one.
        var references: [String] = []
        for reference in arguments.strings("webhook") + arguments.strings("uuid") where !references.contains(reference) { references.append(reference) }
        if failing, !references.isEmpty { throw UsageError("--failing finds the webhooks itself; give --failing or --webhook, not both.") }
        if failing, resume != nil { throw UsageError("Give --failing or --resume, not both.") }
        guard let uuid = references.first ?? (failing ? "" : nil) else {
            guard resume != nil else { throw UsageError("Which webhook? Give --webhook UUID (several: repeat it; or --failing, or --resume FILE).") }
            filter = nil
            return
        }
        guard failing || !references.contains(where: \.isEmpty) else { throw UsageError("The uuid is empty.") }
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
        let sinceOutage = arguments.string("since")?.lowercased() == RecoverFilter.outageWord
        let from = sinceOutage ? nil : try TimeArgument.option(arguments, "since", unixName: nil, clock: clock)
        let to = try TimeArgument.option(arguments, "until", unixName: nil, clock: clock)
        if let from, let to, from > to { throw UsageError("--since is after --until.") }
        if sinceOutage, status != .failed { throw UsageError("--since outage is a run of failures: it goes with --status failed only.") }
        filter = RecoverFilter(uuid: uuid, status: status, eventType: type, since: sinceOutage ? RecoverFilter.outageWord : arguments.string("since"),
                               until: arguments.string("until"), dateFrom: from, dateTo: to, include4xx: arguments.flag("include-4xx"))
        filter?.otherUUIDs = Array(references.dropFirst())
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
            if failing {
                resolved.filter = try await failingWebhooks(client: client)
            } else if let filter, filter.isSeveral {
                // Names resolved against one listing.
                let list: [Webhook]
                do { list = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
                let uuids = try filter.uuids.map { try APIAccess.resolveWebhook($0, among: list) }
                resolved.filter?.uuid = uuids[0]
                resolved.filter?.otherUUIDs = Array(uuids.dropFirst()).filter { $0 != uuids[0] }
            } else if let reference = filter?.uuid {
                resolved.filter?.uuid = try await APIAccess.resolveWebhook(reference, client: client)
            }
            try await resolved.run(client: client, environment: environment)
        }
    }

    /// `--failing`: the webhooks with a failed delivery in the range, each found with one
    /// `limit: 1` count (through the budget). None: said, exit 0, nothing sent.
    @MainActor func failingWebhooks(client: JetEmailClient) async throws -> RecoverFilter {
        guard var filter else { throw ExitCode(2) }
        let list: [Webhook]
        do { list = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
        let from = filter.sinceOutage ? nil : filter.dateFrom
        let window = from ?? (SystemClock.unixNow - 7 * 86_400)
        var found: [String] = []
        for webhook in list where !webhook.uuid.isEmpty {
            let page: DeliveryPage
            do {
                page = try await client.queryDeliveries(DeliveryQuery(uuid: webhook.uuid, eventType: filter.eventType, status: .failed,
                                                                      dateFrom: window, dateTo: filter.dateTo, limit: 1))
            } catch { throw APIAccess.fail(error, doing: .read) }
            if (page.reportedTotal ?? page.events.count) > 0 { found.append(webhook.uuid) }
        }
        guard let first = found.first else {
            StandardError.write("No webhook has a failed delivery since \(SystemClock.wallClock().local(window)). Nothing was sent.")
            throw ExitCode(0)
        }
        filter.uuid = first
        filter.otherUUIDs = Array(found.dropFirst())
        return filter
    }

    @MainActor func run(client: JetEmailClient, environment: [String: String]) async throws {
        let target = RecoverJournal.Target(client)
        switch try await journalState(client: client, environment: environment, target: target) {
        case .finished(let journal) where retryUncertain && !journal.uncertain.isEmpty:
            // Asked to send again what may have been replayed: the finished journal goes on.
            if dryRun { try printLeft(journal); return }
            try await replay(try claim(journal.path), client: client)
        case .finished(let journal):
            // Said, not replayed again: the same command after a finished run changes nothing.
            try printSummary(journal, ran: nil, headline: "This recover is done already (--new starts afresh)", resume: nil)
            if journal.count(.enqueued) != journal.events.count { listNotDone(journal); throw ExitCode(1) }
        case .resuming(let journal):
            // A dry run says what is left, and sends nothing, whatever the journal holds.
            if dryRun { try printLeft(journal); return }
            try await replay(try claim(journal.path), client: client)
        case .planned(let plan, let name, let names):
            let perMinute = client.pacer?.limit ?? RequestBudget.defaultRate
            try printPlan(plan, webhookName: name, perMinute: perMinute, names: names)
            if dryRun || plan.count == 0 { return }
            try askAboutShortPlan(plan)
            if !yes {
                let since = plan.filter.since.map { " (since \($0))" } ?? ""
                try APIAccess.confirm("Replay \(plan.count) \(plan.filter.status.rawValue) deliveries of \(TerminalSafe.escaped(name))\(since), oldest first, "
                                      + "about \(DurationText.words(plan.estimatedSeconds(perMinute: perMinute, priority: .background)))? y/N ", declined: "Nothing was sent.")
            }
            let claimed: RecoverJournal.Claimed
            let path = journalPath.map { HomeDirectory.expandingTilde($0, environment: environment) }
            do throws(RecoverJournal.Problem) {
                claimed = try RecoverJournal.begin(plan, webhookName: name, path: path, folder: RecoverJournal.folder(environment: environment),
                                                   now: SystemClock.unixNow, target: target, webhookNames: names)
            } catch {
                let elsewhere = journalPath == nil ? " --journal FILE writes it elsewhere." : ""
                StandardError.write("The journal could not be created: \(error.description) Nothing was sent.\(elsewhere)")
                throw ExitCode(1)
            }
            try await replay(claimed, client: client)
        }
    }

    enum Start {
        case finished(RecoverJournal.State)
        case resuming(RecoverJournal.State)
        /// The plan, the webhook's name (several: "A, B and C"), and for several their names by uuid.
        case planned(RecoverPlan, String, [String: String])
    }

    /// A journal to go on with (`--resume`, or the latest of the same recover for this account),
    /// or a new plan.
    @MainActor func journalState(client: JetEmailClient, environment: [String: String], target: RecoverJournal.Target) async throws -> Start {
        if resume == "" {
            let state = try stoppedRecover(environment: environment, target: target)
            try checkResume(state, target: target)
            return .resuming(state)
        }
        if let resume {
            let state: RecoverJournal.State
            do { state = try RecoverJournal.read(HomeDirectory.expandingTilde(resume, environment: environment)) } catch {
                StandardError.write("Cannot resume \(TerminalSafe.escaped(resume)): \(error.description) Nothing was sent.")
                throw ExitCode(2)
            }
            try checkResume(state, target: target)
            return state.finished ? .finished(state) : .resuming(state)
        }
        guard let filter else { throw ExitCode(2) }
        // The same command after a kill, with --journal FILE: FILE is this recover's journal
        // (the same webhook and filter, this account), so it goes on with it.
        if !fresh, let journalPath {
            let path = HomeDirectory.expandingTilde(journalPath, environment: environment)
            if let state = try? RecoverJournal.read(path), state.filter.key == filter.key, state.target == nil || state.target == target {
                return state.finished ? .finished(state) : .resuming(state)
            }
        }
        if !fresh, journalPath == nil,
           let state = RecoverJournal.latestState(folder: RecoverJournal.folder(environment: environment), filter: filter, target: target) {
            return state.finished ? .finished(state) : .resuming(state)
        }
        var names: [String: String] = [:]
        if filter.isSeveral {
            let list: [Webhook]
            do { list = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
            for uuid in filter.uuids { names[uuid] = list.first { $0.uuid == uuid }?.name ?? uuid }
        } else {
            do { names[filter.uuid] = try await client.getWebhook(uuid: filter.uuid).name } catch { throw APIAccess.fail(error, doing: .read) }
        }
        let name = RecoverFilter.joinedNames(filter.uuids.map { names[$0] ?? $0 })
        if !asJSON { StandardError.write("Reading the log of \(TerminalSafe.escaped(name)) to make the plan…") }
        do { return .planned(try await RecoverPlanner.plan(filter, client: client), name, filter.isSeveral ? names : [:]) } catch {
            throw APIAccess.fail(error, doing: .read)
        }
    }

    /// `--resume` alone: the one stopped recover of this account (of --webhook's, when given);
    /// when there are several, they are listed with the command for each, and nothing is sent.
    @MainActor func stoppedRecover(environment: [String: String], target: RecoverJournal.Target) throws -> RecoverJournal.State {
        var stopped = RecoverJournal.unfinished(folder: RecoverJournal.folder(environment: environment), target: target)
        if let uuid = filter?.uuid { stopped = stopped.filter { $0.filter.uuids.contains(uuid) } }
        guard stopped.count == 1, let only = stopped.first else {
            if stopped.isEmpty {
                StandardError.write("No stopped recover of this account to go on with (in \(TerminalSafe.escaped(RecoverJournal.folder(environment: environment)))). Nothing was sent.")
            } else {
                StandardError.write("\(stopped.count) recovers of this account stopped before their end; go on with one of them. Nothing was sent.")
                let clock = SystemClock.wallClock()
                for state in stopped {
                    StandardError.write("  \(TerminalSafe.escaped(state.filter.describe(webhookName: state.webhookName))), \(state.results.count) of \(state.events.count) answered, "
                                        + "begun \(clock.local(state.createdAt)):")
                    StandardError.write("    " + TerminalSafe.escaped(RecoverCommandLine.resume(journal: state.path, connection: access.connection.words)))
                }
            }
            throw ExitCode(2)
        }
        return only
    }

    /// `--resume J` goes on with J as it was made: the same webhook and filter (options that
    /// say otherwise are refused), the same account (another base URL or key only when
    /// --base-url names the new one and the person confirms).
    @MainActor func checkResume(_ state: RecoverJournal.State, target: RecoverJournal.Target) throws {
        let described = TerminalSafe.escaped(state.filter.describe(webhookName: state.webhookName))
        if let filter, !failing, Set(filter.uuids) != Set(state.filter.uuids) {
            StandardError.write("That journal is a recover of another webhook (\(TerminalSafe.escaped(state.filter.uuid))). Nothing was sent.")
            throw ExitCode(2)
        }
        let journalValues = ["status": state.filter.status.rawValue, "since": state.filter.since, "until": state.filter.until, "event-type": state.filter.eventType]
        let contradicting = filterOptions.filter { name, value in
            name == "status" ? value.lowercased() != state.filter.status.rawValue : journalValues[name] != .some(value)
        }
        if !contradicting.isEmpty {
            let options = contradicting.map { "--\($0.0) \(TerminalSafe.escaped($0.1))" }.joined(separator: " ")
            StandardError.write("\(options) \(contradicting.count == 1 ? "contradicts" : "contradict") the journal, a recover of \(described). "
                                + "Nothing was sent. Give --resume FILE alone to go on with it, or leave out --resume for a new recover.")
            throw ExitCode(2)
        }
        guard let made = state.target, made != target else { return }
        let what = made.baseURL != target.baseURL ? "for \(TerminalSafe.escaped(made.baseURL))" : "with another API key"
        guard baseURLGiven else {
            StandardError.write("That journal was made \(what); this run would send its events to \(TerminalSafe.escaped(target.baseURL))"
                                + (made.keyFingerprint != target.keyFingerprint ? " with another key" : "") + ". Nothing was sent. "
                                + "To replay them there anyway, name it with --base-url and confirm.")
            throw ExitCode(2)
        }
        if !yes {
            try APIAccess.requireTerminal(unless: false, "the journal was made \(what); pass --yes to replay its events to \(target.baseURL). Nothing was sent.")
            try APIAccess.confirm("The journal was made \(what). Replay its events to \(TerminalSafe.escaped(target.baseURL)) instead? y/N ",
                                  declined: "Nothing was sent.")
        }
    }

    /// Takes the journal for this run, or says which run has it (exit 1, nothing sent).
    func claim(_ path: String) throws -> RecoverJournal.Claimed {
        do { return try RecoverJournal.claim(path, now: SystemClock.unixNow) } catch {
            StandardError.write("Cannot go on with \(TerminalSafe.escaped(path)): \(error.description) Nothing was sent.")
            throw ExitCode(1)
        }
    }

    /// A plan short of the server's own count (pages repeated, skipped, offsets ignored): said;
    /// a script stops there (exit 1), a person decides.
    @MainActor func askAboutShortPlan(_ plan: RecoverPlan) throws {
        guard let total = plan.shortOf else { return }
        let line = "JetEmail counted \(total) but fewer came back distinct while paging (it repeated or skipped rows): the plan of \(plan.count) may be short."
        guard APIAccess.personWaits else {
            StandardError.write(line + " Nothing was sent; run it again later, or with --since/--until for smaller pages of the log.")
            throw ExitCode(1)
        }
        StandardError.write(line)
        try APIAccess.confirm("Replay the \(plan.count) found anyway? y/N ", declined: "Nothing was sent.")
    }

    /// Replays what the journal has left, with progress, and ends with the summary and its exit code.
    @MainActor func replay(_ claimed: RecoverJournal.Claimed, client: JetEmailClient) async throws {
        let state = claimed.state
        let left = state.remaining(retryUncertain: retryUncertain)
        let uncertain = state.uncertain
        let resumeCommand = RecoverCommandLine.resume(journal: state.path, connection: access.connection.words)
        if !state.results.isEmpty || !state.sent.isEmpty {
            StandardError.write("Going on with \(TerminalSafe.escaped(state.path)): \(state.results.count) of \(state.events.count) answered, \(left.count) to replay.")
        }
        if !uncertain.isEmpty, !retryUncertain {
            StandardError.write("\(uncertain.count) may have been replayed (sent, no answer seen) and \(uncertain.count == 1 ? "is" : "are") skipped; "
                                + "--retry-uncertain replays them: " + uncertain.prefix(5).map { TerminalSafe.escaped($0) }.joined(separator: ", ")
                                + (uncertain.count > 5 ? " …" : ""))
        }
        let journal = claimed.journal
        let stop = StopSignals()
        let bar = ProgressBar(enabled: !asJSON && isatty(STDERR_FILENO) != 0)
        let json = asJSON
        let several = state.filter.isSeveral
        let started = ContinuousClock.now
        // Replays are background work in the account's budget: a person at any terminal goes first.
        let waitSaid = Mutex(false), holdSaid = Mutex(false)
        let limit = client.pacer?.limit ?? RequestBudget.defaultRate
        let (end, progress) = await RecoverRun.run(left, uuid: state.filter.uuid, journal: journal, client: client.with(priority: .background),
                                                      madeBefore: state.requestAges(now: SystemClock.unixNow), progress: { progress in
            var heard = RecoverRun.Heard.goOn
            func out(_ line: String) {
                if let code = StandardOutput.write(line) { heard = .stop("Cannot write to standard output (\(String(cString: strerror(code))))") }
            }
            if json, progress.answeredJustNow, let last = progress.last {
                var line = ["event_id": last.id, "result": last.result.rawValue]
                if several, let uuid = progress.lastUUID { line["webhook"] = uuid }
                if let detail = last.detail { line["detail"] = detail }
                out(WebhookOutput.jsonLine(line))
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
                if json { out(WebhookOutput.jsonLine(["waiting_seconds": wait])) }
                if !bar.enabled { StandardError.write("JetEmail answered 429 (rate limited): waiting \(wait) s, then going on with the same event.") }
            }
            bar.show(progress, seconds: Self.seconds(since: started))
            return heard
        }, shouldStop: { [flag = stop.flag] in flag.isSet }, clock: { Self.seconds(since: started) }, wallClock: { SystemClock.unixNow })
        bar.finish()
        stop.release()
        // The whole recover, earlier runs of the journal included, as the journal now has it.
        let final = (try? journal.readBack()) ?? state
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
        case .journalFailed(let why), .rateLimited(let why), .keyRefused(let why), .outputClosed(let why):
            // The reason always reaches stderr, with --json too (where the summary carries it as well).
            let reason = TerminalSafe.escaped(why)
            try? printSummary(final, ran: progress, headline: "Stopped: \(reason)", resume: resumeCommand, stoppedBecause: why)
            if asJSON { StandardError.write("Stopped: \(reason)") }
            if case .keyRefused = end { StandardError.write("Nothing more was sent: every other event would be refused the same way. Fix the key, then resume.") }
            StandardError.write("Resume: \(safeResume)")
            throw ExitCode(1)
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
