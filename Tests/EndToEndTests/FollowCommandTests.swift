import Foundation
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
        let environment = backend.environment
        let run = Task.detached {
            try BuiltProgram.run(["query", "--follow", "--interval", "1", "--webhook", billing] + key, environment: environment, timeout: 7)
        }
        try await Task.sleep(for: .seconds(2))
        var sent: [String] = []
        for status in [DeliveryStatus.success, .failed] {
            if let id = backend.server.deliverNow(to: billing, status: status) { sent.append(id) }
        }
        // One to another webhook: not this log's.
        backend.server.deliverNow(to: backend.server.webhooks[0].uuid)
        try await Task.sleep(for: .seconds(2))
        if let id = backend.server.deliverNow(to: billing, status: .success, index: 1) { sent.append(id) }
        let result = try await run.value
        await backend.stop()
        let printed = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.compactMap { $0["id"] as? String }
        #expect(printed == sent, "each once, oldest first, only this webhook's: \(printed) vs \(sent); status \(result.status) stdout \(result.stdout.prefix(300)) stderr: \(result.stderr)")
        let queries = backend.server.received.filter { $0.path == "/webhooks/query" }.count
        #expect((4...9).contains(queries), "about one ask a second: \(queries)")
    }

    @Test func followTakesNoLimitAndAnIntervalNeedsFollow() throws {
        let limit = try BuiltProgram.run(["query", "--follow", "--limit", "5", "--api-key-file", "/dev/null"])
        #expect(limit.status == 2 && limit.stderr.contains("--follow"))
        let interval = try BuiltProgram.run(["query", "--interval", "3", "--api-key-file", "/dev/null"])
        #expect(interval.status == 2 && interval.stderr.contains("--interval goes with --follow"))
    }
}
