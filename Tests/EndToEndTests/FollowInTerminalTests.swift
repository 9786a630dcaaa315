import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// Follow and the health column in a real terminal through tmux, against a sandbox on loopback
/// that the test adds deliveries to while it watches.
extension InTerminal {
    @Suite struct FollowInTerminalTests {
        @Test func aFollowedLogShowsDeliveriesAsTheyArrive() async throws {
            // About 100 deliveries a webhook: enough to scroll away from the top.
            let backend = try await SandboxBackend(seed: 3, seedDeliveries: 300)
            let key = Array(backend.arguments.dropFirst())
            let term = try TmuxSession(key, environment: backend.environment, columns: 110, rows: 30)
            defer { term.close() }
            try term.waitFor("3 webhooks")
            try term.send("/")
            try term.type("Billing")
            try term.send("Enter")
            try term.send(TableKeys.openLog)
            try term.waitFor("Deliveries · Billing")
            try term.send(TableKeys.follow)
            try term.waitFor("· following")
            let billing = backend.server.webhooks[1].uuid
            let first = try #require(backend.server.deliverNow(to: billing, status: .failed))
            let shown = try term.waitFor(String(first.prefix(9)), timeout: 20)
            let row = shown.split(separator: "\n").first { $0.contains(first.prefix(9)) }.map(String.init) ?? ""
            #expect(row.contains("failed"), "\(row)")
            // Scrolled away: the view stays and the header counts what is new.
            try term.send("PageDown")
            try term.send("PageDown")
            let second = try #require(backend.server.deliverNow(to: billing))
            try term.waitFor("1 new (Home)", timeout: 20)
            try term.send("Home")
            try term.waitFor(String(second.prefix(9)))
            try term.send(TableKeys.follow)
            try term.waitFor("Stopped following")
            await backend.stop()
        }

        @Test func theListShowsEachWebhooksFailuresAndSortsByThem() async throws {
            let backend = try await SandboxBackend(seed: 3, seedDeliveries: 30, outage: 20)
            let key = Array(backend.arguments.dropFirst())
            let term = try TmuxSession(key, environment: backend.environment, columns: 110, rows: 30)
            defer { term.close() }
            try term.waitFor("3 webhooks")
            let since = Int(Date().timeIntervalSince1970) - 86_400
            let billing = backend.server.webhooks[1]
            let mine = backend.server.deliveries.filter { $0.uuid == billing.uuid && ($0.createdAt ?? 0) >= since }
            let figure = "\(mine.filter { $0.status == .failed }.count)/\(mine.count)"
            let screen = try term.waitFor(figure, timeout: 20)
            #expect(screen.split(separator: "\n").contains { $0.contains(billing.name) && $0.contains(figure) }, "\(screen)")
            try term.send(TableKeys.sortList)
            let sorted = try term.waitFor("by failures (24 h)")
            let rows = sorted.split(separator: "\n").filter { $0.contains("●") || $0.contains("○") }
            #expect(rows.first?.contains(billing.name) == true, "most failures first: \(sorted)")
            await backend.stop()
        }
    }
}
