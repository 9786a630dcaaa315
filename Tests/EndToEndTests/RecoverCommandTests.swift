import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// `recover` as a process against the sandbox with an outage of Billing (its second webhook):
/// the plan, the question, JSON lines and the summary, the journal and going on after a kill.
@Suite struct RecoverCommandTests {
    struct Setup {
        let backend: SandboxBackend
        let state = TemporaryDirectory()
        var key: [String] { Array(backend.arguments.dropFirst()) }
        var environment: [String: String] { backend.environment.merging(["XDG_STATE_HOME": state.path]) { _, b in b } }
        var billing: String { backend.server.webhooks[1].uuid }
        var journals: [String] {
            // The folder also holds the request ledger (budget-HOST.ledger).
            ((try? FileManager.default.contentsOfDirectory(atPath: state.path + "/jetemail-webhooks")) ?? []).filter { $0.hasPrefix("recover-") }.sorted()
        }
    }

    func withOutage(_ outage: Int, faults: SandboxFaults = SandboxFaults(), _ body: (Setup) async throws -> Void) async throws {
        let setup = Setup(backend: try await SandboxBackend(faults: faults, seed: 3, seedDeliveries: 30, outage: outage))
        do { try await body(setup) } catch { await setup.backend.stop(); throw error }
        await setup.backend.stop()
    }

    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    @Test func aDryRunPrintsThePlanAsJSONAndSendsNoReplay() async throws {
        try await withOutage(300) { s in
            let r = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--since", "1d", "--dry-run"] + s.key, environment: s.environment)
            #expect(r.status == 0, "\(r.stderr)")
            let plan = try #require(Self.lines(r.stdout).first)
            let failed = s.backend.server.deliveries.filter { $0.uuid == s.billing && $0.status == .failed && !RecoverFilter.isDiscardedOnPurpose($0) }
            #expect(plan["count"] as? Int == failed.count && failed.count >= 300)
            #expect((plan["by_type"] as? [String: Int])?.values.reduce(0, +) == failed.count)
            #expect((plan["by_code"] as? [String: Int])?.values.reduce(0, +) == failed.count)
            #expect(plan["oldest"] as? Int == failed.compactMap(\.createdAt).min() && plan["newest"] as? Int == failed.compactMap(\.createdAt).max())
            // 300 at 200 a minute: the first 200 at once, the rest a minute later.
            let estimate = try #require(plan["estimated_seconds"] as? Int)
            #expect((60...120).contains(estimate), "\(estimate)")
            #expect(s.backend.server.replays.isEmpty && s.journals.isEmpty, "nothing sent, no journal")
        }
    }

    @Test func withoutATerminalItNeedsYesAndSendsNothing() async throws {
        try await withOutage(20) { s in
            let r = try await BuiltProgram.run(["recover", "--webhook", s.billing] + s.key, environment: s.environment)
            #expect(r.status == 2 && r.stderr.contains("--yes") && r.stderr.contains("Nothing was sent"), "\(r.status) \(r.stderr)")
            #expect(s.backend.server.received.isEmpty, "not even the plan was read")
            let missing = try await BuiltProgram.run(["recover", "--yes"] + s.key, environment: s.environment)
            #expect(missing.status == 2 && missing.stderr.contains("--webhook"))
            let both = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--journal", "a", "--resume", "b", "--yes"] + s.key, environment: s.environment)
            #expect(both.status == 2)
        }
    }

    @Test func aRunPrintsALinePerEventAndASummaryKeepsAPrivateJournalAndIsNotRepeated() async throws {
        try await withOutage(40) { s in
            let r = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = Self.lines(r.stdout)
            let plan = try #require(lines.first), summary = try #require(lines.last)
            let count = try #require(plan["count"] as? Int)
            let events = lines.filter { $0["event_id"] != nil }
            #expect(events.count == count && events.allSatisfy { $0["result"] as? String == "enqueued" })
            #expect(summary["summary"] as? Bool == true && summary["enqueued"] as? Int == count && summary["finished"] as? Bool == true)
            #expect(s.backend.server.replays.map(\.eventID) == events.map { $0["event_id"] as? String }, "in the order printed")
            #expect(Set(s.backend.server.replays.compactMap(\.eventID)).count == count, "each once")
            // The summary names the stats command that watches them delivered, with the key file it
            // was run with; run as printed, it counts them.
            let watch = try #require(summary["watch"] as? String)
            let times = s.backend.server.deliveries.filter { d in events.contains { $0["event_id"] as? String == d.id } }.compactMap(\.createdAt)
            #expect(watch == "jetemail-webhooks stats --webhook \(s.billing) --since \(times.min() ?? 0) --until \(times.max() ?? 0) "
                        + s.key.joined(separator: " "), "\(watch)")
            let stats = try await BuiltProgram.run(Array(watch.split(separator: " ").dropFirst().map(String.init)) + ["--json"], environment: s.environment)
            let row = ((try? JSONSerialization.jsonObject(with: Data(stats.stdout.utf8))) as? [String: Any])?["webhooks"] as? [[String: Any]]
            #expect((row?.first?["pending"] as? Int ?? 0) >= count, "the replayed ones among them, pending: \(stats.stdout) \(stats.stderr)")
            let journal = try #require(summary["journal"] as? String)
            var info = stat()
            #expect(stat(journal, &info) == 0 && info.st_mode & 0o777 == 0o600)
            #expect(journal.hasPrefix(s.state.path + "/jetemail-webhooks/recover-"))

            // The same command again: done already, nothing replayed again.
            let again = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment)
            #expect(again.status == 0 && s.backend.server.replays.count == count, "\(again.stderr)")
            #expect(Self.lines(again.stdout).last?["finished"] as? Bool == true && again.stdout.contains("\"this_run_enqueued\"") == false)
            let human = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment.merging(["NO_COLOR": "1"]) { _, b in b })
            #expect(human.stderr.contains("done already") || Self.lines(human.stdout).last?["finished"] as? Bool == true)
            // --new plans again: every one is pending now, so there is nothing to replay.
            let fresh = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes", "--new"] + s.key, environment: s.environment)
            #expect(fresh.status == 0 && Self.lines(fresh.stdout).first?["count"] as? Int == 0)
            #expect(s.backend.server.replays.count == count)
        }
    }

    @Test func notFoundEventsMakeExitOneAndAreListed() async throws {
        try await withOutage(12) { s in
            // A journal whose plan names events this sandbox never had.
            let dir = TemporaryDirectory()
            let path = dir.path + "/j.jsonl"
            let made = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--yes", "--journal", path] + s.key, environment: s.environment)
            #expect(made.status == 0)
            var text = try String(contentsOfFile: path, encoding: .utf8)
            let header = String(text.split(separator: "\n")[0])
            let ghost = header.replacingOccurrences(of: "\"id\":\"evt_", with: "\"id\":\"evt_gone")
            text = ghost + "\n"
            let ghostPath = dir.path + "/ghost.jsonl"
            FileManager.default.createFile(atPath: ghostPath, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            let r = try await BuiltProgram.run(["recover", "--resume", ghostPath, "--yes"] + s.key, environment: s.environment)
            #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
            let summary = try #require(Self.lines(r.stdout).last)
            #expect(summary["not_found"] as? Int == 12 && summary["enqueued"] as? Int == 0)
            #expect(r.stderr.contains("evt_gone") && r.stderr.contains("not_found"), "the missed are listed: \(r.stderr)")
        }
    }

    @Test func ctrlCStopsSaysHowFarAndTheResumeCommandFinishesTheRest() async throws {
        try await withOutage(150, faults: SandboxFaults(latencyMilliseconds: 20)) { s in
            let run = try KilledRun(["recover", "--webhook", s.billing, "--yes"] + s.key, environment: s.environment)
            let stopped = await run.stop(after: 1.2, signal: SIGINT)
            #expect(stopped.status == 130, "\(stopped.stderr)")
            let summary = try #require(Self.lines(stopped.stdout).last)
            let resume = try #require(summary["resume"] as? String)
            #expect(resume == "jetemail-webhooks recover --resume \(try #require(summary["journal"] as? String)) " + s.key.joined(separator: " "),
                    "the key file it was run with is repeated: \(resume)")
            let done = try #require(summary["enqueued"] as? Int)
            #expect(done > 0 && done < 150 && summary["finished"] as? Bool == false)
            // Run as printed (after a lost session, that is what is pasted).
            let rest = try await BuiltProgram.run(Array(resume.split(separator: " ").dropFirst().map(String.init)) + ["--yes"], environment: s.environment)
            #expect(rest.status == 0 || rest.status == 1, "\(rest.stderr)")
            let replays = s.backend.server.replays.compactMap(\.eventID)
            #expect(Set(replays).count == replays.count, "nothing twice")
        }
    }

    /// A property: killed with SIGKILL at random points and run again until it ends, every planned
    /// event is enqueued exactly once or reported as may-have-been-replayed (and then sent at most once).
    @Test(arguments: [1, 2, 3]) func killedAtRandomPointsEveryEventGoesOnceOrIsReportedUncertain(seed: UInt64) async throws {
        try await withOutage(150, faults: SandboxFaults(latencyMilliseconds: 8)) { s in
            var random = SeededGenerator(seed: seed)
            let planned = Set(s.backend.server.deliveries.filter { $0.uuid == s.billing && $0.status == .failed && !RecoverFilter.isDiscardedOnPurpose($0) }.map(\.id))
            let command = ["recover", "--webhook", s.billing, "--yes", "--max-rate", "240"] + s.key
            var kills = 0
            for _ in 0..<6 {
                let outcome = try await KilledRun(command, environment: s.environment).stop(after: Double.random(in: 0.05...1.0, using: &random), signal: SIGKILL)
                if outcome.status != -SIGKILL { break }
                kills += 1
            }
            // Then once more to the end (or to "done already", if the last one got there).
            let final = try await BuiltProgram.run(command, environment: s.environment)
            let summary = try #require(Self.lines(final.stdout).last, "\(final.stderr)")
            #expect(summary["finished"] as? Bool == true)
            #expect(kills >= 1, "a run was killed")
            print("recover property seed \(seed): \(kills) kills, uncertain \(summary["uncertain"] ?? "?"), replays \(s.backend.server.replays.count)")
            var sentTimes: [String: Int] = [:]
            for r in s.backend.server.replays { sentTimes[r.eventID ?? "", default: 0] += 1 }
            let uncertain = try #require(summary["uncertain"] as? Int)
            let enqueued = try #require(summary["enqueued"] as? Int)
            let total = try #require(summary["total"] as? Int)
            #expect(total == planned.count, "the plan is every failed event")
            #expect(enqueued + uncertain == total, "every event enqueued or reported uncertain (\(kills) kills)")
            #expect(sentTimes.values.allSatisfy { $0 == 1 }, "none sent twice: \(sentTimes.filter { $0.value > 1 })")
            #expect(sentTimes.count >= enqueued && sentTimes.count <= total && Set(sentTimes.keys).isSubset(of: planned))
            #expect(uncertain <= kills, "at most one in flight per kill")
            #expect(s.journals.count == 1, "one journal over every run")
        }
    }
}

/// The program started in the background and stopped with a signal after a while; output in files.
struct KilledRun {
    struct Outcome { var status: Int32; var stdout: String; var stderr: String }
    let process = Process()
    let dir = TemporaryDirectory()

    init(_ arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: BuiltProgram.path)
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        FileManager.default.createFile(atPath: dir.path + "/out", contents: nil)
        FileManager.default.createFile(atPath: dir.path + "/err", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: dir.path + "/out")
        process.standardError = FileHandle(forWritingAtPath: dir.path + "/err")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
    }

    /// Sends `signal` after `seconds` (if it still runs) and waits for the end (at most 60 s),
    /// timed on a thread of its own: a sleep on the concurrency pool can resume late when other
    /// tests keep its threads busy, and the signal must come when asked.
    func stop(after seconds: Double, signal: Int32) async -> Outcome {
        let process = self.process, out = dir.path + "/out", err = dir.path + "/err"
        let status = (try? await offThePool { () -> Int32 in
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { usleep(5_000) }
            if process.isRunning { kill(process.processIdentifier, signal) }
            let end = Date().addingTimeInterval(60)
            while process.isRunning, Date() < end { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        }) ?? -1
        return Outcome(status: status, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
