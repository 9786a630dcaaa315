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
            try await term.waitFor("3 webhooks")
            try term.send("/")
            try term.type("Billing")
            try term.send("Enter")
            try term.send(TableKeys.openLog)
            try await term.waitFor("Deliveries · Billing")
            try term.send(TableKeys.follow)
            try await term.waitFor("· following")
            let billing = backend.server.webhooks[1].uuid
            let first = try #require(backend.server.deliverNow(to: billing, status: .failed))
            let shown = try await term.waitFor(String(first.prefix(9)), timeout: 20)
            let row = shown.split(separator: "\n").first { $0.contains(first.prefix(9)) }.map(String.init) ?? ""
            #expect(row.contains("failed"), "\(row)")
            // Scrolled away: the view stays and the header counts what is new.
            try term.send("PageDown")
            try term.send("PageDown")
            let second = try #require(backend.server.deliverNow(to: billing))
            try await term.waitFor("1 new (Home)", timeout: 20)
            try term.send("Home")
            try await term.waitFor(String(second.prefix(9)))
            try term.send(TableKeys.follow)
            try await term.waitFor("Stopped following")
            await backend.stop()
        }

        @Test func theListShowsEachWebhooksFailuresAndSortsByThem() async throws {
            let backend = try await SandboxBackend(seed: 3, seedDeliveries: 30, outage: 20)
            let key = Array(backend.arguments.dropFirst())
            let term = try TmuxSession(key, environment: backend.environment, columns: 110, rows: 30)
            defer { term.close() }
            try await term.waitFor("3 webhooks")
            let since = Int(Date().timeIntervalSince1970) - 86_400
            let billing = backend.server.webhooks[1]
            let mine = backend.server.deliveries.filter { $0.uuid == billing.uuid && ($0.createdAt ?? 0) >= since }
            let figure = "\(mine.filter { $0.status == .failed }.count)/\(mine.count)"
            let screen = try await term.waitFor(figure, timeout: 20)
            #expect(screen.split(separator: "\n").contains { $0.contains(billing.name) && $0.contains(figure) }, "\(screen)")
            try term.send(TableKeys.sortList)
            let sorted = try await term.waitFor("by failures (24 h)")
            let rows = sorted.split(separator: "\n").filter { $0.contains("●") || $0.contains("○") }
            #expect(rows.first?.contains(billing.name) == true, "most failures first: \(sorted)")
            await backend.stop()
        }
    
        /// Issue 20 item 6: 40 webhooks on screen (their health counts), a log following and a
        /// recover running, all in one program against a sandbox that locks out as JetEmail does
        /// (more than 240 requests in any 60 s): over more than a minute, not one 429.
        @Test func healthFollowAndRecoverTogetherNeverTripJetEmailsWindow() async throws {
            let backend = try await SandboxBackend(faults: SandboxFaults(rateWindow: 240), seed: 40, seedDeliveries: 400, outage: 400)
            let key = Array(backend.arguments.dropFirst())
            let state = TemporaryDirectory()
            let started = Date()
            let term = try TmuxSession(key, environment: backend.environment.merging(["XDG_STATE_HOME": state.path]) { $1 }, columns: 120, rows: 50)
            defer { term.close() }
            try await term.waitFor("40 webhooks")
            try await Task.sleep(for: .seconds(3))
            let outage = backend.server.webhooks[1].name
            try term.send("/")
            try term.type(outage)
            try term.send("Enter")
            try term.send(TableKeys.openLog)
            try await term.waitFor("Deliveries · \(outage)")
            try term.send(TableKeys.follow)
            try await term.waitFor("· following")
            try term.send(TableKeys.recover)
            try await term.waitFor("y/N", timeout: 30)
            try term.send("y")
            try await term.waitFor("recover \(outage)", timeout: 30)
            // A minute and more with the log following and the recover going on.
            try await Task.sleep(for: .seconds(50))
            // Back on the list (its figures asked again once stale), the recover still running.
            try term.send("Escape")
            try term.send("Escape")
            try await Task.sleep(for: .seconds(20))
            let seconds = Date().timeIntervalSince(started)
            let requests = backend.server.received.count
            let replays = backend.server.replays.count
            let (refused, lockouts) = backend.server.rateLimited
            print("budget test: \(requests) requests (\(replays) replays) in \(Int(seconds)) s; 429s: \(refused); lockouts: \(lockouts)")
            #expect(refused == 0 && lockouts == 0, "\(refused) answered 429, \(lockouts) lockouts")
            #expect(replays >= 200, "the recover ran at the budget: \(replays) replays")
            #expect(requests > 240, "more than one window's worth was asked: \(requests)")
            await backend.stop()
        }
    }
}
