import Foundation
import JetEmailSandbox
import Testing
import TestSupport

/// Issue 32: the command line's tables at 80 columns on a terminal: whole names that tell rows
/// apart, the receiver's host, never a URL's token. JSON stays as the API gave it.
@Suite struct ColumnsAt80Tests {
    @Test func listQueryAndStatsTablesShowWholeNamesAndNoToken() async throws {
        let backend = try await SandboxBackend(seed: 30, seedDeliveries: 120)
        let key = Array(backend.arguments.dropFirst())
        func run(_ arguments: [String]) async throws -> String {
            let r = try await BuiltProgram.run(arguments + key, environment: backend.environment.merging(["COLUMNS": "80"]) { _, b in b }, terminal: true)
            #expect(r.status == 0, "\(arguments): \(r.stdout)")
            // A terminal ends lines with CR LF (one Character in Swift): plain LF here.
            return r.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        }
        let list = try await run(["list"])
        let rows = list.split(separator: "\n").map(String.init).filter { $0.hasPrefix("enabled") || $0.hasPrefix("disabled") }
        #expect(rows.count == 30 && rows.allSatisfy { $0.count <= 80 }, "\(list)")
        for webhook in backend.server.webhooks { #expect(rows.contains { $0.contains(" \(webhook.name) ") }, "\(webhook.name) whole in:\n\(list)") }
        #expect(!list.contains("token=") && !list.contains("https://"), "host and path, no query:\n\(list)")
        let query = try await run(["query", "--limit", "40"])
        #expect(!query.contains("token="), "\(query)")
        let stats = try await run(["stats"])
        for webhook in backend.server.webhooks where stats.contains(webhook.uuid) { #expect(stats.contains(webhook.name), "\(webhook.name) in stats") }
        let json = try await BuiltProgram.run(["list", "--json"] + key, environment: backend.environment)
        #expect(json.stdout.contains("token=abc123"), "JSON unchanged")
        await backend.stop()
    }
}
