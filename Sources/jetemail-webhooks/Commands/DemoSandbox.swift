import JetEmailClient
import JetEmailHTTP
import JetEmailSandbox

/// `--demo`: the sandbox API in this process on a random loopback port, and a client for it.
struct DemoSandbox {
    let server: SandboxServer
    let client: JetEmailClient
    let baseURL: BaseURL

    /// `seed`: webhooks the sandbox starts with (the list opens on a handful), each with
    /// deliveries in the log (`deliveriesPerWebhook` of them); a seeded demo has an outage too
    /// (300 failed deliveries each of Billing and the webhook after it, 3 h to 1 h ago), for `recover`.
    /// `pacer`: the process's request budget, which the demo's calls pass too.
    static func start(latencyMilliseconds: Int, deadlineSeconds: Int, seed: Int = 0, deliveriesPerWebhook: Int = 60,
                      pacer: RequestPacer? = nil) async throws -> DemoSandbox {
        let server = SandboxServer(configuration: SandboxConfiguration(faults: SandboxFaults(latencyMilliseconds: latencyMilliseconds), seed: seed,
                                                                       seedDeliveries: seed * deliveriesPerWebhook,
                                                                       outage: seed > 1 ? 300 : 0, outageWebhooks: seed > 2 ? 2 : 1,
                                                                       // Replays are delivered after a while, so a recover can be watched working.
                                                                       replaysSettleAfter: seed > 1 ? Self.replaysSettleAfter : nil))
        let port = try await server.start()
        let base = try BaseURL("http://127.0.0.1:\(port)")
        let transport = try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: deadlineSeconds))
        return DemoSandbox(server: server, client: JetEmailClient(baseURL: base, key: APIKey(server.apiKey)!, transport: transport, pacer: pacer),
                           baseURL: base)
    }

    var maskedKey: String { APIKey(server.apiKey)!.masked }

    /// Seconds a replay stays pending in the demo before it is delivered.
    static let replaysSettleAfter = 20
}
