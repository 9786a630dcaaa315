import Glibc
import JetEmailClient
import PosixSupport

/// `apply FILE [--prune] [--yes] [--secrets-dir DIR]`: the plan carried out. Shown first, asked on
/// a terminal (`--yes` without one), planned again if the account changed meanwhile, paced by
/// the account's budget, journalled: after a kill the same command goes on.
struct ApplyCommand: Command {
    static let name = "apply"
    static let abstract = "Make the account's webhooks match a file of webhooks: the plan shown, asked, carried out, journalled."
    static let discussion = """
        The plan of `plan FILE` (matched by name; deletes only with --prune) is shown, then asked
        on a terminal (--yes without one). Each created webhook's secret goes to DIR/NAME.whsec
        (--secrets-dir DIR, made 0700 if missing; 0600, never over a file); without a terminal a
        create needs --secrets-dir, so that no secret is dropped. Requests go through the
        account's request budget. Each step is journalled beside the recovers' journals: after a
        kill the same command goes on with the same file, and a create whose answer was lost is
        looked for by name and URL first. Exit 0 when every step was done, 1 when one failed or
        the run stopped (it says why), 2 for a problem of the file or the command line.
        """
    static let positional: String? = "file"
    static let options: [OptionSpec] = [
        .flag("prune", "Also delete the account's webhooks that the file does not name."),
        .flag("yes", "Apply without asking."),
        .value("secrets-dir", "path", "Folder for the secrets of created webhooks (each NAME.whsec, 0600)."),
    ] + APIAccess.options

    let access: APIAccess
    let path: String
    let prune: Bool
    let yes: Bool
    let secretsDir: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        path = try WebhookFileLoading.path(arguments, verb: Self.name)
        prune = arguments.flag("prune")
        yes = arguments.flag("yes")
        secretsDir = arguments.string("secrets-dir").map { HomeDirectory.expandingTilde($0, environment: ProcessEnvironment.current) }
    }

    @MainActor func begin() throws -> CommandWork {
        try APIAccess.requireTerminal(unless: yes, "pass --yes to apply. Nothing was sent.")
        let (file, digest) = try WebhookFileLoading.read(path)
        return { try await run(file, digest: digest) }
    }

    @MainActor func run(_ file: WebhookFile, digest: String) async throws {
        let started = SystemClock.unixNow
        try await access.withClient { client in
            let target = RecoverJournal.Target(client)
            let folder = RecoverJournal.folder(environment: ProcessEnvironment.current)
            let journal: ApplyJournal
            if let stopped = ApplyJournal.unfinished(folder: folder, digest: digest, target: target) {
                let state: ApplyJournal.State
                do throws(ApplyJournal.Problem) { (journal, state) = try ApplyJournal.claim(stopped, now: SystemClock.unixNow) } catch {
                    StandardError.write("Cannot go on with \(TerminalSafe.escaped(stopped)): \(error.description) Nothing was sent.")
                    throw ExitCode(error.held ? 1 : 2)
                }
                try APIAccess.print("Going on with the apply of \(TerminalSafe.escaped(path)) that stopped: \(state.left.count) of \(state.steps.count) steps left "
                                    + "(journal \(TerminalSafe.escaped(stopped))).")
            } else {
                guard let made = try await planned(file, digest: digest, client: client, target: target, folder: folder) else { return }
                journal = made
            }
            let outcome = await ApplyRun(journal: journal, client: client, clock: { SystemClock.unixNow }).run { line in
                _ = StandardOutput.write(TerminalSafe.escaped(line))
            }
            try summary(outcome, journal: journal, seconds: SystemClock.unixNow - started)
        }
    }

    /// The plan shown and agreed to (planned again if the account changed meanwhile), and its
    /// journal; nil when there is nothing to do.
    @MainActor func planned(_ file: WebhookFile, digest: String, client: JetEmailClient, target: RecoverJournal.Target,
                            folder: String) async throws -> ApplyJournal? {
        var (plan, _) = try await WebhookFileLoading.plan(file, client: client, prune: prune)
        try APIAccess.print(PlanOutput.text(plan, file: path, target: client.baseURL.description))
        guard plan.sendsAnything else { return nil }
        let dir = try secretsFolder(needed: plan.creates > 0)
        if !yes { try APIAccess.confirm("Apply these changes? y/N ", declined: "Nothing was sent.") }
        // The account may have changed while the plan was read: planned again, and shown if it did.
        let (again, _) = try await WebhookFileLoading.plan(file, client: client, prune: prune)
        if again != plan {
            try APIAccess.print("The account changed since that plan was made; planned again:\n" + PlanOutput.text(again, file: path, target: client.baseURL.description))
            guard again.sendsAnything else { return nil }
            if !yes { try APIAccess.confirm("Apply these changes instead? y/N ", declined: "Nothing was sent.") }
            plan = again
        }
        do {
            return try ApplyJournal.begin(steps: ApplyJournal.Step.from(plan, file: file), file: path, digest: digest, target: target,
                                          secretsDir: dir, folder: folder, now: SystemClock.unixNow).0
        } catch {
            StandardError.write("The journal could not be created: \(error.description) Nothing was sent.")
            throw ExitCode(1)
        }
    }

    /// Where created webhooks' secrets go: --secrets-dir (made 0700 if missing), or asked on a
    /// terminal; off a terminal a create without it is refused before anything is sent.
    @MainActor func secretsFolder(needed: Bool) throws -> String? {
        guard needed else { return secretsDir }
        var chosen = secretsDir
        if chosen == nil {
            guard APIAccess.personWaits else {
                StandardError.write("The plan creates webhooks, and their secrets need somewhere to go: pass --secrets-dir DIR. Nothing was sent.")
                throw ExitCode(2)
            }
            StandardError.writePrompt("Folder for the new webhooks' secrets (each NAME.whsec, 0600): ")
            guard let typed = readLine(strippingNewline: true), !typed.isEmpty else {
                StandardError.write("No folder given. Nothing was sent.")
                throw ExitCode(2)
            }
            chosen = HomeDirectory.expandingTilde(typed, environment: ProcessEnvironment.current)
        }
        guard let given = chosen else { return nil }
        // Whole, so that a resume from another folder writes to the same place.
        let dir = AbsolutePath.of(given)
        if let problem = RecoverJournal.makeFolder(dir) {
            StandardError.write("--secrets-dir \(TerminalSafe.escaped(dir)): \(problem). Nothing was sent.")
            throw ExitCode(2)
        }
        guard Glibc.access(dir, W_OK) == 0 else {
            StandardError.write("--secrets-dir \(TerminalSafe.escaped(dir)): no permission to write there. Nothing was sent.")
            throw ExitCode(2)
        }
        return dir
    }

    func summary(_ outcome: ApplyRun.Outcome, journal: ApplyJournal, seconds: Int) throws {
        var line = "Applied \(outcome.done) step\(outcome.done == 1 ? "" : "s") in \(seconds) s"
        if !outcome.secrets.isEmpty { line += "; secrets saved: " + outcome.secrets.map { TerminalSafe.escaped($0) }.joined(separator: ", ") }
        try APIAccess.print(line + ".")
        if let stopped = outcome.stopped {
            StandardError.write("Stopped: \(TerminalSafe.escaped(stopped)) The same command goes on (journal \(TerminalSafe.escaped(journal.path))).")
            throw ExitCode(1)
        }
        if !outcome.failed.isEmpty {
            StandardError.write("\(outcome.failed.count) step\(outcome.failed.count == 1 ? "" : "s") failed: " + outcome.failed.map { TerminalSafe.escaped($0) }.joined(separator: "; ")
                                + ". The same command tries them again.")
            throw ExitCode(1)
        }
    }
}
