import Foundation
import JetEmailClient
import Testing
import TestSupport

/// Verbs take a webhook's exact name where they took a uuid: resolved through one list call; a
/// name several webhooks share is exit 2 listing their uuids; a uuid is never looked up as a name.
@Suite struct WebhookNamesTests {
    @Test func uuidShapesAndNames() {
        #expect(WebhookReference.isUUID("b2c1c58d-58f4-41ef-a019-44bbe4936e6a"))
        #expect(WebhookReference.isUUID("B2C1C58D-58F4-41EF-A019-44BBE4936E6A"))
        #expect(!WebhookReference.isUUID("Billing") && !WebhookReference.isUUID("b2c1c58d-58f4-41ef-a019-44bbe4936e6") && !WebhookReference.isUUID(""))
        let hooks = [Webhook(uuid: "u-1", name: "Orders", url: "https://a.example.com", events: [], status: .enabled),
                     Webhook(uuid: "u-2", name: "Twin", url: "https://b.example.com", events: [], status: .enabled),
                     Webhook(uuid: "u-3", name: "Twin", url: "https://c.example.com", events: [], status: .enabled)]
        #expect(WebhookReference.resolve("Orders", among: hooks) == .uuid("u-1"))
        #expect(WebhookReference.resolve("orders", among: hooks) == .notFound, "names are exact")
        #expect(WebhookReference.resolve("Twin", among: hooks) == .ambiguous(["u-2", "u-3"]))
        #expect(WebhookReference.resolve("u-3", among: hooks) == .uuid("u-3"), "an id that is not uuid-shaped is still found")
    }

    @Test func everyVerbTakesAnExactName() async throws {
        let backend = try await SandboxBackend(seed: 3, seedDeliveries: 30, outage: 10)
        let key = Array(backend.arguments.dropFirst())
        let env = backend.environment
        let billing = backend.server.webhooks[1]
        let got = try await BuiltProgram.run(["get", billing.name, "--json"] + key, environment: env)
        #expect(got.status == 0 && got.stdout.contains(billing.uuid), "\(got.stderr)")
        let query = try await BuiltProgram.run(["query", "--webhook", billing.name, "--json"] + key, environment: env)
        let events = ((try? JSONSerialization.jsonObject(with: Data(query.stdout.utf8))) as? [String: Any])?["events"] as? [[String: Any]]
        #expect(query.status == 0 && events?.isEmpty == false && events?.allSatisfy { $0["uuid"] as? String == billing.uuid } == true)
        let stats = try await BuiltProgram.run(["stats", "--webhook", billing.name] + key, environment: env)
        #expect(stats.status == 0 && stats.stdout.contains(billing.uuid))
        let plan = try await BuiltProgram.run(["recover", "--webhook", billing.name, "--dry-run"] + key,
                                        environment: env.merging(["XDG_STATE_HOME": TemporaryDirectory().path]) { $1 })
        #expect(plan.status == 0 && plan.stdout.contains("\"count\""), "\(plan.stderr)")
        let update = try await BuiltProgram.run(["update", billing.name, "--name", "Billing EU", "--dry-run", "--json"] + key, environment: env)
        #expect(update.status == 0 && update.stdout.contains(billing.uuid), "\(update.stderr)")
        let missing = try await BuiltProgram.run(["get", "No such hook"] + key, environment: env)
        #expect(missing.status == 2 && missing.stderr.contains("No webhook is named No such hook"))
        // A uuid is used as it is: no list call to look it up as a name.
        let before = backend.server.received.filter { $0.method == "GET" && $0.path == "/webhooks" }.count
        _ = try await BuiltProgram.run(["get", billing.uuid, "--json"] + key, environment: env)
        #expect(backend.server.received.filter { $0.method == "GET" && $0.path == "/webhooks" }.count == before)
        let deleted = try await BuiltProgram.run(["delete", billing.name, "--yes"] + key, environment: env)
        #expect(deleted.status == 0 && !backend.server.webhooks.contains { $0.uuid == billing.uuid })
        await backend.stop()
    }

    @Test func aNameSharedBySeveralIsExitTwoListingTheirUUIDs() async throws {
        let dir = TemporaryDirectory()
        let twins = #"{"success":true,"result":[{"uuid":"11111111-1111-4111-8111-111111111111","name":"Twin","url":"https://a.example.com","events":["outbound.delivered"],"status":1},{"uuid":"22222222-2222-4222-8222-222222222222","name":"Twin","url":"https://b.example.com","events":["outbound.delivered"],"status":1}]}"#
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, twins))] }
        let r = try await BuiltProgram.run(["delete", "Twin", "--yes", "--api-key-file", dir.file("key", "api_test0000000001")],
                                     environment: ["JETEMAIL_BASE_URL": server.baseURL])
        #expect(r.status == 2 && r.stderr.contains("2 webhooks are named Twin") && r.stderr.contains("11111111-1111-4111-8111-111111111111")
                && r.stderr.contains("22222222-2222-4222-8222-222222222222"), "\(r.stderr)")
        #expect(!server.received.contains { $0.hasPrefix("DELETE") }, "nothing deleted")
    }
}
