import FoundationEssentials
import Glibc
import JetEmailClient
import JetEmailSandbox
import TerminalBackend
import WebhookTUI

/// `jetemail-webhooks [create]` on a terminal: the form, prefilled from any flags.
@MainActor
enum InteractiveCreate {
    static func run(_ command: CreateCommand, environment: [String: String]) async throws {
        if let problem = TerminalCheck.problem(environment: environment) {
            StandardError.write(problem)
            throw ExitCode(2)
        }
        if let path = command.secretFile, let problem = SecretFile.problemCreating(EffectRunner.expandHome(path)) {
            StandardError.write("secret-file: \(problem)")
            throw ExitCode(2)
        }
        var sandbox: SandboxServer?
        var client: JetEmailClient?
        var maskedKey: String?
        var endpoint: String
        var needsKey = false
        var warnings: [String] = []
        do {
            if command.demo {
                let demo = try await DemoSandbox.start(latencyMilliseconds: command.demoLatencyMs, deadlineSeconds: command.connection.timeout)
                sandbox = demo.server
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
                    needsKey = true
                }
            }
        } catch let error as ConfigurationError {
            StandardError.write(error.description)
            throw ExitCode(2)
        }

        let connection = command.connection
        let effects = EffectRunner(client: client) { key in try connection.makeClient(key: key, environment: environment) }
        var state = AppState(form: FormState(prefill: command.draft), endpoint: endpoint, maskedKey: maskedKey,
                             isDemo: command.demo, needsKey: needsKey)
        state.secretFilePath = command.secretFile
        // A key warning (readable key file, no api_ prefix) is the first thing the status line says.
        if let warning = warnings.first { state.status = StatusMessage(.warning, warning) }
        let session = InteractiveSession(state: state, terminal: Terminal(environment: environment), effects: effects)
        await session.run()
        await sandbox?.stop()
        if let signo = session.exitSignal { throw ExitCode(128 + signo) }
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
