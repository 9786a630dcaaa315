import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing

/// list, get, update and delete as processes, against a sandbox on loopback seeded with webhooks.
@Suite struct VerbCommandTests {
    /// A seeded sandbox, and the arguments and environment that reach it.
    func withSandbox(_ body: (SandboxServer, [String], [String: String]) async throws -> Void) async throws {
        let backend = try await SandboxBackend(seed: 5)
        let key = Array(backend.arguments.dropFirst())  // without "create"
        do { try await body(backend.server, key, backend.environment) } catch { await backend.stop(); throw error }
        await backend.stop()
    }

    @Test func listPrintsJSONWithoutSecretsWhenNotOnATerminal() async throws {
        try await withSandbox { server, key, env in
            let r = try await BuiltProgram.run(["list"] + key, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let decoded = try JSONDecoder().decode([Webhook].self, from: Data(r.stdout.utf8))
            #expect(Set(decoded.map(\.uuid)) == Set(server.webhooks.map(\.uuid)))
            #expect(!r.stdout.contains("secret"))
        }
    }

    @Test func getShowsOneAndA404IsExit1() async throws {
        try await withSandbox { server, key, env in
            let target = server.webhooks[2]
            let r = try await BuiltProgram.run(["get", target.uuid, "--json"] + key, environment: env)
            #expect(r.status == 0)
            #expect(try JSONDecoder().decode(Webhook.self, from: Data(r.stdout.utf8)).name == target.name)
            let gone = try await BuiltProgram.run(["get", "00000000-0000-4000-8000-000000000000"] + key, environment: env)
            #expect(gone.status == 1 && gone.stderr.contains("no longer exists"))
            // Not a uuid: a name, and no webhook has it.
            let unnamed = try await BuiltProgram.run(["get", "no-such-uuid"] + key, environment: env)
            #expect(unnamed.status == 2 && unnamed.stderr.contains("No webhook is named no-such-uuid"))
        }
    }

    @Test func updateSendsOnlyChangesWithTheOfficialFlagNames() async throws {
        try await withSandbox { server, key, env in
            let target = server.webhooks[0]
            let dry = try await BuiltProgram.run(["update", "--uuid", target.uuid, "--name", "Renamed", "--status", "0", "--dry-run"] + key, environment: env)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.contains("\"name\": \"Renamed\"") && dry.stdout.contains("\"status\": 0") && !dry.stdout.contains("\"url\""))
            #expect(!server.received.contains { $0.method == "PATCH" }, "a dry run sends nothing")
            let r = try await BuiltProgram.run(["update", target.uuid, "--name", "Renamed", "--clear-filter-users"] + key, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let stored = try #require(server.webhooks.first { $0.uuid == target.uuid })
            #expect(stored.name == "Renamed" && stored.filterUsers == nil && stored.url == target.url)
            let patch = try #require(server.received.last { $0.method == "PATCH" })
            #expect(patch.bodyText.contains("\"filter_users\":null") && !patch.bodyText.contains("\"url\""))
        }
    }

    @Test func anInvalidUpdateIsRefusedBeforeSending() async throws {
        try await withSandbox { server, key, env in
            let target = server.webhooks[1]
            let r = try await BuiltProgram.run(["update", target.uuid, "--url", "ftp://x.example.com"] + key, environment: env)
            #expect(r.status == 2 && r.stderr.contains("url:"))
            #expect(!server.received.contains { $0.method == "PATCH" })
            let nothing = try await BuiltProgram.run(["update", target.uuid] + key, environment: env)
            #expect(nothing.status == 2 && nothing.stderr.contains("Nothing to change"))
            let both = try await BuiltProgram.run(["update", target.uuid, "--uuid", target.uuid, "--name", "x"] + key, environment: env)
            #expect(both.status == 2)
        }
    }

    @Test func deleteNeedsYesWithoutATerminal() async throws {
        try await withSandbox { server, key, env in
            let target = server.webhooks[3]
            let refused = try await BuiltProgram.run(["delete", target.uuid] + key, environment: env)
            #expect(refused.status == 2 && refused.stderr.contains("--yes"))
            #expect(server.webhooks.contains { $0.uuid == target.uuid } && !server.received.contains { $0.method == "DELETE" })
            let r = try await BuiltProgram.run(["delete", target.uuid, "--yes"] + key, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!server.webhooks.contains { $0.uuid == target.uuid })
        }
    }
}
