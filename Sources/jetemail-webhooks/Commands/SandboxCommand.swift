import ArgumentParser
import Dispatch
import Foundation
import JetEmailClient
import JetEmailSandbox
import Synchronization

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a local stand-in for the JetEmail webhook API on 127.0.0.1, until Ctrl-C.",
        discussion: "Webhooks live in memory. The fault options make every answer fail in the chosen way."
    )

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8787

    @Option(help: ArgumentHelp("Use the key in this file instead of a random one.", valueName: "path"))
    var apiKeyFile: String?

    @Option(name: .customLong("owned-user"), help: ArgumentHelp("A username filters may name (repeatable).", valueName: "user"))
    var ownedUsers: [String] = []

    @Option(name: .customLong("owned-domain"), help: ArgumentHelp("An inbound domain filters may name (repeatable).", valueName: "domain"))
    var ownedDomains: [String] = []

    @Option(help: ArgumentHelp("Delay every answer by this many milliseconds.", valueName: "ms"))
    var latencyMs: Int = 0

    @Option(help: ArgumentHelp("Answer every request with this HTTP status.", valueName: "code"))
    var failStatus: Int?

    @Flag(help: "Close every connection without answering.")
    var dropConnections = false

    @Option(help: ArgumentHelp("Answer 200 with an unusable body: not-json, success-false or no-secret.", valueName: "kind"))
    var malformed: String?

    @Option(help: ArgumentHelp("Answer 429 with this Retry-After.", valueName: "seconds"))
    var rateLimit: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms cannot be negative.") }
        if let failStatus, !(100...599).contains(failStatus) { throw ValidationError("--fail-status must be an HTTP status (100-599).") }
        if let malformed, MalformedAnswer(rawValue: malformed) == nil {
            throw ValidationError("--malformed must be one of: \(MalformedAnswer.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() async throws {
        var configuration = SandboxConfiguration(
            ownedUsers: ownedUsers.isEmpty ? SandboxConfiguration.defaultOwnedUsers : ownedUsers,
            ownedDomains: ownedDomains.isEmpty ? SandboxConfiguration.defaultOwnedDomains : ownedDomains,
            faults: SandboxFaults(latencyMilliseconds: latencyMs, forcedStatus: failStatus, dropConnection: dropConnections,
                                  malformed: malformed.flatMap(MalformedAnswer.init(rawValue:)), rateLimitRetryAfter: rateLimit))
        if let apiKeyFile {
            do {
                let resolved = try APIKeyResolver(keyFile: apiKeyFile, environment: [:]).resolve()
                configuration.apiKey = resolved.key.bearerValue
            } catch {
                StandardError.write(error.description)
                throw ExitCode(2)
            }
        }
        let server = SandboxServer(configuration: configuration) { line in StandardError.write(line) }
        let boundPort: Int
        do {
            boundPort = try await server.start(port: port)
        } catch {
            StandardError.write("Cannot listen on 127.0.0.1:\(port): \(error). Try another --port (0 picks a free one).")
            throw ExitCode(1)
        }
        let url = "http://127.0.0.1:\(boundPort)"
        print("""
            JetEmail sandbox API listening on \(url)
              API key:        \(apiKeyFile == nil ? configuration.apiKey : "(from \(apiKeyFile!))")
              owned users:    \(configuration.ownedUsers.joined(separator: ", "))
              owned domains:  \(configuration.ownedDomains.joined(separator: ", "))
            In another shell:
              export JETEMAIL_BASE_URL=\(url)
              export JETEMAIL_API_KEY=\(apiKeyFile == nil ? configuration.apiKey : "<the key in \(apiKeyFile!)>")
              jetemail-webhooks create --no-input --name "My Webhook" --url https://example.com/webhook --event outbound.delivered
            Ctrl-C stops it.
            """)
        fflush(nil)
        await Self.waitForTermination()
        await server.stop()
        StandardError.write("sandbox stopped")
    }

    /// Returns on SIGINT or SIGTERM.
    static func waitForTermination() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            for source in sources {
                source.setEventHandler { if once.claim() { continuation.resume() } }
                source.resume()
            }
        }
        sources.forEach { $0.cancel() }
    }
}

/// Lets exactly one caller through.
final class OnceFlag: Sendable {
    private let done = Mutex(false)
    func claim() -> Bool {
        done.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
