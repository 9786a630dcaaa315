import Foundation
import JetEmailClient
import JetEmailSandbox
import Synchronization
import Testing
import TestSupport

/// Issue 30: `rotate` as a process, against the sandbox and a loopback receiver that checks each
/// example's signature against the secrets it was told to accept: the old one only, then both.
@Suite struct RotateCommandTests {
    /// A receiver that answers 200 to a body signed with a secret it accepts, 401 otherwise.
    final class Receiver: Sendable {
        final class Shared: Sendable {
            let accepted = Mutex<[String]>([])
            /// Files whose secret is accepted too, read as each example comes (the new secret's).
            let files = Mutex<[String]>([])
            /// How each example was answered, in order.
            let answers = Mutex<[Int]>([])
        }
        let shared = Shared()
        let server: MisbehavingServer

        init() throws {
            let shared = shared
            server = try MisbehavingServer(lifetime: 300) { request in
                let parts = request.components(separatedBy: "\r\n\r\n")
                let head = parts.first ?? "", body = Array(parts.dropFirst().joined(separator: "\r\n\r\n").utf8)
                let signature = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("x-webhook-signature:") }
                    .map { String($0.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
                let fromFiles = shared.files.withLock { $0 }.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                let good = (shared.accepted.withLock { $0 } + fromFiles).contains { WebhookSignature.header(body: body, secret: $0) == signature }
                shared.answers.withLock { $0.append(good ? 200 : 401) }
                return [.sendText(MisbehavingServer.answer(good ? 200 : 401, good ? "{}" : "{\"error\":\"bad signature\"}"))]
            }
        }

        var answers: [Int] { shared.answers.withLock { $0 } }
        var url: String { server.baseURL + "/hooks/orders" }
        func accept(file: String) { shared.files.withLock { $0.append(file) } }
        func accept(_ secret: String) { shared.accepted.withLock { $0.append(secret) } }
    }

    struct Setup {
        let backend: SandboxBackend
        let receiver: Receiver
        let dir = TemporaryDirectory()
        let state = TemporaryDirectory()
        var key: [String] { Array(backend.arguments.dropFirst()) }
        var environment: [String: String] { backend.environment.merging(["XDG_STATE_HOME": state.path]) { _, b in b } }
        var secretFile: String { dir.path + "/orders-new.whsec" }
        var server: SandboxServer { backend.server }
        var journals: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: state.path + "/jetemail-webhooks")) ?? []).filter { $0.hasPrefix("rotate-") }
                .map { state.path + "/jetemail-webhooks/" + $0 }
        }
        func count(_ method: String, _ path: String) -> Int { server.received.filter { $0.method == method && $0.path == path }.count }
        /// The new secret, once written.
        var newSecret: String? { (try? String(contentsOfFile: secretFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// A sandbox with one webhook, "Orders", made as a person would (`create`), delivering to the receiver.
    func withOrders(_ faults: SandboxFaults = SandboxFaults(), acceptNew: Bool = false, _ body: (Setup) async throws -> Void) async throws {
        let setup = Setup(backend: try await SandboxBackend(faults: SandboxFaults()), receiver: try Receiver())
        let oldSecret = setup.dir.path + "/orders.whsec"
        let made = try await BuiltProgram.run(["create", "--no-input", "--name", "Orders", "--url", setup.receiver.url, "--event", "outbound.delivered",
                                               "--event", "outbound.bounced", "--secret-file", oldSecret] + setup.key, environment: setup.environment)
        #expect(made.status == 0, "\(made.stderr)")
        setup.receiver.accept(try String(contentsOfFile: oldSecret, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        setup.server.setFaults(faults)
        do { try await body(setup) } catch { await setup.backend.stop(); throw error }
        await setup.backend.stop()
    }

    /// The end every finished rotation reaches: one webhook, named as the old one, the twin's
    /// uuid, enabled, the same URL and events; the old one deleted once.
    func expectRotated(_ s: Setup, old: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let hooks = s.server.webhooks
        #expect(hooks.count == 1, "exactly one webhook: \(hooks.map(\.name))", sourceLocation: sourceLocation)
        guard let only = hooks.first else { return }
        #expect(only.uuid != old && only.name == "Orders" && only.status == .enabled && only.url == s.receiver.url, sourceLocation: sourceLocation)
        #expect(Set(only.events.map(\.rawValue)) == ["outbound.delivered", "outbound.bounced"], sourceLocation: sourceLocation)
        #expect(s.count("DELETE", "/webhooks/\(old)") == 1, "the old webhook deleted once", sourceLocation: sourceLocation)
    }

    @Test func aReceiverWithoutTheNewSecretStopsTheRotationAndAResumeFinishesIt() async throws {
        try await withOrders { s in
            let old = try #require(s.server.webhooks.first?.uuid)
            let first = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile, "--yes"] + s.key, environment: s.environment)
            #expect(first.status == 1 && first.stderr.contains("does not accept the new secret yet") && first.stderr.contains("HTTP 401"), "\(first.stdout) \(first.stderr)")
            #expect(first.stderr.contains("rotate --resume"), "it says how to go on")
            let twin = try #require(s.server.webhooks.first { $0.name == "Orders new" })
            #expect(s.server.webhooks.count == 2 && twin.status == .disabled && twin.url == s.receiver.url, "the twin waits, disabled")
            var info = stat()
            #expect(lstat(s.secretFile, &info) == 0 && info.st_mode & 0o777 == 0o600)
            let secret = try #require(s.newSecret)
            #expect(!first.stdout.contains(secret) && !first.stderr.contains(secret), "the secret is in its file only")
            #expect(!(try String(contentsOfFile: try #require(s.journals.first), encoding: .utf8)).contains(secret), "never in the journal")

            s.receiver.accept(secret)
            let resumed = try await BuiltProgram.run(["rotate", "--resume", "--yes"] + s.key, environment: s.environment)
            #expect(resumed.status == 0, "\(resumed.stdout) \(resumed.stderr)")
            #expect(resumed.stdout.contains("Overlap: both webhooks deliver") && resumed.stdout.contains("X-Webhook-ID"))
            expectRotated(s, old: old)
            #expect(s.server.webhooks.first?.uuid == twin.uuid && s.count("POST", "/webhooks") == 2, "one create for Orders, one for its twin")
            #expect(s.receiver.answers == [401, 200], "the example was refused, then taken")
            let again = try await BuiltProgram.run(["rotate", "--resume"] + s.key, environment: s.environment)
            #expect(again.status == 2 && again.stderr.contains("No unfinished rotation"), "a finished one is not gone on with")
        }
    }

    /// A kill (SIGKILL) right after each step is journalled, then `rotate --resume --yes`:
    /// exactly one twin, the old webhook deleted once, the twin renamed.
    @Test(arguments: ["creating", "created", "secret_saved", "tested", "twin_enabled", "old_disabled", "deleting", "old_deleted", "renamed"])
    func aKillAfterAnyStepIsResumedWithOneTwin(step: String) async throws {
        try await withOrders { s in
            let old = try #require(s.server.webhooks.first?.uuid)
            // The receiver takes the new secret from its file, as one told both secrets does.
            s.receiver.accept(file: s.secretFile)
            let killed = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile, "--yes"] + s.key,
                                                    environment: s.environment.merging(["JETEMAIL_WEBHOOKS_KILL_AFTER_STEP": step]) { _, b in b })
            #expect(killed.status == 9, "killed after \(step): \(killed.status) \(killed.stderr)")
            let resumed = try await BuiltProgram.run(["rotate", "--resume", "--yes"] + s.key, environment: s.environment)
            #expect(resumed.status == 0, "after \(step): \(resumed.stdout) \(resumed.stderr)")
            expectRotated(s, old: old)
            // A twin is created again only when the first one's secret was never saved (then deleted).
            let creates = s.count("POST", "/webhooks") - 1
            #expect(creates == (step == "created" ? 2 : 1), "after \(step): \(creates) creates")
            let secret = try #require(s.newSecret)
            #expect(!secret.isEmpty, "the secret of the twin that stayed is in the file")
        }
    }

    @Test func aCreateWhoseAnswerWasLostIsFoundByNameAndURLBeforeAnotherIsMade() async throws {
        try await withOrders(SandboxFaults(loseAnswerTo: "POST /webhooks")) { s in
            let old = try #require(s.server.webhooks.first?.uuid)
            let lost = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile, "--yes", "--skip-test"] + s.key, environment: s.environment)
            #expect(lost.status == 1 && lost.stderr.contains("No answer came to the create") && lost.stderr.contains("looks for it by name and URL"),
                    "\(lost.stdout) \(lost.stderr)")
            let orphan = try #require(s.server.webhooks.first { $0.name == "Orders new" }, "the server made it")
            var info = stat()
            #expect(lstat(s.secretFile, &info) != 0, "the empty reservation was removed")
            let resumed = try await BuiltProgram.run(["rotate", "--resume", "--yes"] + s.key, environment: s.environment)
            #expect(resumed.status == 0, "\(resumed.stdout) \(resumed.stderr)")
            #expect(resumed.stdout.contains("Found the twin the lost create made"))
            #expect(s.count("DELETE", "/webhooks/\(orphan.uuid)") == 1, "the twin whose secret never came is deleted")
            expectRotated(s, old: old)
            #expect(s.server.webhooks.first?.uuid != orphan.uuid)
        }
    }

    @Test func aRefusedRenameSaysSoAndAResumeRenames() async throws {
        try await withOrders(SandboxFaults(refuseRenames: true)) { s in
            let old = try #require(s.server.webhooks.first?.uuid)
            let refused = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile, "--yes", "--skip-test"] + s.key, environment: s.environment)
            #expect(refused.status == 1 && refused.stderr.contains("JetEmail refused the rename") && refused.stderr.contains("cannot be renamed now"),
                    "\(refused.stdout) \(refused.stderr)")
            #expect(s.server.webhooks.map(\.name) == ["Orders new"] && s.server.webhooks.first?.status == .enabled, "it delivers; only its name waits")
            #expect(!refused.stderr.contains("--abort"), "nothing is undone once the old webhook is deleted")
            s.server.setFaults(SandboxFaults())
            let resumed = try await BuiltProgram.run(["rotate", "--resume"] + s.key, environment: s.environment)
            #expect(resumed.status == 0, "\(resumed.stdout) \(resumed.stderr)")
            expectRotated(s, old: old)
        }
    }

    @Test func abortDeletesTheTwinAndEnablesTheOldWebhookAgain() async throws {
        try await withOrders { s in
            let old = try #require(s.server.webhooks.first?.uuid)
            let killed = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile, "--yes", "--skip-test"] + s.key,
                                                    environment: s.environment.merging(["JETEMAIL_WEBHOOKS_KILL_AFTER_STEP": "old_disabled"]) { _, b in b })
            #expect(killed.status == 9)
            #expect(s.server.webhooks.first { $0.uuid == old }?.status == .disabled)
            let aborted = try await BuiltProgram.run(["rotate", "--abort"] + s.key, environment: s.environment)
            #expect(aborted.status == 0 && aborted.stdout.contains("Aborted."), "\(aborted.stdout) \(aborted.stderr)")
            #expect(s.server.webhooks.map(\.uuid) == [old] && s.server.webhooks.first?.status == .enabled, "as before the rotation")
            let nothing = try await BuiltProgram.run(["rotate", "--resume"] + s.key, environment: s.environment)
            #expect(nothing.status == 2, "an aborted rotation is over")
            let again = try await BuiltProgram.run(["rotate", "--abort", try #require(s.journals.first)] + s.key, environment: s.environment)
            #expect(again.status == 1 && again.stderr.contains("nothing to undo"))
        }
    }

    @Test func theDeleteWaitsForItsCountdownAcrossAKill() async throws {
        try await withOrders { s in
            let old = try #require(s.server.webhooks.first?.uuid)
            let killed = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile, "--yes", "--skip-test", "--delete-after", "6s"] + s.key,
                                                    environment: s.environment.merging(["JETEMAIL_WEBHOOKS_KILL_AFTER_STEP": "delete_at"]) { _, b in b })
            #expect(killed.status == 9)
            let journal = try String(contentsOfFile: try #require(s.journals.first), encoding: .utf8)
            let until = try #require(journal.firstMatch(of: /"until":(\d+)/).flatMap { Int($0.1) })
            #expect(s.server.webhooks.contains { $0.uuid == old }, "still there after the kill")
            let resumedAt = Int(Date().timeIntervalSince1970)
            let resumed = try await BuiltProgram.run(["rotate", "--resume"] + s.key, environment: s.environment)
            // A loaded machine may start the resume after the countdown ran out: then nothing is left to wait for.
            #expect(resumed.status == 0 && (resumedAt >= until - 1 || resumed.stdout.contains("Deleting \"Orders\" at")), "\(resumed.stdout) \(resumed.stderr)")
            #expect(Int(Date().timeIntervalSince1970) >= until, "not deleted before its time")
            expectRotated(s, old: old)
        }
    }

    @Test func aScriptWithoutYesWaitsInTheOverlapWithExitThree() async throws {
        try await withOrders { s in
            let r = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile, "--skip-test"] + s.key, environment: s.environment)
            #expect(r.status == 3 && r.stderr.contains("No terminal to ask on") && r.stderr.contains("--yes"), "\(r.stdout) \(r.stderr)")
            #expect(s.server.webhooks.count == 2 && s.server.webhooks.allSatisfy { $0.status == .enabled }, "both deliver: the overlap")
            let started = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.dir.path + "/other.whsec"] + s.key, environment: s.environment)
            #expect(started.status == 2 && started.stderr.contains("is unfinished"), "one rotation of a webhook at a time")
            let taken = try await BuiltProgram.run(["rotate", "Orders", "--secret-file", s.secretFile] + s.key, environment: s.environment)
            #expect(taken.status == 2 && taken.stderr.contains("already exists"), "a secret file is never written over")
        }
    }
}
