import Foundation
import JetEmailSandbox
import Testing
@testable import JetEmailClient
import JetEmailHTTP

/// The real client over real loopback HTTP against the sandbox server, for every status and fault.
@Suite(.serialized) struct ClientAgainstSandboxTests {
    let request = CreateWebhookRequest(name: "My Webhook", url: "https://example.com/webhook", events: [.outboundDelivered, .inboundReceived])

    func withSandbox(_ faults: SandboxFaults = SandboxFaults(), deadline: Int = 10,
                     _ body: (SandboxServer, JetEmailClient) async throws -> Void) async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(faults: faults))
        let port = try await server.start()
        let client = JetEmailClient(baseURL: try BaseURL("http://127.0.0.1:\(port)"), key: APIKey(server.apiKey)!,
                                    transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: deadline)))
        do { try await body(server, client) } catch { await server.stop(); throw error }
        await server.stop()
    }

    /// The JetEmailError a call throws (nil if it succeeds or throws something else, which then fails the test).
    func failure(_ work: () async throws -> Void) async -> JetEmailError? {
        do { try await work(); return nil } catch let error as JetEmailError { return error } catch {
            Issue.record("not a JetEmailError: \(error)")
            return nil
        }
    }

    @Test func createReturnsTheWebhookWithItsSecret() async throws {
        try await withSandbox { server, client in
            let webhook = try await client.createWebhook(request)
            #expect(webhook.name == "My Webhook")
            #expect(webhook.secret?.hasPrefix("whsec_") == true)
            #expect(webhook.status == .enabled)
            #expect(webhook.events == [EventName(.outboundDelivered), EventName(.inboundReceived)])
            let sent = try #require(server.received.last)
            #expect(sent.method == "POST" && sent.path == "/webhooks")
            #expect(sent.headers["authorization"] == "Bearer \(server.apiKey)")
            #expect(sent.headers["user-agent"] == "jetemail-webhooks/\(JetEmailWebhooksVersion.current)")
            #expect(sent.headers["content-type"] == "application/json")
            #expect(sent.bodyText == String(decoding: JetEmailClient.encode(request), as: UTF8.self))
        }
    }

    @Test func listGetAndDeleteRoundTrip() async throws {
        try await withSandbox { _, client in
            let created = try await client.createWebhook(request)
            let list = try await client.listWebhooks()
            #expect(list.map(\.uuid) == [created.uuid])
            #expect(list.first?.secret == nil, "the secret is shown once only")
            #expect(try await client.getWebhook(uuid: created.uuid).name == "My Webhook")
            _ = try await client.deleteWebhook(uuid: created.uuid)
            #expect(try await client.listWebhooks().isEmpty)
            let e = await failure { _ = try await client.getWebhook(uuid: created.uuid) }
            #expect(e == .notFound(message: "Webhook not found"))
        }
    }

    @Test func badRequestFromTheServerNamesTheField() async throws {
        try await withSandbox { _, client in
            // Bypass our own validation to see the server's 400.
            let bad = CreateWebhookRequest(name: "bad!name", url: "https://example.com", events: [.outboundSpam])
            let e = await failure { _ = try await client.createWebhook(bad) }
            #expect(e?.field == .name)
            guard case .badRequest? = e else { Issue.record("\(String(describing: e))"); return }
        }
    }

    @Test func wrongKeyIs401() async throws {
        let server = SandboxServer()
        let port = try await server.start()
        let client = JetEmailClient(baseURL: try BaseURL("http://127.0.0.1:\(port)"), key: APIKey("api_wrong")!,
                                    transport: try AsyncHTTPTransport(options: TransportOptions()))
        let e = await failure { _ = try await client.createWebhook(request) }
        await server.stop()
        #expect(e == .unauthorized(message: "Invalid API key"))
    }

    @Test func filtersNotOwnedAre403WithTheValues() async throws {
        try await withSandbox { server, client in
            var r = request
            r.filterDomains = ["example.com", "not-mine.org"]
            let e = await failure { _ = try await client.createWebhook(r) }
            #expect(e == .forbiddenFilters(message: "Invalid filter_domains: not-mine.org. You can only filter by domains that you own.",
                                           field: .filterDomains, values: ["not-mine.org"]))
            #expect(server.webhooks.isEmpty)
        }
    }

    @Test func rateLimitIs429WithRetryAfter() async throws {
        try await withSandbox(SandboxFaults(rateLimitRetryAfter: 300)) { _, client in
            let e = await failure { _ = try await client.createWebhook(request) }
            guard case .rateLimited(let retry, _)? = e else { Issue.record("\(String(describing: e))"); return }
            #expect(retry == 300)
        }
    }

    @Test("forced statuses map to their errors", arguments: [500, 503, 418])
    func forcedStatus(_ status: Int) async throws {
        try await withSandbox(SandboxFaults(forcedStatus: status)) { _, client in
            let e = await failure { _ = try await client.createWebhook(request) }
            let expected: JetEmailError = status >= 500 ? .server(status: status, message: "Sandbox fault: forced status \(status)")
                : .unexpectedStatus(status: status, message: "Sandbox fault: forced status \(status)")
            #expect(e == expected)
        }
    }

    @Test func tenSequentialRequestsShareOneConnection() async throws {
        // Issue 10, item 5: one long-lived HTTP client per transport; its connection is reused.
        try await withSandbox { server, client in
            for _ in 0..<10 { _ = try await client.listWebhooks() }
            #expect(server.received.count == 10)
            #expect(server.connectionCount == 1, "\(server.connectionCount) connections for 10 requests")
        }
    }

    @Test func theSandboxRefusesHugeBodiesWithoutKeepingThem() async throws {
        // Issue 9, item 19: a 60 MB POST grew the sandbox from 16 to 75 MB.
        try await withSandbox { server, client in
            let huge = CreateWebhookRequest(name: String(repeating: "n", count: 2 << 20), url: "https://example.com/h", events: [.outboundDelivered])
            let e = await failure { _ = try await client.createWebhook(huge) }
            #expect(e == .unexpectedStatus(status: 413, message: "Request body too large"))
            #expect(server.received.isEmpty)
            #expect(server.webhooks.isEmpty)
        }
    }

    @Test func droppedConnectionMeansOutcomeUnknown() async throws {
        try await withSandbox(SandboxFaults(dropConnection: true)) { _, client in
            let e = await failure { _ = try await client.createWebhook(request) }
            #expect(e == .noAnswer(.connectionDropped, deadlineSeconds: nil))
            #expect(e?.message.contains("may have been created") == true)
        }
    }

    @Test("malformed answers", arguments: MalformedAnswer.allCases)
    func malformed(_ kind: MalformedAnswer) async throws {
        try await withSandbox(SandboxFaults(malformed: kind)) { _, client in
            let e = await failure { _ = try await client.createWebhook(request) }
            // A 2xx that cannot be used may still have created the webhook, and says so;
            // `success: false` says it did not.
            switch (kind, e) {
            case (.notJSON, .answerUnusable(let reason)?): #expect(reason.contains("not JSON"))
            case (.successFalse, .malformedResponse(let reason)?): #expect(reason.contains("success is false"))
            case (.noSecret, .answerUnusable(let reason)?): #expect(reason.contains("no signing secret"))
            default: Issue.record("\(kind): \(String(describing: e))")
            }
            #expect(e?.outcomeUnknown == (kind != .successFalse))
        }
    }

    @Test func slowAnswerTimesOutAndSaysTheWebhookMayExist() async throws {
        try await withSandbox(SandboxFaults(latencyMilliseconds: 3000), deadline: 1) { server, client in
            let e = await failure { _ = try await client.createWebhook(request) }
            #expect(e == .noAnswer(.timedOut, deadlineSeconds: 1))
            #expect(e?.message.contains("No answer within 1 s") == true)
            #expect(server.received.count == 1, "never retried")
        }
    }

    @Test func refusedConnection() async throws {
        // A port held bound but not listening: connecting is refused, and no other test's server
        // can take the port meanwhile (a port closed and left free was once reused by one).
        let holder = try BoundPortHolder()
        defer { holder.close() }
        let port = holder.port
        let client = JetEmailClient(baseURL: try BaseURL("http://127.0.0.1:\(port)"), key: APIKey("api_x")!,
                                    transport: try AsyncHTTPTransport(options: TransportOptions()))
        let e = await failure { _ = try await client.createWebhook(request) }
        #expect(e == .network(.refused, detail: "127.0.0.1:\(port)"))
    }

    @Test func tlsToAPlainServerIsATLSError() async throws {
        try await withSandbox { server, _ in
            let port = try #require(server.baseURL?.split(separator: ":").last.flatMap { Int($0) })
            let client = JetEmailClient(baseURL: try BaseURL("https://127.0.0.1:\(port)"), key: APIKey("api_x")!,
                                        transport: try AsyncHTTPTransport(options: TransportOptions()))
            let e = await failure { _ = try await client.createWebhook(request) }
            guard case .network(.tls, _)? = e else { Issue.record("\(String(describing: e))"); return }
        }
    }

    @Test func unknownHostIsADNSError() async throws {
        let client = JetEmailClient(baseURL: try BaseURL("https://no-such-host.invalid"), key: APIKey("api_x")!,
                                    transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 10)))
        let e = await failure { _ = try await client.createWebhook(request) }
        guard case .network(let kind, _)? = e else { Issue.record("\(String(describing: e))"); return }
        #expect(kind == .dns || kind == .connectTimeout, "no resolver answers .invalid names")
    }

    @Test func unreadableCAFileIsAConfigurationError() {
        #expect(throws: ConfigurationError.caFileUnreadable(path: "/nonexistent/ca.pem", reason: "No such file or directory")) {
            _ = try AsyncHTTPTransport(options: TransportOptions(caFile: "/nonexistent/ca.pem"))
        }
    }
}

/// A TCP socket bound to a free loopback port without listening on it.
final class BoundPortHolder {
    private let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            if descriptor >= 0 { _ = Glibc.close(descriptor) }
            throw POSIXError(.EADDRNOTAVAIL)
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
