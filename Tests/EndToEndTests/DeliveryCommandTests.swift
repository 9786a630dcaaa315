import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// query, replay, send-example and verify as processes: against a sandbox seeded with
/// deliveries, and against receivers on loopback.
@Suite struct DeliveryCommandTests {
    func withSandbox(_ body: (SandboxServer, [String], [String: String]) async throws -> Void) async throws {
        let backend = try await SandboxBackend(seed: 4, seedDeliveries: 300)
        let key = Array(backend.arguments.dropFirst())  // without "create"
        do { try await body(backend.server, key, backend.environment) } catch { await backend.stop(); throw error }
        await backend.stop()
    }

    struct Page: Decodable {
        struct Event: Decodable { var id: String; var uuid: String; var latest_status: String; var event_type: String; var created_at: Int }
        var events: [Event]
        var total: Int
    }

    @Test func queryPrintsJSONWithEveryFilterAndTheOfficialSpellings() async throws {
        try await withSandbox { server, key, env in
            let log = server.deliveries
            let webhook = log[3].uuid
            let r = try await BuiltProgram.run(["query", "--uuid", webhook, "--status", "failed", "--limit", "5"] + key, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let page = try JSONDecoder().decode(Page.self, from: Data(r.stdout.utf8))
            let expected = log.filter { $0.uuid == webhook && $0.status == .failed }
            #expect(page.total == expected.count && page.events.map(\.id) == expected.prefix(5).map(\.id))
            // --since in ISO 8601 and --date-to in unix seconds select the same as the sandbox's own log.
            let from = log[120].createdAt!, to = log[60].createdAt!
            let window = try await BuiltProgram.run(["query", "--since", Self.iso(from), "--date-to", String(to), "--limit", "1000"] + key, environment: env)
            let got = try JSONDecoder().decode(Page.self, from: Data(window.stdout.utf8))
            #expect(got.events.map(\.id) == log.filter { $0.createdAt! >= from && $0.createdAt! <= to }.map(\.id))
            let relative = try await BuiltProgram.run(["query", "--since", "2d", "--event-type", "outbound.queued", "--all"] + key, environment: env)
            #expect(relative.status == 0, "\(relative.stderr)")
            let bad = try await BuiltProgram.run(["query", "--since", "yesterday-ish"] + key, environment: env)
            #expect(bad.status == 2 && bad.stderr.contains("is not a time"))
            let badStatus = try await BuiltProgram.run(["query", "--status", "broken"] + key, environment: env)
            #expect(badStatus.status == 2)
        }
    }

    static func iso(_ unix: Int) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }

    @Test func queryAllPagesThroughEverything() async throws {
        try await withSandbox { server, key, env in
            let r = try await BuiltProgram.run(["query", "--all", "--limit", "7"] + key, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let page = try JSONDecoder().decode(Page.self, from: Data(r.stdout.utf8))
            #expect(page.events.map(\.id) == server.deliveries.map(\.id) && page.total == 300)
            #expect(server.received.filter { $0.path == "/webhooks/query" }.count == 43, "300 in pages of 7")
        }
    }

    @Test func replayNeedsYesWithoutATerminalAndSendsWithIt() async throws {
        try await withSandbox { server, key, env in
            let event = server.deliveries[10]
            let refused = try await BuiltProgram.run(["replay", "--event-id", event.id] + key, environment: env)
            #expect(refused.status == 2 && refused.stderr.contains("pass --yes") && server.replays.isEmpty)
            let r = try await BuiltProgram.run(["replay", "--event-id", event.id, "--webhook", event.uuid, "--yes"] + key, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(#""status" : "enqueued""#))
            #expect(server.replays.count == 1 && server.replays[0].uuid == event.uuid)
            let missing = try await BuiltProgram.run(["replay", "--event-id", "evt_missing", "--yes"] + key, environment: env)
            #expect(missing.status == 1 && missing.stderr.contains("no such event"))
            let both = try await BuiltProgram.run(["replay", "--event-id", "a", "--source-uid", "b", "--yes"] + key, environment: env)
            #expect(both.status == 2)
        }
    }

    @Test func sendExampleSignsForAReceiverAndVerifyChecksIt() async throws {
        let dir = TemporaryDirectory()
        let secret = "whsec_e2e_" + UUID().uuidString
        let secretFile = dir.file("hook.whsec", secret + "\n")
        chmod(secretFile, 0o600)
        let server = try MisbehavingServer { request in
            let body = request.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
            let signed = WebhookSignature.header(body: Array(body.utf8), secret: secret)
            return [.sendText(MisbehavingServer.answer(request.contains("X-Webhook-Signature: \(signed)") ? 200 : 401, "ok"))]
        }
        let r = try await BuiltProgram.run(["send-example", "--url", server.baseURL + "/in", "--secret-file", secretFile, "--event", "outbound.clicked"])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains(#""verdict" : "delivered""#) && r.stdout.contains(#""status" : 200"#))
        let request = try #require(server.received.first)
        #expect(!request.contains(secret), "the secret is never sent")
        let body = request.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        let header = request.components(separatedBy: "\r\n").first { $0.hasPrefix("X-Webhook-Signature: ") }!.dropFirst(21)
        let good = try await BuiltProgram.run(["verify", "--secret-file", secretFile, "--signature", String(header)], input: body)
        #expect(good.status == 0 && good.stdout.contains("valid"))
        let tampered = try await BuiltProgram.run(["verify", "--secret-file", secretFile, "--signature", String(header)],
                                            input: body.replacingOccurrences(of: "outbound.clicked", with: "outbound.opened"))
        #expect(tampered.status == 1 && tampered.stdout.contains("invalid"))
        let stale = try await BuiltProgram.run(["verify", "--secret-file", secretFile, "--signature", String(header), "--timestamp", "1000"], input: body)
        #expect(stale.status == 1 && stale.stdout.contains("stale"))
    }

    @Test func sendExampleToAFailingReceiverExits1AndSaysJetEmailWouldRetry() async throws {
        let dir = TemporaryDirectory()
        let secretFile = dir.file("s.whsec", "whsec_x")
        chmod(secretFile, 0o600)
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(500, "boom"))] }
        let r = try await BuiltProgram.run(["send-example", "--url", server.baseURL, "--secret-file", secretFile])
        #expect(r.status == 1)
        #expect(r.stdout.contains(#""verdict" : "retried""#))
        let noFile = try await BuiltProgram.run(["send-example", "--url", server.baseURL, "--secret-file", dir.path + "/missing"])
        #expect(noFile.status == 2 && noFile.stderr.contains("Cannot read the secret file"))
    }
}
