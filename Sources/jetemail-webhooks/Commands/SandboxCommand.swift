import Dispatch
import FoundationEssentials
import Glibc
import JetEmailClient
import SafeText
import JetEmailSandbox
import Synchronization

struct SandboxCommand: Command {
    static let name = "sandbox"
    static let abstract = "Serve a local stand-in for the JetEmail webhook API on 127.0.0.1, until Ctrl-C."
    static let discussion = "Webhooks live in memory. The fault options make every answer fail in the chosen way."
    static let options: [OptionSpec] = [
        .value("port", "port", "Port to listen on (0 picks a free one; default 8787)."),
        .value("api-key-file", "path", "Use the key in this file instead of a random one."),
        .repeated("owned-user", "user", "A username filters may name."),
        .repeated("owned-domain", "domain", "An inbound domain filters may name."),
        .value("latency-ms", "ms", "Delay every answer by this many milliseconds."),
        .value("fail-status", "code", "Answer every request with this HTTP status."),
        .flag("drop-connections", "Close every connection without answering."),
        .value("malformed", "kind", "Answer 200 with an unusable body: not-json, success-false or no-secret.")
            .choosing { MalformedAnswer.allCases.map(\.rawValue) },
        .value("rate-limit", "seconds", "Answer 429 with this Retry-After."),
        .value("rate-window", "count", "Lock out as JetEmail does: more than COUNT requests in any 60 s, and every request is answered 429 for 5 minutes."),
        .value("seed", "count", "Start with this many realistic webhooks (default 0)."),
        .value("outage", "count", "Failed deliveries of an outage of the second seeded webhook, 3 h to 1 h ago (default 300 when seeded; 0 for none)."),
        .value("outage-webhooks", "count", "How many webhooks the outage took down: the second seeded and those after it, --outage failed deliveries each (default 1)."),
        .value("seed-deliveries", "count", "Start with this many deliveries in the log, spread over the seeded webhooks (8 are seeded if --seed is not given)."),
        .value("live", "seconds", "Every SECONDS, a new delivery to one of the webhooks (in turn; one in four failed): a log to follow."),
        .value("replays-settle", "seconds", "A replayed delivery stays pending for SECONDS, then is delivered (every twentieth fails again); without it replays stay pending."),
    ]

    let port: Int
    let apiKeyFile: String?
    let ownedUsers: [String]
    let ownedDomains: [String]
    let latencyMs: Int
    let failStatus: Int?
    let dropConnections: Bool
    let malformed: String?
    let rateLimit: Int?
    let seed: Int
    let seedDeliveries: Int
    let outage: Int?
    let outageWebhooks: Int
    let rateWindow: Int?
    let live: Int?
    let replaysSettle: Int?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        port = try arguments.int("port", default: 8787)
        apiKeyFile = arguments.string("api-key-file")
        ownedUsers = arguments.strings("owned-user")
        ownedDomains = arguments.strings("owned-domain")
        latencyMs = try arguments.int("latency-ms", default: 0)
        failStatus = try arguments.optionalInt("fail-status")
        dropConnections = arguments.flag("drop-connections")
        malformed = arguments.string("malformed")
        rateLimit = try arguments.optionalInt("rate-limit")
        seed = try arguments.int("seed", default: 0)
        guard (0...1_000_000).contains(seed) else { throw UsageError("--seed must be from 0 to 1000000.") }
        seedDeliveries = try arguments.int("seed-deliveries", default: 0)
        guard (0...5_000_000).contains(seedDeliveries) else { throw UsageError("--seed-deliveries must be from 0 to 5000000.") }
        live = try arguments.optionalInt("live")
        if let live, !(1...86_400).contains(live) { throw UsageError("--live must be from 1 to 86400 seconds.") }
        replaysSettle = try arguments.optionalInt("replays-settle")
        if let replaysSettle, !(0...86_400).contains(replaysSettle) { throw UsageError("--replays-settle must be from 0 to 86400 seconds.") }
        outage = try arguments.optionalInt("outage")
        outageWebhooks = try arguments.int("outage-webhooks", default: 1)
        guard (1...1_000).contains(outageWebhooks) else { throw UsageError("--outage-webhooks must be from 1 to 1000.") }
        if let outage, !(0...1_000_000).contains(outage) { throw UsageError("--outage must be from 0 to 1000000.") }
        rateWindow = try arguments.optionalInt("rate-window")
        if let rateWindow, !(1...100_000).contains(rateWindow) { throw UsageError("--rate-window must be from 1 to 100000.") }
        guard (0...65535).contains(port) else { throw UsageError("--port must be from 0 to 65535.") }
        guard latencyMs >= 0 else { throw UsageError("--latency-ms cannot be negative.") }
        if let failStatus, !(100...599).contains(failStatus) { throw UsageError("--fail-status must be an HTTP status (100-599).") }
        if let malformed, MalformedAnswer(rawValue: malformed) == nil {
            throw UsageError("--malformed must be one of: \(MalformedAnswer.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let rateLimit, rateLimit < 0 { throw UsageError("--rate-limit cannot be negative.") }
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    @MainActor func run() async throws {
        var configuration = SandboxConfiguration(
            ownedUsers: ownedUsers.isEmpty ? SandboxConfiguration.defaultOwnedUsers : ownedUsers,
            ownedDomains: ownedDomains.isEmpty ? SandboxConfiguration.defaultOwnedDomains : ownedDomains,
            faults: SandboxFaults(latencyMilliseconds: latencyMs, forcedStatus: failStatus, dropConnection: dropConnections,
                                  malformed: malformed.flatMap(MalformedAnswer.init(rawValue:)), rateLimitRetryAfter: rateLimit,
                                  rateWindow: rateWindow),
            seed: (seedDeliveries > 0 || (outage ?? 0) > 0) && seed == 0 ? 8 : seed, seedDeliveries: seedDeliveries,
            outage: outage ?? (seed > 0 || seedDeliveries > 0 ? 300 : 0), outageWebhooks: outageWebhooks, replaysSettleAfter: replaysSettle)
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
        let deliveries = live.map { seconds in
            Task {
                var turn = 0
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(seconds))
                    let hooks = server.webhooks
                    guard !hooks.isEmpty else { continue }
                    if let id = server.deliverNow(to: hooks[turn % hooks.count].uuid, status: turn % 4 == 3 ? .failed : .success, index: turn / hooks.count) {
                        StandardError.write("live: \(id) to \(TerminalSafe.escaped(hooks[turn % hooks.count].name))")
                    }
                    turn += 1
                }
            }
        }
        await Self.waitForTermination()
        deliveries?.cancel()
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
