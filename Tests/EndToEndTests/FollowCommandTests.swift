import Foundation
import Synchronization
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// `query --follow` as a process against the sandbox while deliveries arrive: each new one is
/// printed once, oldest first, as a JSON line (no terminal); none of the log before it started.
@Suite struct FollowCommandTests {
    @Test func newDeliveriesArePrintedOnceOldestFirstAsTheyArrive() async throws {
        let backend = try await SandboxBackend(seed: 3, seedDeliveries: 30)
        let key = Array(backend.arguments.dropFirst())
        let billing = backend.server.webhooks[1].uuid
        // From a second before the first delivery: a process slow to start (a loaded machine)
        // still prints each once; the seeded log is older and is not printed.
        let since = String(Int(Date().timeIntervalSince1970) - 1)
        let server = backend.server
        let sent = Mutex<[String]>([])
        // The deliveries on a queue of their own (not the test's task, which the run below
        // blocks), one now and one three seconds later.
        for (delay, status, index) in [(0.0, DeliveryStatus.success, 0), (0.0, .failed, 0), (3.0, .success, 1)] {
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                sent.withLock { list in if let id = server.deliverNow(to: billing, status: status, index: index) { list.append(id) } }
                // One to another webhook: not this log's.
                if delay == 0, status == .success { server.deliverNow(to: server.webhooks[0].uuid) }
            }
        }
        let started = Date()
        let result = try await BuiltProgram.run(["query", "--follow", "--interval", "1", "--since", since, "--webhook", billing] + key,
                                          environment: backend.environment, timeout: 90,
                                          stopWhen: { $0.split(separator: "\n").count >= 3 })
        let seconds = Date().timeIntervalSince(started)
        let expected = sent.withLock { $0 }
        await backend.stop()
        let printed = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.compactMap { $0["id"] as? String }
        #expect(printed == expected && expected.count == 3, "each once, oldest first, only this webhook's: \(printed) vs \(expected); status \(result.status) stdout \(result.stdout.prefix(300)) stderr: \(result.stderr)")
        let queries = backend.server.received.filter { $0.path == "/webhooks/query" }.count
        #expect(queries >= 2 && Double(queries) <= seconds + 3, "about one ask a second, never a flood: \(queries) in \(seconds) s")
    }

    @Test func followTakesNoLimitAndAnIntervalNeedsFollow() async throws {
        let limit = try await BuiltProgram.run(["query", "--follow", "--limit", "5", "--api-key-file", "/dev/null"])
        #expect(limit.status == 2 && limit.stderr.contains("--follow"))
        let interval = try await BuiltProgram.run(["query", "--interval", "3", "--api-key-file", "/dev/null"])
        #expect(interval.status == 2 && interval.stderr.contains("--interval goes with --follow"))
    }
}
