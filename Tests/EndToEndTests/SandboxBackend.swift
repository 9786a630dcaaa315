import JetEmailSandbox
import TestSupport

/// A sandbox on loopback and the arguments/environment that point the program at it (key by file).
final class SandboxBackend {
    let server: SandboxServer
    let dir = TemporaryDirectory()
    let arguments: [String]
    let environment: [String: String]

    init(faults: SandboxFaults = SandboxFaults(), seed: Int = 0, seedDeliveries: Int = 0, outage: Int = 0, outageWebhooks: Int = 1) async throws {
        server = SandboxServer(configuration: SandboxConfiguration(faults: faults, seed: seed, seedDeliveries: seedDeliveries, outage: outage,
                                                                   outageWebhooks: outageWebhooks))
        let port = try await server.start()
        // The form: these tests drive create.
        arguments = ["create", "--api-key-file", dir.file("key", server.apiKey)]
        environment = ["JETEMAIL_BASE_URL": "http://127.0.0.1:\(port)"]
    }

    func stop() async { await server.stop() }
}

extension SandboxServer {
    /// Requests to the webhook endpoints: the form also asks for the account's users and domains
    /// when it opens, which these tests do not count.
    var webhookRequests: [ReceivedRequest] { received.filter { $0.path.hasPrefix("/webhooks") } }
}
