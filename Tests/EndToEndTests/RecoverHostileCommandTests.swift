import Foundation
import JetEmailSandbox
import Testing
import TestSupport

/// Issue 27: `recover` as a process, where the old code sent what was not asked for, sent it
/// twice, or said the wrong thing. Against the sandbox (a stopped run, two runs at once, two
/// accounts) and loopback servers that misbehave on purpose.
@Suite struct RecoverHostileCommandTests {
    typealias Setup = RecoverCommandTests.Setup
    static func lines(_ text: String) -> [[String: Any]] { RecoverCommandTests.lines(text) }

    func withOutage(_ outage: Int, faults: SandboxFaults = SandboxFaults(), _ body: (Setup) async throws -> Void) async throws {
        try await RecoverCommandTests().withOutage(outage, faults: faults, body)
    }

    /// A run stopped (Ctrl-C) part way: its journal is left unfinished in the state folder.
    func stoppedRun(_ s: Setup) async throws -> (journal: String, replays: Int) {
        let run = try KilledRun(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment)
        let stopped = await run.stop(after: 1.0, signal: SIGINT)
        let summary = try #require(Self.lines(stopped.stdout).last, "\(stopped.stderr)")
        #expect(summary["finished"] as? Bool == false)
        return (try #require(summary["journal"] as? String), s.backend.server.replays.count)
    }

    /// D1: with an unfinished journal of the same recover, `--dry-run` (and `--resume J
    /// --dry-run`) says what is left and sends nothing.
    @Test func aDryRunBesideAStoppedJournalSendsNothing() async throws {
        try await withOutage(150, faults: SandboxFaults(latencyMilliseconds: 50)) { s in
            let (journal, before) = try await stoppedRun(s)
            #expect(before > 0 && before < 150)
            let dry = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--dry-run"] + s.key, environment: s.environment)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(s.backend.server.replays.count == before, "nothing sent by the dry run: \(s.backend.server.replays.count - before)")
            let left = try #require(Self.lines(dry.stdout).first)
            #expect(left["dry_run"] as? Bool == true && left["journal"] as? String == journal && (left["count"] as? Int ?? 0) > 0)
            let resumed = try await BuiltProgram.run(["recover", "--resume", journal, "--dry-run"] + s.key, environment: s.environment)
            #expect(resumed.status == 0 && s.backend.server.replays.count == before, "\(resumed.stderr)")
        }
    }

    /// D2: a second run while the first owns the journal is refused, naming the first's pid; the
    /// first goes on to the end, and no event is sent twice.
    @Test func aSecondRunWhileTheFirstOwnsTheJournalIsRefusedAndNothingGoesTwice() async throws {
        // 120 replays at 150 ms: long enough that a loaded machine (a starved pool, a slow
        // spawn) never sees the first finish before the second starts (it did at 60 ms).
        try await withOutage(120, faults: SandboxFaults(latencyMilliseconds: 150)) { s in
            let first = try KilledRun(["recover", "--webhook", s.billing, "--yes", "--json"] + s.key, environment: s.environment)
            let server = s.backend.server
            await waitUntil(seconds: 20) { server.replays.count >= 3 }
            let (arguments, environment) = (["recover", "--webhook", s.billing, "--yes"] + s.key, s.environment)
            let second = try await offThePool { try BuiltProgram.runBlocking(arguments, environment: environment) }
            #expect(second.status == 1 && second.stderr.contains("is going on with this journal") && second.stderr.contains("pid \(first.process.processIdentifier)"),
                    "\(second.status) \(second.stderr)")
            let ended = await first.stop(after: 120, signal: SIGINT)
            #expect(ended.status == 0, "\(ended.stderr)")
            let ids = s.backend.server.replays.compactMap(\.eventID)
            #expect(ids.count == 120 && Set(ids).count == ids.count, "each once: \(ids.count) sent, \(Set(ids).count) distinct")
        }
    }

    /// D10: a finished recover that left events "may have been replayed": --retry-uncertain sends
    /// those again (and only those).
    @Test func retryUncertainAfterAFinishedRunSendsTheUncertainOnes() async throws {
        try await withOutage(12) { s in
            let r = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment)
            let journal = try #require(Self.lines(r.stdout).last?["journal"] as? String)
            // Make one event's answer lost, as a kill between sending and journaling does.
            var text = try String(contentsOfFile: journal, encoding: .utf8)
            let doneLine = try #require(text.split(separator: "\n").first { $0.contains("\"done\"") })
            text = text.replacingOccurrences(of: doneLine + "\n", with: "")
            try text.write(toFile: journal, atomically: false, encoding: .utf8)
            let lost = try #require(String(doneLine).firstMatch(of: /"done":"([^"]+)"/)?.1)
            let again = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment)
            #expect(again.status == 1 && s.backend.server.replays.count == 12, "said, not sent: \(again.stderr)")
            let retried = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes", "--retry-uncertain"] + s.key, environment: s.environment)
            #expect(retried.status == 0, "\(retried.stdout) \(retried.stderr)")
            #expect(s.backend.server.replays.count == 13 && s.backend.server.replays.last?.eventID == String(lost))
            #expect(Self.lines(retried.stdout).last?["uncertain"] as? Int == 0)
        }
    }

    /// D17, D26, D21: what is said for a journal path that exists, a resume of something that is
    /// not a journal, and options that contradict the journal resumed. Nothing is sent.
    @Test func messagesForPathsAndContradictingOptionsSayWhatToDo() async throws {
        try await withOutage(12) { s in
            let dir = TemporaryDirectory()
            let path = dir.path + "/j.jsonl"
            let made = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes", "--since", "1d", "--journal", path] + s.key, environment: s.environment)
            #expect(made.status == 0)
            let sent = s.backend.server.replays.count
            // Pending now (replayed): a plan of them, written to the same path.
            let taken = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--status", "pending", "--yes", "--journal", path] + s.key, environment: s.environment)
            #expect(taken.status == 1 && taken.stderr.contains("--resume \(path)"), "\(taken.status) \(taken.stderr)")
            let stdin = try await BuiltProgram.run(["recover", "--resume", "/dev/stdin", "--yes"] + s.key, environment: s.environment)
            #expect(stdin.status == 2 && stdin.stderr.contains("symbolic link") && !stdin.stderr.contains("already exists"), "\(stdin.stderr)")
            let contradicting = try await BuiltProgram.run(["recover", "--resume", path, "--status", "retry", "--since", "1h", "--yes"] + s.key, environment: s.environment)
            #expect(contradicting.status == 2 && contradicting.stderr.contains("--status retry --since 1h contradict"), "\(contradicting.stderr)")
            let agreeing = try await BuiltProgram.run(["recover", "--resume", path, "--since", "1d", "--yes"] + s.key, environment: s.environment)
            #expect(agreeing.status == 0 && Self.lines(agreeing.stdout).last?["finished"] as? Bool == true, "\(agreeing.stdout) \(agreeing.stderr)")
            #expect(s.backend.server.replays.count == sent)
        }
    }

    /// D19: a journal of one account resumed against another is refused unless --base-url names
    /// the new one (and the person confirms, or --yes).
    @Test func aJournalOfAnotherAccountIsNotReplayedThereWithoutAWord() async throws {
        try await withOutage(150, faults: SandboxFaults(latencyMilliseconds: 50)) { s in
            let (journal, _) = try await stoppedRun(s)
            let other = try await SandboxBackend(seed: 3)
            let otherKey = ["--api-key-file", other.dir.file("key2", other.server.apiKey)]
            let environment = s.environment.merging(other.environment) { _, b in b }
            let refused = try await BuiltProgram.run(["recover", "--resume", journal, "--yes"] + otherKey, environment: environment)
            #expect(refused.status == 2 && refused.stderr.contains("was made for http://127.0.0.1:") && refused.stderr.contains("--base-url"),
                    "\(refused.stderr)")
            #expect(!other.server.received.contains { $0.path.hasPrefix("/webhooks/replay") })
            let named = try await BuiltProgram.run(["recover", "--resume", journal, "--yes", "--base-url", other.environment["JETEMAIL_BASE_URL"]!] + otherKey,
                                             environment: environment)
            #expect(other.server.received.contains { $0.path.hasPrefix("/webhooks/replay") }, "named and confirmed: it goes there: \(named.status) \(named.stdout) \(named.stderr)")
            await other.stop()
        }
    }

    /// D29: `recover --json | head -2`: once stdout is gone the run stops sending, says why, and
    /// exits non-zero with its journal whole (the resume finishes it, nothing twice).
    @Test func aClosedStandardOutputStopsTheRun() async throws {
        try await withOutage(150, faults: SandboxFaults(latencyMilliseconds: 10)) { s in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BuiltProgram.path)
            process.arguments = ["recover", "--webhook", s.billing, "--yes", "--json"] + s.key
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"].merging(s.environment) { _, b in b }
            let out = Pipe(), err = TemporaryDirectory()
            _ = FileManager.default.createFile(atPath: err.path + "/err", contents: nil)
            process.standardOutput = out
            process.standardError = FileHandle(forWritingAtPath: err.path + "/err")
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
            try process.run()
            var text = ""
            while text.filter({ $0 == "\n" }).count < 2 {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            try out.fileHandleForReading.close()
            let status = try await offThePool { () -> Int32 in process.waitUntilExit(); return process.terminationStatus }
            let stderr = (try? String(contentsOfFile: err.path + "/err", encoding: .utf8)) ?? ""
            #expect(status == 1 && stderr.contains("Cannot write to standard output"), "\(status) \(stderr)")
            let sent = s.backend.server.replays.count
            #expect(sent < 150, "it stopped sending: \(sent)")
            let rest = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment)
            #expect(rest.status == 0 || rest.status == 1, "\(rest.stderr)")
            let ids = s.backend.server.replays.compactMap(\.eventID)
            #expect(Set(ids).count == ids.count && ids.count >= 149, "the rest sent, nothing twice")
        }
    }
}

extension RecoverHostileCommandTests {
    /// D20: a run killed after spending its budget and run again at once does not pass the
    /// account's window: the request ledger kept what the killed process sent (the plan's pages
    /// and its replays), so the new one waits. A sandbox that locks out past 24 in 60 s and
    /// answers 5 rows a page (a plan of 13 requests), a budget of 20.
    @Test func goingOnAtOnceAfterAKillCountsWhatTheKilledRunSent() async throws {
        try await withOutage(60, faults: SandboxFaults(rateWindow: 24, lockoutSeconds: 300, pageCap: 5)) { s in
            let command = ["recover", "--webhook", s.billing, "--yes", "--max-rate", "20"] + s.key
            let began = Date()
            let first = try KilledRun(command, environment: s.environment)
            let server = s.backend.server
            await waitUntil(seconds: 20) { server.replays.count >= 5 }
            _ = await first.stop(after: 0, signal: SIGKILL)
            let sentBefore = s.backend.server.received.count
            let second = try await KilledRun(command, environment: s.environment).stop(after: 6, signal: SIGINT)
            #expect(second.stderr.contains("Going on with"), "\(second.stderr)")
            #expect(s.backend.server.rateLimited.answers == 0, "no 429: \(s.backend.server.received.count) requests, \(sentBefore) by the killed run")
            // Within one window (a loaded machine can stretch the test past a minute, and then
            // the sandbox's own window, which answered no 429, is the measure).
            if Date().timeIntervalSince(began) < 55 { #expect(s.backend.server.received.count <= 24) }
        }
    }

    /// D13: `--resume FIFO` is refused at once (the old run blocked for ever opening it).
    @Test func resumingAFIFOIsRefusedAtOnce() async throws {
        let dir = TemporaryDirectory()
        #expect(mkfifo(dir.path + "/fifo", 0o600) == 0)
        let r = try await BuiltProgram.run(["recover", "--resume", dir.path + "/fifo", "--dry-run", "--api-key-file", dir.file("key", "api_test0000000001")],
                                     environment: ["JETEMAIL_BASE_URL": "http://127.0.0.1:9"], timeout: 20)
        #expect(r.status == 2 && r.stderr.contains("not a regular file"), "\(r.status) \(r.stderr)")
    }
}
