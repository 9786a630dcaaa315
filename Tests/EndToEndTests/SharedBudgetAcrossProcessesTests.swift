import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// The account's budget across real processes of the program: two recovers and a `stats`
/// started together against a sandbox that locks out as JetEmail does (scaled: `--max-rate 30`
/// against a lockout past 36 a minute). Each alone fits its own budget; together they need two
/// windows, which only a shared budget gives them without a 429.
@Suite struct SharedBudgetAcrossProcessesTests {
    /// A sandbox that locks out past 36 requests a minute, the processes' arguments (its key, a
    /// budget of 30 a minute) and an environment whose state folder (and so ledger) they share.
    struct Account {
        let backend: SandboxBackend
        let state = TemporaryDirectory()
        var environment: [String: String] { backend.environment.merging(["XDG_STATE_HOME": state.path]) { $1 } }
        var key: [String] { Array(backend.arguments.dropFirst()) + ["--max-rate", "30"] }

        init(seed: Int, seedDeliveries: Int, outage: Int) async throws {
            backend = try await SandboxBackend(faults: SandboxFaults(rateWindow: 36), seed: seed, seedDeliveries: seedDeliveries, outage: outage)
        }
    }

    @Test func twoRecoversAndAStatsStartedTogetherCauseNo429AndReplayEachEventOnce() async throws {
        let account = try await Account(seed: 3, seedDeliveries: 300, outage: 25)
        let (backend, environment, key) = (account.backend, account.environment, account.key)
        defer { withExtendedLifetime(account) {} }
        let hooks = backend.server.webhooks.map(\.uuid)
        let failed = { (uuid: String) in Set(backend.server.deliveries.filter { $0.uuid == uuid && $0.status == .failed && !RecoverFilter.isDiscardedOnPurpose($0) }.map(\.id)) }
        let expected = [hooks[0]: failed(hooks[0]), hooks[1]: failed(hooks[1])]
        #expect(expected.values.map(\.count).reduce(0, +) > 30, "more than one window of replays: \(expected.mapValues(\.count))")

        let commands = [["recover", "--webhook", hooks[0], "--yes"], ["recover", "--webhook", hooks[1], "--yes"], ["stats", "--webhook", hooks[2]]]
        let run = commands.map { $0 + key }
        let results = try await offThePool { try Self.together(run, environment: environment) }
        for (i, r) in results.sorted(by: { $0.key < $1.key }) { #expect(r.status == 0, "\(commands[i]): \(r.stderr)") }
        let (refused, lockouts) = backend.server.rateLimited
        #expect(refused == 0 && lockouts == 0, "\(refused) answered 429, \(lockouts) lockouts")
        for uuid in [hooks[0], hooks[1]] {
            let sent = backend.server.replays.filter { $0.uuid == uuid }.compactMap(\.eventID)
            #expect(sent.count == Set(sent).count && Set(sent) == expected[uuid], "each failed event of \(uuid) replayed once")
        }
        await backend.stop()
        let saidWait = results.values.contains { $0.stderr.contains("Waiting for the request budget") && $0.stderr.contains("other jetemail-webhooks process") }
        #expect(saidWait, "a wait is said, with the others that use the budget: \(results.values.map { "\($0.status) \($0.stdout.count) \($0.stderr)" })")
    }
}

extension SharedBudgetAcrossProcessesTests {
    /// Runs the commands at once, as processes started together from one shell (`&`, then
    /// `wait`), each with its own output files; their status and output, in order.
    static func together(_ commands: [[String]], environment: [String: String]) throws -> [Int: BuiltProgram.Result] {
        let dir = TemporaryDirectory()
        let quote = { (word: String) in "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = commands.enumerated().map { i, command in
            "\"$0\" \(command.map(quote).joined(separator: " ")) >\(dir.path)/out\(i) 2>\(dir.path)/err\(i) </dev/null; echo $? >\(dir.path)/rc\(i) &"
        }.joined(separator: "\n") + "\nwait"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script, BuiltProgram.path]
        shell.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8"]
            .merging(environment) { $1 }
        try shell.run()
        shell.waitUntilExit()
        var results: [Int: BuiltProgram.Result] = [:]
        for i in commands.indices {
            let read = { (name: String) in (try? String(contentsOfFile: "\(dir.path)/\(name)\(i)", encoding: .utf8)) ?? "" }
            results[i] = BuiltProgram.Result(status: Int32(read("rc").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1,
                                             stdout: read("out"), stderr: read("err"))
        }
        return results
    }
}

extension InTerminal {
    /// The TUI on 63 webhooks (its health figures want far more than a window) beside a recover
    /// in another process, for more than a minute: the account's window is shared, so no 429,
    /// and the TUI says that another process uses the budget while it waits.
    @Suite struct SharedBudgetBesideTheTUITests {
        @Test func theTUIBesideACommandLineRecoverCausesNo429() async throws {
            let account = try await SharedBudgetAcrossProcessesTests.Account(seed: 63, seedDeliveries: 630, outage: 40)
            let (backend, environment, key) = (account.backend, account.environment, account.key)
            defer { withExtendedLifetime(account) {} }
        defer { withExtendedLifetime(account) {} }
            let term = try TmuxSession(key, environment: environment, columns: 120, rows: 40)
            defer { term.close() }
            try await term.waitFor("63 webhooks", settle: false, timeout: 30)
            let billing = backend.server.webhooks[1].uuid
            // The recover runs until stopped at 75 s: more than a window of both together.
            let recover = Task {
                try await offThePool { try BuiltProgram.runBlocking(["recover", "--webhook", billing, "--yes"] + key, environment: environment, timeout: 75) }
            }
            // Looked at every half second, awaiting between looks (no pool thread held meanwhile).
            var screen = ""
            for _ in 0..<140 where !screen.contains("other jetemail-webhooks process") {
                try await Task.sleep(for: .milliseconds(500))
                screen = try term.screen()
            }
            let r = try await recover.value
            let (refused, lockouts) = backend.server.rateLimited
            let replays = backend.server.replays.count
            await backend.stop()
            #expect(refused == 0 && lockouts == 0, "\(refused) answered 429, \(lockouts) lockouts")
            #expect(replays > 0, "the recover went on beside the TUI: \(replays) replays; \(r.stderr)")
            #expect(screen.contains("Waiting for the request budget"), "\(screen)")
        }
    }
}
