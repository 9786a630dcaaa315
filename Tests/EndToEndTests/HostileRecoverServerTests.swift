import Foundation
import Testing
import TestSupport

/// Issue 27, as processes against loopback servers that misbehave on purpose: a 429 with a wait
/// of hours mid-run or during the plan, a server time below zero, totals that are not counts.
@Suite struct HostileRecoverServerTests {
    static let uuid = "11111111-1111-4111-8111-111111111111"
    let dir = TemporaryDirectory()
    var key: [String] { ["--api-key-file", dir.file("key", "api_test0000000001")] }

    static func row(_ id: String, created: Int) -> String {
        #"{"id":"\#(id)","uuid":"\#(uuid)","event_type":"outbound.delivered","latest_status":"failed","created_at":\#(created),"last_response_code":500}"#
    }

    /// The webhook, a log of `rows` (with `total`), and replays answered by `replay`.
    func server(rows: [String], total: String? = nil, query: (@Sendable (String) -> String?)? = nil,
                replay: @escaping @Sendable (String) -> String) throws -> MisbehavingServer {
        let total = total ?? String(rows.count)
        return try MisbehavingServer { request in
            let first = request.components(separatedBy: "\r\n").first ?? ""
            if first.hasPrefix("GET /webhooks ") {
                return [.sendText(MisbehavingServer.answer(200, #"{"success":true,"result":[\#(HostileVerbTests.webhook(Self.uuid))]}"#))]
            }
            if first.hasPrefix("GET /webhooks/") {
                return [.sendText(MisbehavingServer.answer(200, HostileVerbTests.webhook(Self.uuid)))]
            }
            if first.hasPrefix("POST /webhooks/query") {
                if let special = query?(request) { return [.sendText(special)] }
                let offset = request.contains(#""offset":0"#) || !request.contains("\"offset\"") ? 0 : rows.count
                let page = offset == 0 ? rows : []
                return [.sendText(MisbehavingServer.answer(200, #"{"events":[\#(page.joined(separator: ","))],"total":\#(total)}"#))]
            }
            return [.sendText(replay(request))]
        }
    }

    func run(_ arguments: [String], _ server: MisbehavingServer, timeout: TimeInterval = 60) async throws -> BuiltProgram.Result {
        try await BuiltProgram.run(arguments + key, environment: ["JETEMAIL_BASE_URL": server.baseURL, "XDG_STATE_HOME": dir.path], timeout: timeout)
    }

    static func enqueued(_ request: String) -> String {
        let id = request.firstMatch(of: /"event_id":"([^"]+)"/).map { String($0.1) } ?? ""
        return MisbehavingServer.answer(200, #"{"success":true,"event_id":"\#(id)","status":"enqueued","message":"ok"}"#)
    }

    /// D11: a 429 asking for two hours mid-run stops the run, and the reason reaches stderr and
    /// the JSON summary (the old run exited 1 with an empty stderr).
    @Test func aRunStoppedByAHoursLongRetryAfterSaysWhy() async throws {
        let rows = (0..<5).map { Self.row("evt_\($0)", created: 1_800_000_000 + $0) }
        let server = try server(rows: rows) { request in
            request.contains("evt_2") ? MisbehavingServer.answer(429, #"{"error":"Too many"}"#, headers: ["Retry-After: 7200"]) : Self.enqueued(request)
        }
        let r = try await run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Stopped:") && r.stderr.contains("429"), "\(r.stderr)")
        let summary = try #require(RecoverCommandTests.lines(r.stdout).last)
        #expect((summary["stopped"] as? String)?.contains("429") == true, "\(summary)")
        #expect(r.stderr.contains("Resume: jetemail-webhooks recover --resume"))
    }

    /// D12: a 429 during the plan asking for longer than --max-wait gives up at once, saying so.
    @Test func aPlanHeldLongerThanMaxWaitGivesUpAndSaysSo() async throws {
        let server = try server(rows: [], query: { _ in MisbehavingServer.answer(429, #"{"error":"Too many"}"#, headers: ["Retry-After: 3000"]) }) { Self.enqueued($0) }
        let started = Date()
        let r = try await run(["recover", "--webhook", Self.uuid, "--dry-run", "--max-wait", "30"], server, timeout: 50)
        #expect(r.status == 1 && r.stderr.contains("wait 50 min before trying again"), "\(r.status) \(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 40, "not the 3,000 s asked for")
        let bad = try await run(["recover", "--webhook", Self.uuid, "--dry-run", "--max-wait", "7200"], server)
        #expect(bad.status == 2 && bad.stderr.contains("--max-wait must be from 0 to 3600"))
    }

    /// D15: a server time below zero: no `stats` command is printed that would not run.
    @Test func aServerTimeBelowZeroPrintsNoCommandThatFails() async throws {
        let server = try server(rows: [Self.row("evt_1", created: -5)]) { Self.enqueued($0) }
        let r = try await run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(RecoverCommandTests.lines(r.stdout).last)
        #expect(summary["watch"] == nil || summary["watch"] is NSNull, "\(summary)")
        #expect(!r.stdout.contains("--since -5") && !r.stderr.contains("--since -5"))
    }

    /// D6: totals that are not counts are `?` in stats, with exit 1 (never `total 1 failed 1`).
    @Test(arguments: [#""12""#, "null", "-1", "2.5", "1e30"]) func statsShowsATotalThatIsNotACountAsUnknown(total: String) async throws {
        let server = try server(rows: [Self.row("evt_1", created: 1_800_000_000)], total: total) { Self.enqueued($0) }
        let r = try await run(["stats", "--webhook", Self.uuid, "--json"], server)
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        let row = try #require(((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any])?["webhooks"] as? [[String: Any]], "\(r.stderr)")
        #expect(row.first?["total"] == nil || row.first?["total"] is NSNull, "\(r.stdout)")
        #expect(row.first?["name"] as? String == "Orders" && r.stderr.contains("no count"), "\(r.stdout) \(r.stderr)")
    }

    /// D28: `replay` answered 200 with a status other than "enqueued" is a failure (exit 1), said.
    @Test func aReplayNotEnqueuedIsAFailure() async throws {
        let server = try server(rows: []) { _ in
            MisbehavingServer.answer(200, #"{"success":true,"event_id":"evt_1","status":"failed","message":"Webhook disabled"}"#)
        }
        let r = try await run(["replay", "--event-id", "evt_1", "--webhook", Self.uuid, "--yes"], server)
        #expect(r.status == 1 && r.stderr.contains("not \"enqueued\"") && r.stderr.contains("Webhook disabled"), "\(r.status) \(r.stdout) \(r.stderr)")
    }

    func replayed(_ server: MisbehavingServer) -> [String] {
        server.received.filter { $0.hasPrefix("POST /webhooks/replay") }.compactMap { request in
            request.firstMatch(of: /"event_id":"([^"]+)"/).map { String($0.1) }
        }
    }

    /// D4, D22: rows of another webhook, of another status, or with an id that cannot be an
    /// event's are never replayed; the plan says how many were left out.
    @Test func onlyRowsOfTheWebhookAndStatusAskedAreReplayed() async throws {
        let other = #"{"id":"evt_other","uuid":"22222222-2222-4222-8222-222222222222","event_type":"outbound.delivered","latest_status":"failed","created_at":1800000001}"#
        let success = #"{"id":"evt_ok","uuid":"\#(Self.uuid)","event_type":"outbound.delivered","latest_status":"success","created_at":1800000002}"#
        let long = Self.row("evt_" + String(repeating: "x", count: 5_000), created: 1_800_000_003)
        let server = try server(rows: [Self.row("evt_1", created: 1_800_000_000), other, success, long, Self.row("evt_2", created: 1_800_000_004)]) {
            Self.enqueued($0)
        }
        let r = try await run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(replayed(server) == ["evt_1", "evt_2"], "\(replayed(server).map { $0.prefix(20) })")
        #expect(RecoverCommandTests.lines(r.stdout).first?["dropped"] as? Int == 3)
    }

    /// D5: a server that ignores `offset` (the same 5 rows every page) against a total of 23: a
    /// script is told the plan may be short, and nothing is sent.
    @Test func aPlanShortOfTheServersCountSendsNothingInAScript() async throws {
        let rows = (0..<5).map { Self.row("evt_\($0)", created: 1_800_000_000 + $0) }
        let server = try MisbehavingServer { request in
            let first = request.components(separatedBy: "\r\n").first ?? ""
            if first.hasPrefix("GET /webhooks/") { return [.sendText(MisbehavingServer.answer(200, HostileVerbTests.webhook(Self.uuid)))] }
            if first.hasPrefix("POST /webhooks/query") {
                return [.sendText(MisbehavingServer.answer(200, #"{"events":[\#(rows.joined(separator: ","))],"total":23}"#))]
            }
            return [.sendText(Self.enqueued(request))]
        }
        let r = try await run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 1 && r.stderr.contains("counted 23") && r.stderr.contains("Nothing was sent"), "\(r.status) \(r.stderr)")
        #expect(replayed(server).isEmpty)
        #expect(RecoverCommandTests.lines(r.stdout).first?["short_of"] as? Int == 23)
    }

    /// D14: the key refused mid-run (401): the run stops there, says so and how to resume.
    @Test func aKeyRefusedMidRunStopsSendingAndSaysHowToResume() async throws {
        let rows = (0..<40).map { Self.row("evt_\($0)", created: 1_800_000_000 + $0) }
        let server = try server(rows: rows) { request in
            let id = request.firstMatch(of: /"event_id":"evt_([0-9]+)"/).map { Int($0.1) ?? 0 } ?? 0
            return id >= 3 ? MisbehavingServer.answer(401, #"{"success":false,"error":"Invalid API key"}"#) : Self.enqueued(request)
        }
        let r = try await run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 1 && r.stderr.contains("Fix the key, then resume") && r.stderr.contains("Resume: jetemail-webhooks recover --resume"),
                "\(r.status) \(r.stderr)")
        #expect(replayed(server).count == 4, "three enqueued, the fourth refused, then nothing: \(replayed(server).count)")
    }

    /// D28: a replay answered 200 with "failed" is not enqueued: the run ends with exit 1 and
    /// the event listed as refused, with JetEmail's word.
    @Test func aRecoverReplayAnsweredFailedIsNotCountedEnqueued() async throws {
        let server = try server(rows: [Self.row("evt_1", created: 1_800_000_000), Self.row("evt_2", created: 1_800_000_001)]) { request in
            request.contains("evt_2") ? MisbehavingServer.answer(200, #"{"success":true,"event_id":"evt_2","status":"failed","message":"disabled"}"#)
                : Self.enqueued(request)
        }
        let r = try await run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        let summary = try #require(RecoverCommandTests.lines(r.stdout).last)
        #expect(summary["enqueued"] as? Int == 1 && summary["refused"] as? Int == 1)
        #expect(r.stderr.contains("evt_2") && r.stderr.contains("\"failed\""), "\(r.stderr)")
    }

    /// D3, D23: a journal whose header lists an id twice, whose last line was torn mid-record:
    /// the doubled event goes once, the torn record's event is not sent again.
    @Test func aJournalWithADoubledIDAndATornLastLineSendsEachAtMostOnce() async throws {
        let server = try server(rows: []) { Self.enqueued($0) }
        let header = #"{"journal":"jetemail-webhooks recover","version":1,"key":"k","filter":{"uuid":"\#(Self.uuid)","status":"failed"},"webhook_name":"Orders","created_at":1,"#
            + #""events":[{"id":"evt_1","createdAt":1},{"id":"evt_2","createdAt":2},{"id":"evt_3","createdAt":3},{"id":"evt_3","createdAt":3}]}"#
        let path = dir.file("j.jsonl", header + "\n" + #"{"sent":"evt_1","at":2}"# + "\n" + #"{"done":"evt_1","result":"enqueued","at":2}"# + "\n"
                            + #"{"sent":"evt_2","a"#)
        let r = try await run(["recover", "--resume", path, "--yes", "--json"], server)
        #expect(replayed(server) == ["evt_3"], "\(replayed(server)) \(r.stderr)")
        let read = try String(contentsOfFile: path, encoding: .utf8)
        #expect(read.contains("\"a\n{"), "the next record on a fresh line")
        #expect(r.status == 1 && r.stderr.contains("evt_2"), "evt_2 may have been replayed: said, not sent: \(r.stderr)")
    }

    /// Issue 29: the outage's window and the chart read a log that is out of order and whose
    /// totals are not counts: no crash, nothing sent, the figures not known said as such.
    @Test(arguments: ["\"many\"", "-3", "1e30", "2.5"]) func anOutageAndATimelineOverAHostileLogNeverCrash(total: String) async throws {
        let now = Int(Date().timeIntervalSince1970)
        // Oldest first (the wrong way round), times in the last day.
        let rows = (0..<6).map { Self.row("evt_\($0)", created: now - 80_000 + $0 * 600) }
        let server = try server(rows: rows, total: total) { _ in MisbehavingServer.answer(500, "{}") }
        let plan = try await run(["recover", "--webhook", Self.uuid, "--since", "outage", "--dry-run"], server)
        #expect(plan.status == 0 || plan.status == 1, "\(plan.status) \(plan.stderr)")
        #expect(!server.received.contains { $0.hasPrefix("POST /webhooks/replay") }, "a dry run sends nothing")
        let timeline = try await run(["stats", "--webhook", Self.uuid, "--timeline", "--since", "1d"], server)
        #expect(timeline.status == 1 && timeline.stderr.contains("could not be counted"), "\(timeline.status) \(timeline.stdout) \(timeline.stderr)")
        let json = (try? JSONSerialization.jsonObject(with: Data(timeline.stdout.utf8))) as? [String: Any]
        let buckets = json?["timeline"] as? [[String: Any]] ?? []
        #expect(buckets.count == 24 && buckets.allSatisfy { $0["failed"] == nil || $0["failed"] is NSNull || ($0["failed"] as? Int ?? -1) >= 0 },
                "no made-up figure: \(buckets.prefix(2))")
    }
}
