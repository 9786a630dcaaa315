import FoundationEssentials
import Glibc
import JetEmailClient
import JetEmailSandbox

/// `create --no-input`: validate the flags, send, report. Exit 0 / 1 (API, network) / 2 (input).
struct NonInteractiveCreate {
    let command: CreateCommand

    /// `--accessible`: the prompts, with the client configured as for `--no-input`.
    @MainActor func runAccessible() async throws {
        let (client, sandbox) = try await makeClient()
        let code = await AccessibleCreate().run(prefill: command.draft, client: client, secretFile: command.secretFile,
                                                deadlineSeconds: command.connection.timeout)
        await sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }

    @MainActor func run() async throws {
        let outcome = WebhookValidator.validate(command.draft)
        for warning in outcome.report.warnings { StandardError.write("warning: \(warning)") }
        guard let request = outcome.request else {
            for error in outcome.report.errors { StandardError.write(error.description) }
            throw ExitCode(2)
        }
        if command.dryRun {
            if let code = StandardOutput.write(String(decoding: JetEmailClient.encode(request, pretty: true), as: UTF8.self)) {
                StandardError.write("Cannot write to standard output: \(String(cString: strerror(code))).")
                throw ExitCode(1)
            }
            return
        }
        // The secret must have somewhere to go before anything is sent.
        if command.secretFile == nil, let problem = StandardStreams.outputProblem() {
            StandardError.write("Nothing was sent: \(problem), so the signing secret would be lost. Pass --secret-file PATH.")
            throw ExitCode(2)
        }

        let (client, sandbox) = try await makeClient()
        defer { if let sandbox { Task { await sandbox.stop() } } }

        // Create the secret file before sending, so a secret that arrives can always be kept.
        var reserved: SecretFile?
        if let path = command.secretFile {
            do { reserved = try SecretFile.reserve(path) } catch {
                StandardError.write("secret-file: \(error)")
                throw ExitCode(2)
            }
        }

        let (result, guardian) = await SignalsWhileSending.create(request, with: client, deadlineSeconds: command.connection.timeout)

        let webhook: Webhook
        switch result {
        case .success(let created): webhook = created
        case .failure(let error):
            reserved?.abandon()
            if guardian.gaveUp {
                StandardError.write(SignalsWhileSending.gaveUpMessage)
            } else {
                StandardError.write(error.message)
            }
            throw ExitCode(guardian.signal.map { 128 + $0 } ?? 1)
        }
        if let warning = CreateOutput.unreadableWarning(webhook) { StandardError.write(warning) }
        let secret = webhook.secret ?? ""
        var savedPath: String?
        if let reserved {
            do {
                try reserved.fill(with: secret)
                savedPath = reserved.path
            } catch {
                // The file could not take it: the secret must not be lost, so it goes to stdout.
                StandardError.write("secret-file: \(error) The secret is printed below instead.")
            }
        }
        if let code = StandardOutput.write(CreateOutput.render(webhook, json: command.json, secretPath: savedPath)) {
            let name = TerminalSafe.escaped(webhook.name), uuid = TerminalSafe.escaped(webhook.uuid)
            StandardError.write(savedPath == nil
                ? "The webhook \"\(name)\" (\(uuid)) was created, but its signing secret could not be written to standard output (\(String(cString: strerror(code)))). The secret is lost: delete the webhook and create it again."
                : "The webhook \"\(name)\" (\(uuid)) was created and its secret saved to \(savedPath!), but standard output failed (\(String(cString: strerror(code)))).")
            throw ExitCode(1)
        }
        if let signo = guardian.signal { throw ExitCode(128 + signo) }
    }

    /// The client for the configuration given, or the in-process sandbox with `--demo`.
    func makeClient() async throws -> (JetEmailClient, SandboxServer?) {
        do {
            if command.demo {
                let demo = try await DemoSandbox.start(latencyMilliseconds: command.demoLatencyMs, deadlineSeconds: command.connection.timeout)
                StandardError.write("demo: using a built-in sandbox API at \(demo.baseURL)")
                return (demo.client, demo.server)
            }
            let made = try command.connection.makeClient()
            for warning in made.warnings { StandardError.write("warning: \(warning)") }
            return (made.client, nil)
        } catch let error as ConfigurationError {
            StandardError.write(error.description)
            throw ExitCode(2)
        }
    }
}
