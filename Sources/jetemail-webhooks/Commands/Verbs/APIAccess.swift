import Glibc
import JetEmailClient
import JetEmailSandbox
import PosixSupport
import Synchronization

/// What every API verb (list, get, update, delete) shares: the connection options, `--demo`, a
/// client, and exit codes (1 for the API or the network, 2 for input and configuration).
struct APIAccess {
    static let options: [OptionSpec] = [
        .flag("demo", "Use a built-in sandbox API (seeded with eight webhooks) instead of JetEmail."),
    ] + ConnectionOptions.options

    let connection: ConnectionOptions
    let demo: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        connection = try ConnectionOptions(arguments)
        demo = arguments.flag("demo")
    }

    /// Runs `work` with a client; the demo sandbox, if any, is stopped afterwards.
    @MainActor func withClient(_ work: (JetEmailClient) async throws -> Void) async throws {
        let client: JetEmailClient
        var sandbox: SandboxServer?
        do {
            if demo {
                let started = try await DemoSandbox.start(latencyMilliseconds: 0, deadlineSeconds: connection.timeout, seed: 8,
                                                          pacer: connection.demoPacer(environment: ProcessEnvironment.current))
                StandardError.write("demo: using a built-in sandbox API at \(started.baseURL)")
                client = started.client.with(priority: Self.personWaits ? .interactive : .background)
                sandbox = started.server
            } else {
                let made = try connection.makeClient()
                await Self.sayWaits(made.client.pacer)
                for warning in made.warnings { StandardError.write("warning: \(warning)") }
                client = made.client.with(priority: Self.personWaits ? .interactive : .background)
            }
        } catch let error as ConfigurationError {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
        do { try await work(client) } catch { await sandbox?.stop(); throw error }
        await sandbox?.stop()
    }

    /// A command waiting for the request budget hears why it is slow, on stderr: once a wait
    /// starts (not for every request), and again when its reason changes, saying whether other
    /// processes use the budget; that the shared ledger could not be used, once.
    static func sayWaits(_ pacer: RequestPacer?) async {
        guard let pacer else { return }
        let said = Mutex<BudgetWait.Reason?>(nil)
        await pacer.observe({ wait in
            let fresh = said.withLock { was in defer { was = wait?.reason }; return wait != nil && was != wait?.reason }
            guard let wait, fresh else { return }
            StandardError.write(waitLine(wait, limit: pacer.limit))
        }, warnings: { StandardError.write("warning: " + $0) })
    }

    static func waitLine(_ wait: BudgetWait, limit: Int) -> String {
        switch wait.reason {
        case .window:
            "Waiting for the request budget (\(limit) a minute for the account): \(wait.wholeSeconds) s…\(wait.othersClause)"
        case .rateLimited:
            "Rate limited by JetEmail: waiting \(wait.wholeSeconds) s…\(wait.othersClause)"
        case .gaveUp:
            "Rate limited by JetEmail: 429 after 429; nothing more is asked."
        }
    }

    /// An API failure on stderr, exit 1, said as what it may mean for this kind of request (an
    /// answer that never came to a read changed nothing; to a delete, the webhook may be gone).
    static func fail(_ error: any Error, doing operation: JetEmailError.Operation) -> ExitCode {
        StandardError.write((error as? JetEmailError)?.message(doing: operation) ?? "\(error)")
        return ExitCode(1)
    }

    /// Text to stdout; a failed write is exit 1.
    static func print(_ text: String, newline: Bool = true) throws {
        if let code = StandardOutput.write(text, newline: newline) {
            StandardError.write("Cannot write to standard output: \(String(cString: strerror(code))).")
            throw ExitCode(1)
        }
    }

    /// A change that asks first (delete, replay) needs a terminal to ask on, or `--yes`.
    static func requireTerminal(unless yes: Bool, _ refusal: String) throws(UsageError) {
        if !yes, isatty(STDIN_FILENO) == 0 || isatty(STDERR_FILENO) == 0 { throw UsageError("No terminal to ask on: " + refusal) }
    }

    /// Asks on stderr; only y or Y goes on. Anything else says `declined` and is exit 1.
    static func confirm(_ question: String, declined: String) throws {
        StandardError.writePrompt(question)
        guard let answer = readLine(strippingNewline: true), answer == "y" || answer == "Y" else {
            StandardError.write(declined)
            throw ExitCode(1)
        }
    }

    /// The uuid of a webhook given by uuid or by exact name (one list call for a name); a name
    /// that matches none, or several, is exit 2 saying so (the several by uuid).
    @MainActor static func resolveWebhook(_ reference: String, client: JetEmailClient) async throws -> String {
        if WebhookReference.isUUID(reference) { return reference }
        let list: [Webhook]
        do { list = try await client.listWebhooks() } catch { throw fail(error, doing: .read) }
        return try resolveWebhook(reference, among: list)
    }

    static func resolveWebhook(_ reference: String, among list: [Webhook]) throws -> String {
        if WebhookReference.isUUID(reference) { return reference }
        switch WebhookReference.resolve(reference, among: list) {
        case .uuid(let uuid):
            return uuid
        case .notFound:
            StandardError.write("No webhook is named \(TerminalSafe.escaped(reference)) (names are matched exactly; `list` shows them), "
                                + "and it is not a uuid. Nothing was done.")
            throw ExitCode(2)
        case .ambiguous(let uuids):
            StandardError.write("\(uuids.count) webhooks are named \(TerminalSafe.escaped(reference)); give one by its uuid: "
                                + uuids.map { TerminalSafe.escaped($0) }.joined(separator: ", ") + ". Nothing was done.")
            throw ExitCode(2)
        }
    }

    /// A verb run on a terminal has a person waiting for it: its requests go first in the
    /// account's budget; without one (cron, CI, a pipe from a script) they are background work.
    static var personWaits: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDERR_FILENO) != 0 }

    /// A table on a terminal, JSON otherwise or with --json (as the official CLI does).
    static func wantsJSON(_ flag: Bool) -> Bool { flag || isatty(STDOUT_FILENO) == 0 }

    /// The uuid from `UUID` or `--uuid UUID` (never both, never neither).
    static func uuid(_ arguments: ParsedArguments, allowFlag: Bool = false) throws(UsageError) -> String {
        let flag = allowFlag ? arguments.string("uuid") : nil
        switch (arguments.positionals.first, flag) {
        case (let uuid?, nil), (nil, let uuid?):
            guard !uuid.isEmpty else { throw UsageError("The uuid is empty.") }
            return uuid
        case (.some, .some): throw UsageError("Give the uuid once: as an argument or with --uuid, not both.")
        case (nil, nil): throw UsageError(allowFlag ? "Which webhook? Give its uuid: UUID or --uuid UUID." : "Which webhook? Give its uuid.")
        }
    }
}
