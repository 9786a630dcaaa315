import Glibc
import JetEmailClient
import JetEmailHTTP
import PosixSupport

/// `rotate WEBHOOK --secret-file FILE [--skip-test] [--yes] [--delete-after DURATION]`,
/// `rotate --resume [FILE]`, `rotate --abort [FILE]`: a webhook's signing secret replaced by a
/// twin's, without a delivery missed: create the twin, save its secret, test the receiver, overlap,
/// retire the old webhook, rename the twin. Journalled; a kill at any step is resumed.
struct RotateCommand: Command {
    static let name = "rotate"
    static let abstract = "Replace a webhook's signing secret with a twin's, without missing a delivery: guided, journalled, resumable."
    static let discussion = """
        JetEmail cannot rotate a secret, so a twin is made: the same URL, events and filters,
        named "NAME new", disabled. Its secret goes to --secret-file (0600, never
        overwritten); a signed example tests that the receiver takes it (--skip-test skips
        that). Then the overlap: the twin is enabled, and both webhooks deliver each event,
        once signed with each secret. The old webhook is disabled after you confirm (or --yes),
        and deleted after a second confirmation or after --delete-after DURATION (90s, 30m,
        24h, 7d), counted down; the twin then takes the old name. Each step is journalled
        beside the recovers' journals: after a kill, `rotate --resume` goes on without a second
        twin or a second delete; `rotate --abort` deletes the twin and enables the old webhook
        again. Exit 0 done, 1 stopped by a failure (resumable), 2 usage, 3 waiting for a yes
        (resume to go on).
        """
    static let positional: String? = "webhook"
    static let options: [OptionSpec] = [
        .value("secret-file", "path", "Where the twin's secret is written (a new file, 0600)."),
        .flag("skip-test", "Do not test the receiver with the new secret (said as a warning)."),
        .flag("yes", "Disable and delete the old webhook without asking (deliveries still waiting for a retry still stop it)."),
        .value("delete-after", "duration", "Delete the old webhook this long after disabling it (90s, 30m, 24h, 7d), counted down; survives a resume."),
        .optionalValue("resume", "path", "Go on with this rotation's journal; alone, with this account's unfinished rotation (of WEBHOOK, when given)."),
        .optionalValue("abort", "path", "Undo an unfinished rotation: delete the twin, enable the old webhook again."),
    ] + APIAccess.options

    let access: APIAccess
    let webhook: String?
    let secretFile: String?
    let skipTest: Bool
    let yes: Bool
    let deleteAfter: Int?
    let resume: String?
    let abort: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        webhook = arguments.positionals.first
        secretFile = arguments.string("secret-file")
        skipTest = arguments.flag("skip-test")
        yes = arguments.flag("yes")
        resume = arguments.string("resume")
        abort = arguments.string("abort")
        if let text = arguments.string("delete-after") {
            guard let seconds = DurationText.seconds(text) else {
                throw UsageError("--delete-after takes a duration such as 90s, 30m, 24h or 7d (at most 366 days).")
            }
            deleteAfter = seconds
        } else { deleteAfter = nil }
        if resume != nil, abort != nil { throw UsageError("Give --resume or --abort, not both.") }
        if arguments.positionals.count > 1 { throw UsageError("One webhook at a time: \(arguments.positionals.count) were given.") }
        if resume == nil, abort == nil {
            guard let webhook, !webhook.isEmpty else { throw UsageError("Which webhook? Give its name or uuid (or --resume, or --abort).") }
            guard let secretFile, !secretFile.isEmpty else {
                throw UsageError("Give --secret-file FILE: the new secret is written there (0600) before anything goes on. "
                                 + "(The TUI's details screen rotates with R, showing the secret once.)")
            }
        } else {
            if secretFile != nil || skipTest { throw UsageError("--secret-file and --skip-test go with a new rotation; the journal has them.") }
            if abort != nil, deleteAfter != nil || yes { throw UsageError("--abort undoes; --yes and --delete-after go with a rotation going on.") }
        }
    }

    @MainActor func begin() throws -> CommandWork {
        if let secretFile, let problem = SecretFile.problemCreating(HomeDirectory.expandingTilde(secretFile, environment: ProcessEnvironment.current)) {
            throw UsageError("--secret-file: \(problem.description)")
        }
        return { try await run() }
    }

    @MainActor func run() async throws {
        let environment = ProcessEnvironment.current
        try await access.withClient { client in
            let target = RecoverJournal.Target(client)
            let folder = RecoverJournal.folder(environment: environment)
            if let abort {
                let (journal, state) = try claim(try await find(abort, folder: folder, target: target, client: client, environment: environment))
                try await undo(RotationRun(journal: journal, client: client, testReceiver: Self.testReceiver, clock: { SystemClock.unixNow }), state)
                return
            }
            let journal: RotationJournal
            var state: RotationState
            if let resume {
                (journal, state) = try claim(try await find(resume, folder: folder, target: target, client: client, environment: environment))
                if let deleteAfter, state.deleteAt == nil, state.deleteAfter != deleteAfter {
                    StandardError.write("warning: the journal's --delete-after stands; it was set when the rotation began.")
                }
                try APIAccess.print("Going on with the rotation of \(TerminalSafe.escaped(state.old.name)) (\(TerminalSafe.escaped(state.path))).")
            } else {
                (journal, state) = try await start(client: client, target: target, folder: folder, environment: environment)
            }
            let run = RotationRun(journal: journal, client: client, testReceiver: Self.testReceiver, clock: { SystemClock.unixNow })
            try await RotateDriver(command: self, run: run).drive(from: state)
        }
    }

    /// A new rotation: the old webhook read, its twin planned and checked, said, journalled.
    @MainActor func start(client: JetEmailClient, target: RecoverJournal.Target, folder: String,
                          environment: [String: String]) async throws -> (RotationJournal, RotationState) {
        let list: [Webhook]
        do { list = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
        let uuid = try APIAccess.resolveWebhook(webhook ?? "", among: list)
        let old: Webhook
        do { old = try await client.getWebhook(uuid: uuid) } catch { throw APIAccess.fail(error, doing: .read) }
        if let going = RotationJournal.unfinished(folder: folder, target: target).first(where: { $0.old.uuid == uuid || $0.twinUUID == uuid }) {
            StandardError.write("A rotation of \(TerminalSafe.escaped(old.name)) is unfinished (\(TerminalSafe.escaped(going.path))). Nothing was done.")
            StandardError.write("  Go on with it: " + TerminalSafe.escaped(command(["--resume", going.path])))
            StandardError.write("  Or undo it:    " + TerminalSafe.escaped(command(["--abort", going.path])))
            throw ExitCode(2)
        }
        let twinName = RotationPlan.twinName(for: old.name, among: list)
        if case .failure(let refusal) = RotationPlan.request(old: old, twinName: twinName) {
            StandardError.write(TerminalSafe.escaped(refusal.description) + " Nothing was done.")
            throw ExitCode(2)
        }
        let path = HomeDirectory.expandingTilde(secretFile ?? "", environment: environment)
        let name = TerminalSafe.escaped(old.name)
        var plan = ["Rotating the signing secret of \(name) (\(TerminalSafe.escaped(old.uuid))), \(TerminalSafe.escaped(old.url)):",
                    "  1. create \"\(TerminalSafe.escaped(twinName))\", a twin with the same URL, events and filters, disabled",
                    "  2. write its secret to \(TerminalSafe.escaped(path)) (0600)",
                    skipTest ? "  3. (skipped: --skip-test) test the receiver" : "  3. test the receiver with a signed example",
                    old.status == .disabled ? "  4. (both stay disabled) retire \(name)"
                        : "  4. overlap: enable the twin; disable \(name) when you confirm; delete it "
                          + (deleteAfter.map { "\(DurationText.words($0)) later" } ?? "after a second confirmation"),
                    "  5. rename the twin to \(name)"]
        let dropped = RotationPlan.dropped(old: old)
        if !dropped.isEmpty { plan.append("  The twin leaves out \(dropped.map { TerminalSafe.escaped($0) }.joined(separator: ", ")) (the create list lacks it, as an edit drops it).") }
        if skipTest { plan.append("warning: --skip-test: a receiver that refuses the new secret is found only by its failures once the old webhook is disabled.") }
        try APIAccess.print(plan.joined(separator: "\n"))
        do {
            return try RotationJournal.begin(old: old, twinName: twinName, secretFile: path, target: target, deleteAfter: deleteAfter,
                                             skipTest: skipTest, folder: folder, now: SystemClock.unixNow)
        } catch {
            StandardError.write("The journal could not be created: \(error.description) Nothing was done.")
            throw ExitCode(1)
        }
    }

    /// The journal named, or (none named) this account's one unfinished rotation (of WEBHOOK when
    /// given); several are listed with the command for each.
    @MainActor func find(_ given: String, folder: String, target: RecoverJournal.Target, client: JetEmailClient,
                         environment: [String: String]) async throws -> String {
        if !given.isEmpty { return HomeDirectory.expandingTilde(given, environment: environment) }
        var found = RotationJournal.unfinished(folder: folder, target: target)
        if let webhook {
            let uuid = try await APIAccess.resolveWebhook(webhook, client: client)
            found = found.filter { $0.old.uuid == uuid || $0.twinUUID == uuid }
        }
        guard found.count == 1, let only = found.first else {
            if found.isEmpty {
                StandardError.write("No unfinished rotation of this account (in \(TerminalSafe.escaped(folder))). Nothing was done.")
            } else {
                StandardError.write("\(found.count) rotations of this account are unfinished; name one. Nothing was done.")
                for state in found {
                    StandardError.write("  \(TerminalSafe.escaped(state.old.name)), begun \(SystemClock.wallClock().local(state.createdAt)): "
                                        + TerminalSafe.escaped(command([abort != nil ? "--abort" : "--resume", state.path])))
                }
            }
            throw ExitCode(2)
        }
        return only.path
    }

    func claim(_ path: String) throws -> (RotationJournal, RotationState) {
        do { return try RotationJournal.claim(path, now: SystemClock.unixNow) } catch {
            StandardError.write("Cannot go on with \(TerminalSafe.escaped(path)): \(error.description) Nothing was done.")
            throw ExitCode(error.held ? 1 : 2)
        }
    }

    @MainActor func undo(_ run: RotationRun, _ state: RotationState) async throws {
        try APIAccess.print("Aborting the rotation of \(TerminalSafe.escaped(state.old.name)) (\(TerminalSafe.escaped(state.path)))…")
        let (_, result) = await run.abort()
        switch result {
        case .success(let said): try APIAccess.print(TerminalSafe.escaped(said) + "\nAborted.")
        case .failure(let stop):
            StandardError.write(TerminalSafe.escaped(stop.description))
            throw ExitCode(1)
        }
    }

    /// This program's command line with `extra` and the connection options, for later.
    func command(_ extra: [String]) -> String {
        (["jetemail-webhooks", Self.name] + extra + access.connection.words).map(ShellWord.quoted).joined(separator: " ")
    }

    /// The receiver test: `send-example`'s request, with JetEmail's 10 s deadline.
    static let testReceiver: @Sendable (String, String, String) async -> ReceiverTest.Report = { url, secret, type in
        let event = SampleEvent.example(type: type, now: SystemClock.unixNow)
        guard let transport = try? SendExampleCommand.transport(for: url, caFile: nil) else {
            return ReceiverTest.Report(eventID: event.id, eventType: type, status: nil, milliseconds: 0, verdict: .retried,
                                       detail: "no transport for \(url)", connected: false)
        }
        return await ReceiverTest.send(event, url: url, secret: secret, transport: transport)
    }
}
