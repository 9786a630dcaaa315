import Foundation
import JetEmailClient
import JetEmailSandbox
import Synchronization
import Testing
import TestSupport

/// Issue 31: `export`, `plan` and `apply` as processes against the sandbox (and a server with odd
/// shapes): the round trip, creates, updates and prunes, secrets 0600, a kill and a lost answer
/// during apply, and the exit codes CI reads.
@Suite struct WebhooksAsCodeTests {
    struct Setup {
        let backend: SandboxBackend
        let dir = TemporaryDirectory()
        let state = TemporaryDirectory()
        var key: [String] { Array(backend.arguments.dropFirst()) }
        var environment: [String: String] { backend.environment.merging(["XDG_STATE_HOME": state.path]) { _, b in b } }
        var server: SandboxServer { backend.server }
        var file: String { dir.path + "/webhooks.toml" }
        var secrets: String { dir.path + "/secrets" }
        func run(_ arguments: [String], extra: [String: String] = [:]) async throws -> BuiltProgram.Result {
            try await BuiltProgram.run(arguments + key, environment: environment.merging(extra) { _, b in b })
        }
        func count(_ method: String, _ prefix: String) -> Int { server.received.filter { $0.method == method && $0.path.hasPrefix(prefix) }.count }
    }

    func withAccount(_ faults: SandboxFaults = SandboxFaults(), _ body: (Setup) async throws -> Void) async throws {
        let setup = Setup(backend: try await SandboxBackend(faults: SandboxFaults(), seed: 8))
        setup.server.setFaults(faults)
        do { try await body(setup) } catch { await setup.backend.stop(); throw error }
        await setup.backend.stop()
    }

    /// The exported file, edited: Billing's URL changed, Newsletter left out, Orders EU added.
    func edit(_ s: Setup) throws {
        var text = try String(contentsOfFile: s.file, encoding: .utf8)
        text = text.replacingOccurrences(of: "url = \"https://api.acme.io/billing/webhook\"", with: "url = \"https://api.acme.io/billing/v2\"")
        let blocks = text.components(separatedBy: "\n[[webhook]]\n")
        text = blocks.filter { !$0.contains("name = \"Newsletter\"") }.joined(separator: "\n[[webhook]]\n")
        text += "\n[[webhook]]\nname = \"Orders EU\"\nurl = \"https://hooks.example.eu/orders\"\nevents = [\"outbound.delivered\"]\n"
        try text.write(toFile: s.file, atomically: true, encoding: .utf8)
    }

    @Test func anExportIsPlannedAsUnchanged() async throws {
        try await withAccount { s in
            let exported = try await s.run(["export", "--output", s.file])
            #expect(exported.status == 0, "\(exported.stderr)")
            let text = try String(contentsOfFile: s.file, encoding: .utf8)
            #expect(text.contains("outbound.queued") && text.contains("JetEmail refuses it in an update"), "Billing's queued event is kept, said")
            #expect(s.server.webhooks.allSatisfy { text.contains("# uuid \($0.uuid)") } && !text.contains("whsec_"))
            let plan = try await s.run(["plan", s.file, "--json"])
            #expect(plan.status == 0, "\(plan.stdout) \(plan.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
            #expect(json["changes_anything"] as? Bool == false && (json["changes"] as? [Any])?.count == 8)
            let again = try await s.run(["export", "--output", s.file])
            #expect(again.status == 2 && again.stderr.contains("--force"), "never over a file unasked")
        }
    }

    @Test func planAndApplyCreateUpdateAndPruneAndSecretsAre0600() async throws {
        try await withAccount { s in
            _ = try await s.run(["export", "--output", s.file])
            try edit(s)
            let plan = try await s.run(["plan", s.file, "--prune", "--json"])
            #expect(plan.status == 3, "changes pending: \(plan.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
            #expect(json["create"] as? Int == 1 && json["update"] as? Int == 1 && json["delete"] as? Int == 1)
            let kept = try await s.run(["plan", s.file])
            #expect(kept.status == 3 && kept.stdout.contains("\"action\" : \"not_in_file\"") && !kept.stdout.contains("\"action\" : \"delete\""),
                    "without --prune nothing is deleted")
            let onTerminal = try await BuiltProgram.run(["plan", s.file] + s.key, environment: s.environment, terminal: true)
            #expect(onTerminal.stdout.contains("not in the file, kept: 1 (Newsletter)") && onTerminal.stdout.contains("-> https://api.acme.io/billing/v2"),
                    "a diff to read on a terminal: \(onTerminal.stdout)")
            let noSecrets = try await s.run(["apply", s.file, "--yes"])
            #expect(noSecrets.status == 2 && noSecrets.stderr.contains("--secrets-dir") && s.count("POST", "/webhooks") == 0, "a secret is never dropped")
            let noYes = try await s.run(["apply", s.file, "--secrets-dir", s.secrets])
            #expect(noYes.status == 2 && noYes.stderr.contains("--yes"))
            let applied = try await s.run(["apply", s.file, "--prune", "--yes", "--secrets-dir", s.secrets])
            #expect(applied.status == 0, "\(applied.stdout) \(applied.stderr)")
            let names = Set(s.server.webhooks.map(\.name))
            #expect(names.contains("Orders EU") && !names.contains("Newsletter") && s.server.webhooks.count == 8)
            #expect(s.server.webhooks.first { $0.name == "Billing" }?.url == "https://api.acme.io/billing/v2")
            var info = stat()
            #expect(lstat(s.secrets + "/Orders EU.whsec", &info) == 0 && info.st_mode & 0o777 == 0o600)
            let secret = try String(contentsOfFile: s.secrets + "/Orders EU.whsec", encoding: .utf8)
            #expect(secret.hasPrefix("whsec_") && !applied.stdout.contains(secret.trimmingCharacters(in: .newlines)))
            let after = try await s.run(["plan", s.file, "--prune"])
            #expect(after.status == 0 && after.stdout.contains("\"changes_anything\" : false"), "\(after.stdout)")
            let twice = try await s.run(["apply", s.file, "--prune", "--yes", "--secrets-dir", s.secrets])
            #expect(twice.status == 0 && s.count("POST", "/webhooks") == 1, "nothing is done twice")
        }
    }

    /// Killed right after a step's "sending" line (before or after the request left), then the
    /// same command: each change made once, the create's secret saved.
    @Test(arguments: ["sending:0", "done:0", "sending:1", "done:1", "sending:2"])
    func aKillDuringApplyIsResumedByTheSameCommand(line: String) async throws {
        try await withAccount { s in
            _ = try await s.run(["export", "--output", s.file])
            try edit(s)
            let arguments = ["apply", s.file, "--prune", "--yes", "--secrets-dir", s.secrets]
            let killed = try await s.run(arguments, extra: ["JETEMAIL_WEBHOOKS_KILL_AFTER_APPLY_LINE": line])
            #expect(killed.status == 9, "killed at \(line): \(killed.stderr)")
            let resumed = try await s.run(arguments)
            #expect(resumed.status == 0 && resumed.stdout.contains("Going on with the apply"), "\(line): \(resumed.stdout) \(resumed.stderr)")
            #expect(s.server.webhooks.filter { $0.name == "Orders EU" }.count == 1 && !s.server.webhooks.contains { $0.name == "Newsletter" })
            #expect(s.count("POST", "/webhooks") <= 2 && s.count("DELETE", "/webhooks/") == 1, "\(line)")
            #expect((try? String(contentsOfFile: s.secrets + "/Orders EU.whsec", encoding: .utf8))?.hasPrefix("whsec_") == true)
        }
    }

    @Test func aCreateWhoseAnswerWasLostIsFoundAndReplacedNotDoubled() async throws {
        try await withAccount(SandboxFaults(loseAnswerTo: "POST /webhooks")) { s in
            _ = try await s.run(["export", "--output", s.file])
            try edit(s)
            let arguments = ["apply", s.file, "--yes", "--secrets-dir", s.secrets]
            let lost = try await s.run(arguments)
            #expect(lost.status == 1 && lost.stderr.contains("No answer came to the create of Orders EU"), "\(lost.stdout) \(lost.stderr)")
            let orphan = try #require(s.server.webhooks.first { $0.name == "Orders EU" })
            let resumed = try await s.run(arguments)
            #expect(resumed.status == 0 && resumed.stdout.contains("its secret never arrived"), "\(resumed.stdout) \(resumed.stderr)")
            let made = s.server.webhooks.filter { $0.name == "Orders EU" }
            #expect(made.count == 1 && made[0].uuid != orphan.uuid && s.count("DELETE", "/webhooks/\(orphan.uuid)") == 1)
        }
    }

    @Test(arguments: [
        ("[[webhook]]\nname = \"A\"\nurl = \"https://a.example.com\"\nevents = [\"outbound.queud\"]\n", "webhooks.toml:4: events: 'outbound.queud'"),
        ("[[webhook]]\nname = \"A\"\nurl = \"https://a.example.com\"\nevents = [\"outbound.delivered\"]\ncolour = \"red\"\n", "webhooks.toml:5: unknown key colour"),
        ("[webhook]\nname = \"A\"\n", "webhooks.toml:1: write [[webhook]]"),
        ("[[webhook]]\nurl = \"https://a.example.com\"\nevents = [\"outbound.delivered\"]\n", "webhooks.toml:1: this webhook has no name"),
        ("[[webhook]]\nname = \"A\"\nurl = \"https://a.example.com\"\nevents = [\"outbound.delivered\"]\n[[webhook]]\nname = \"A\"\nurl = \"https://b.example.com\"\nevents = [\"outbound.delivered\"]\n",
         "webhooks.toml:6: name: \"A\" is also the name of the webhook at line 1"),
        ("[[webhook]]\nname = \"A\"\nname = \"B\"\n", "webhooks.toml:3: name: written twice"),
        ("[[webhook]]\nname = \"A\"\nurl = \"https://a.example.com\"\nevents = [\"outbound.delivered\"]\nfilter_users = [\"mallory\"]\n",
         "webhooks.toml:5: filter_users: not a user of this account: mallory"),
        ("[[webhook]]\nname = \"A\u{7}\"\nurl = \"https://a.example.com\"\nevents = [\"outbound.delivered\"]\n", "webhooks.toml:2"),
        ("[[webhook]]\nname = \"A\"\nevents = " + String(repeating: "[", count: 200) + "\n", "nested more than 64 deep"),
        ("[[webhook]]\nname = \"Billing\"\nurl = \"https://a.example.com\"\nevents = [\"outbound.delivered\"]\nstatus = \"maybe\"\n", "webhooks.toml:5: status"),
    ])
    func aBadFileSaysWhereAndSendsNothing(text: String, expected: String) async throws {
        try await withAccount { s in
            try text.write(toFile: s.file, atomically: true, encoding: .utf8)
            let before = s.server.received.count
            let plan = try await s.run(["plan", s.file])
            #expect(plan.status == 2 && plan.stderr.contains(expected.replacingOccurrences(of: "webhooks.toml", with: s.file)), "\(plan.stderr)")
            let apply = try await s.run(["apply", s.file, "--yes", "--secrets-dir", s.secrets])
            #expect(apply.status == 2 && !s.server.received.dropFirst(before).contains { $0.method != "GET" }, "nothing sent")
        }
    }

    @Test func aBOMCRLFFileIsReadAndAHugeOneIsRefused() async throws {
        try await withAccount { s in
            _ = try await s.run(["export", "--output", s.file])
            let text = try String(contentsOfFile: s.file, encoding: .utf8)
            try ("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).write(toFile: s.file, atomically: true, encoding: .utf8)
            let plan = try await s.run(["plan", s.file])
            #expect(plan.status == 0, "\(plan.stderr)")
            try String(repeating: "# padding\n", count: 200_000).write(toFile: s.file, atomically: true, encoding: .utf8)
            let huge = try await s.run(["plan", s.file])
            #expect(huge.status == 2 && s.server.received.filter { $0.path == "/webhooks" }.count <= 2, "\(huge.stderr)")
        }
    }

    @Test func aNameSharedBySeveralWebhooksIsRefusedListingThem() async throws {
        try await withAccount { s in
            _ = try await s.run(["export", "--output", s.file])
            let twin = try await s.run(["create", "--no-input", "--name", "Orders", "--url", "https://x.example.com/h", "--event", "outbound.delivered",
                                        "--secret-file", s.dir.path + "/x.whsec"])
            #expect(twin.status == 0, "\(twin.stderr)")
            let plan = try await s.run(["plan", s.file])
            let uuids = s.server.webhooks.filter { $0.name == "Orders" }.map(\.uuid)
            #expect(plan.status == 2 && uuids.count == 2 && uuids.allSatisfy { plan.stderr.contains($0) }, "\(plan.stderr)")
        }
    }
}

extension WebhooksAsCodeTests {
    /// A server whose list has other shapes than the sandbox's (a `data` envelope, statuses as
    /// numbers, null filters, an unknown event): what `export` writes, `plan` reads as unchanged.
    @Test func anExportOfOddShapesIsPlannedAsUnchanged() async throws {
        let list = """
            {"success": true, "data": [
              {"uuid": "u-1", "name": "Odd \\"quoted\\" one", "url": "https://a.example.com/h?x=1&y=2", "events": ["outbound.delivered", "outbound.queued"],
               "status": 1, "filter_users": null, "filter_domains": null, "created_at": "1700000000"},
              {"uuid": "u-2", "name": "Paused", "url": "https://b.example.com/h", "events": ["inbound.received"], "status": 0}
            ]}
            """
        let server = try MisbehavingServer { request in
            request.hasPrefix("GET /webhooks ") ? [.sendText(MisbehavingServer.answer(200, list))] : [.sendText(MisbehavingServer.answer(404, "{}"))]
        }
        let dir = TemporaryDirectory()
        let key = ["--api-key-file", dir.file("key", "api_odd_shapes_key_0000")]
        let environment = ["JETEMAIL_BASE_URL": server.baseURL]
        let file = dir.path + "/odd.toml"
        let exported = try await BuiltProgram.run(["export", "--output", file] + key, environment: environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("name = \"Odd \\\"quoted\\\" one\"") && text.contains("status = \"disabled\""), "\(text)")
        let plan = try await BuiltProgram.run(["plan", file, "--json"] + key, environment: environment)
        #expect(plan.status == 0 && plan.stdout.contains("\"changes_anything\" : false"), "\(plan.stdout) \(plan.stderr)")
    }
}

extension WebhooksAsCodeTests {
    /// The account changes between the plan shown and the yes: apply reads it again, says so,
    /// shows the new plan, and carries out that one (what the file says, against what is there).
    @Test func aPlanThatWentStaleIsPlannedAgainAndShown() async throws {
        final class Lists: Sendable { let served = Mutex(0) }
        let lists = Lists()
        @Sendable func hook(_ url: String) -> String {
            "{\"uuid\": \"u-1\", \"name\": \"Orders\", \"url\": \"\(url)\", \"events\": [\"outbound.delivered\"], \"status\": \"enabled\"}"
        }
        let server = try MisbehavingServer { request in
            if request.hasPrefix("GET /webhooks ") {
                // The first read is the plan shown; by the second, someone changed the URL.
                let first = lists.served.withLock { n in defer { n += 1 }; return n == 0 }
                return [.sendText(MisbehavingServer.answer(200, "{\"success\": true, \"result\": [\(hook(first ? "https://a.example.com/h" : "https://b.example.com/h"))]}"))]
            }
            if request.hasPrefix("GET /webhooks/u-1 ") { return [.sendText(MisbehavingServer.answer(200, "{\"success\": true, \"result\": \(hook("https://b.example.com/h"))}"))] }
            if request.hasPrefix("PATCH /webhooks ") { return [.sendText(MisbehavingServer.answer(200, "{\"success\": true, \"message\": \"ok\"}"))] }
            return [.sendText(MisbehavingServer.answer(404, "{}"))]
        }
        let dir = TemporaryDirectory()
        let state = TemporaryDirectory()
        let file = dir.file("w.toml", "[[webhook]]\nname = \"Orders\"\nurl = \"https://c.example.com/h\"\nevents = [\"outbound.delivered\"]\n")
        let r = try await BuiltProgram.run(["apply", file, "--yes", "--api-key-file", dir.file("key", "api_stale_plan_key_00000")],
                                           environment: ["JETEMAIL_BASE_URL": server.baseURL, "XDG_STATE_HOME": state.path])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("https://a.example.com/h -> https://c.example.com/h") && r.stdout.contains("The account changed since that plan was made")
                && r.stdout.contains("https://b.example.com/h -> https://c.example.com/h"), "\(r.stdout)")
        let patch = try #require(server.received.first { $0.hasPrefix("PATCH") })
        #expect(patch.contains("https://c.example.com/h") && server.received.filter { $0.hasPrefix("PATCH") }.count == 1)
    }
}
