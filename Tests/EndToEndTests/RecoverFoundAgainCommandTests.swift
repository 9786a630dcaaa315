import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// Issue 29, item 4, as processes: a recover killed (a lost SSH session) is found again with
/// `--resume` alone, and the same command with `--journal FILE` goes on with FILE.
@Suite struct RecoverFoundAgainCommandTests {
    /// 120 replays at 150 ms each take 18 s at least: a loaded machine's delay in seeing the
    /// first three never lets the run finish before the kill.
    @Test func resumeAloneGoesOnWithTheStoppedRecoverOrListsSeveral() async throws {
        try await RecoverCommandTests().withOutage(120, faults: SandboxFaults(latencyMilliseconds: 150)) { s in
            let run = try KilledRun(["recover", "--webhook", s.billing, "--since", "outage", "--yes"] + s.key, environment: s.environment)
            let server = s.backend.server
            await waitUntil(seconds: 30) { server.replays.count >= 3 }
            let killed = await run.stop(after: 0, signal: SIGKILL)
            #expect(killed.status != 0)
            let sentBefore = s.backend.server.replays.count
            #expect(sentBefore > 0 && sentBefore < 120, "\(sentBefore)")
            let rest = try await BuiltProgram.run(["recover", "--resume", "--yes"] + s.key, environment: s.environment)
            #expect(rest.status == 0 || rest.status == 1, "\(rest.stderr)")
            #expect(rest.stderr.contains("Going on with"), "\(rest.stderr)")
            let summary = try #require(RecoverCommandTests.lines(rest.stdout).last)
            #expect(summary["finished"] as? Bool == true, "\(summary)")
            let replays = s.backend.server.replays.compactMap(\.eventID)
            #expect(Set(replays).count == replays.count, "nothing twice")

            // Two stopped recovers (of two webhooks): listed, with the command for each; nothing sent.
            let other = s.backend.server.webhooks[0].uuid
            let first = try KilledRun(["recover", "--webhook", s.billing, "--new", "--status", "pending", "--yes"] + s.key, environment: s.environment)
            _ = await first.stop(after: 0.8, signal: SIGKILL)
            let second = try KilledRun(["recover", "--webhook", other, "--status", "pending", "--yes"] + s.key, environment: s.environment)
            _ = await second.stop(after: 0.8, signal: SIGKILL)
            let stopped = s.journals.count
            let count = s.backend.server.replays.count
            let several = try await BuiltProgram.run(["recover", "--resume", "--yes"] + s.key, environment: s.environment)
            if several.stderr.contains("recovers of this account stopped") {
                #expect(several.status == 2 && several.stderr.contains("recover --resume ") && several.stderr.contains("Nothing was sent"), "\(several.stderr)")
                #expect(s.backend.server.replays.count == count)
            } else {
                // A kill before the first replay leaves a journal with nothing done: still one to go on with.
                #expect(stopped >= 2, "\(several.stderr)")
            }
        }
    }

    @Test func theSameCommandWithJournalGoesOnAfterAKill() async throws {
        try await RecoverCommandTests().withOutage(120, faults: SandboxFaults(latencyMilliseconds: 150)) { s in
            let path = s.state.path + "/my-recover.jsonl"
            let command = ["recover", "--webhook", s.billing, "--journal", path, "--yes"] + s.key
            let run = try KilledRun(command, environment: s.environment)
            let server = s.backend.server
            await waitUntil(seconds: 30) { server.replays.count >= 3 }
            _ = await run.stop(after: 0, signal: SIGKILL)
            let sentBefore = s.backend.server.replays.count
            #expect(sentBefore > 0 && sentBefore < 120, "some were sent before the kill, not all: \(sentBefore)")
            let again = try await BuiltProgram.run(command, environment: s.environment)
            #expect(again.status == 0 || again.status == 1, "\(again.stderr)")
            #expect(again.stderr.contains("Going on with") && !again.stderr.contains("already exists"), "\(again.stderr)")
            let replays = s.backend.server.replays.compactMap(\.eventID)
            #expect(Set(replays).count == replays.count, "nothing twice")
            // Another filter with the same file: refused as before, nothing sent.
            let count = s.backend.server.replays.count
            let other = try await BuiltProgram.run(["recover", "--webhook", s.billing, "--status", "pending", "--journal", path, "--yes"] + s.key,
                                                  environment: s.environment)
            #expect(other.status != 0 && other.stderr.contains("already exists"), "\(other.stderr)")
            #expect(s.backend.server.replays.count == count)
        }
    }
}
