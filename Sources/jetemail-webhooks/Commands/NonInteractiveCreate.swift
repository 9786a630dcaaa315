import FoundationEssentials
import Glibc
import JetEmailClient
import JetEmailSandbox

/// `create --no-input`: validate the flags, send, report. Exit 0 / 1 (API, network) / 2 (input).
struct NonInteractiveCreate {
    let command: CreateCommand

    /// `--accessible`: the prompts, with the client configured as for `--no-input`.
    func runAccessible() async throws {
        let (client, sandbox) = try await makeClient()
        let code = await AccessibleCreate().run(prefill: command.draft, client: client, secretFile: command.secretFile)
        await sandbox?.stop()
        if code != 0 { throw ExitCode(code) }
    }

    func run() async throws {
        let outcome = WebhookValidator.validate(command.draft)
        for warning in outcome.report.warnings { StandardError.write("warning: \(warning)") }
        guard let request = outcome.request else {
            for error in outcome.report.errors { StandardError.write(error.description) }
            throw ExitCode(2)
        }
        if command.dryRun {
            print(String(decoding: JetEmailClient.encode(request, pretty: true), as: UTF8.self))
            return
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

        let webhook: Webhook
        do {
            webhook = try await client.createWebhook(request)
        } catch {
            reserved?.abandon()
            StandardError.write(error.message)
            throw ExitCode(1)
        }
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
        print(CreateOutput.render(webhook, json: command.json, secretPath: savedPath))
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
