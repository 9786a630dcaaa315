import FoundationEssentials
import Glibc
import JetEmailClient
import JetEmailSandbox
import TerminalBackend
import WebhookTUI

/// `jetemail-webhooks [create]` on a terminal: the form, prefilled from any flags.
@MainActor
enum InteractiveCreate {
    /// The whole form, awaiting first what must be (the demo sandbox starting).
    static func run(_ command: CreateCommand, environment: [String: String]) async throws {
        try preflight(command, environment: environment)
        let demo = command.demo
            ? try await DemoSandbox.start(latencyMilliseconds: command.demoLatencyMs, deadlineSeconds: command.connection.timeout,
                                          seed: command.home == .list ? 8 : 0, pacer: command.connection.demoPacer(environment: environment))
            : nil
        let session = try makeSession(command, environment: environment, demo: demo)
        session.begin()
        try await end(session, sandbox: demo?.server)
    }

    /// The form without a demo sandbox: nothing to wait for, so everything up to the first frame
    /// happens now, before the async runtime starts (see `Entry`).
    static func begin(_ command: CreateCommand, environment: [String: String]) throws -> InteractiveSession {
        try preflight(command, environment: environment)
        let session = try makeSession(command, environment: environment, demo: nil)
        session.begin()
        return session
    }

    /// Waits for the person to finish, then reports a signal that ended the form as the exit status.
    static func end(_ session: InteractiveSession, sandbox: SandboxServer?) async throws {
        await session.end()
        let jobsNotice = await session.stopJobs()
        await sandbox?.stop()
        if let notice = session.exitNotice { StandardError.write(notice) }
        if let jobsNotice { StandardError.write(jobsNotice) }
        if let signo = session.exitSignal { throw ExitCode(128 + signo) }
        // A recover left unfinished is not a clean exit.
        if jobsNotice != nil { throw ExitCode(1) }
    }

    /// Refuses, before the screen is touched, a terminal the form cannot use or a secret file that cannot be made.
    private static func preflight(_ command: CreateCommand, environment: [String: String]) throws {
        if let problem = TerminalCheck.problem(environment: environment) {
            StandardError.write(problem)
            throw ExitCode(2)
        }
        if let path = command.secretFile, let problem = SecretFile.problemCreating(path) {
            StandardError.write("secret-file: \(problem)")
            throw ExitCode(2)
        }
    }

    private static func makeSession(_ command: CreateCommand, environment: [String: String], demo: DemoSandbox?) throws -> InteractiveSession {
        var client: JetEmailClient?
        var maskedKey: String?
        var endpoint: String
        var needsKey = false
        var warnings: [String] = []
        do {
            if let demo {
                client = demo.client
                maskedKey = demo.maskedKey
                endpoint = demo.baseURL.host + (demo.baseURL.port.map { ":\($0)" } ?? "")
            } else {
                let base = try BaseURL.resolve(flag: command.connection.baseURL, environment: environment)
                endpoint = base.host + (base.port.map { ":\($0)" } ?? "")
                if let made = try configuredClient(command.connection, environment: environment) {
                    client = made.client
                    maskedKey = made.maskedKey
                    warnings = made.warnings
                } else {
                    // No key yet: the rest of the connection settings (CA file, proxy) are checked
                    // now all the same, so their errors are told before the form, not hidden by it.
                    _ = try command.connection.makeTransport(environment: environment)
                    needsKey = true
                }
            }
        } catch let error as ConfigurationError {
            StandardError.write(error.description)
            throw ExitCode(2)
        }

        let connection = command.connection
        let effects = EffectRunner(client: client) { (key: APIKey) throws(ConfigurationError) -> JetEmailClient in
            try connection.makeClient(key: key, environment: environment)
        }
        effects.receiverCAFile = connection.caFile
        effects.observe(connection.pacer(environment: environment))
        var state = AppState(form: FormScreen(prefill: command.draft), home: command.home, endpoint: endpoint, maskedKey: maskedKey,
                             isDemo: command.demo, needsKey: needsKey)
        state.secretFilePath = command.secretFile
        // A recover's resume command names the same key file, profile and base URL (not the
        // demo's: its sandbox ends with the program).
        if !command.demo { state.connectionWords = connection.words }
        // A key warning (readable key file, no api_ prefix) is the first thing the status line says.
        if let warning = warnings.first { state.show(StatusMessage(.warning, warning)) }
        return InteractiveSession(state: state, terminal: Terminal(environment: environment), effects: effects)
    }

    /// The client from flags, environment and config file; nil when there is no key at all
    /// (the form then asks for one).
    private static func configuredClient(_ connection: ConnectionOptions, environment: [String: String]) throws
        -> (client: JetEmailClient, maskedKey: String, warnings: [String])? {
        do {
            return try connection.makeClient(environment: environment)
        } catch {
            if case .noKey = error { return nil }
            throw error
        }
    }
}
