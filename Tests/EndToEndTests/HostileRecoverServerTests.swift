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

    func run(_ arguments: [String], _ server: MisbehavingServer, timeout: TimeInterval = 60) throws -> BuiltProgram.Result {
        try BuiltProgram.run(arguments + key, environment: ["JETEMAIL_BASE_URL": server.baseURL, "XDG_STATE_HOME": dir.path], timeout: timeout)
    }

    static func enqueued(_ request: String) -> String {
        let id = request.firstMatch(of: /"event_id":"([^"]+)"/).map { String($0.1) } ?? ""
        return MisbehavingServer.answer(200, #"{"success":true,"event_id":"\#(id)","status":"enqueued","message":"ok"}"#)
    }

    /// D11: a 429 asking for two hours mid-run stops the run, and the reason reaches stderr and
    /// the JSON summary (the old run exited 1 with an empty stderr).
    @Test func aRunStoppedByAHoursLongRetryAfterSaysWhy() throws {
        let rows = (0..<5).map { Self.row("evt_\($0)", created: 1_800_000_000 + $0) }
        let server = try server(rows: rows) { request in
            request.contains("evt_2") ? MisbehavingServer.answer(429, #"{"error":"Too many"}"#, headers: ["Retry-After: 7200"]) : Self.enqueued(request)
        }
        let r = try run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Stopped:") && r.stderr.contains("429"), "\(r.stderr)")
        let summary = try #require(RecoverCommandTests.lines(r.stdout).last)
        #expect((summary["stopped"] as? String)?.contains("429") == true, "\(summary)")
        #expect(r.stderr.contains("Resume: jetemail-webhooks recover --resume"))
    }

    /// D12: a 429 during the plan asking for longer than --max-wait gives up at once, saying so.
    @Test func aPlanHeldLongerThanMaxWaitGivesUpAndSaysSo() throws {
        let server = try server(rows: [], query: { _ in MisbehavingServer.answer(429, #"{"error":"Too many"}"#, headers: ["Retry-After: 3000"]) }) { Self.enqueued($0) }
        let started = Date()
        let r = try run(["recover", "--webhook", Self.uuid, "--dry-run", "--max-wait", "30"], server, timeout: 50)
        #expect(r.status == 1 && r.stderr.contains("wait 50 min before trying again"), "\(r.status) \(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 40, "not the 3,000 s asked for")
        let bad = try run(["recover", "--webhook", Self.uuid, "--dry-run", "--max-wait", "7200"], server)
        #expect(bad.status == 2 && bad.stderr.contains("--max-wait must be from 0 to 3600"))
    }

    /// D15: a server time below zero: no `stats` command is printed that would not run.
    @Test func aServerTimeBelowZeroPrintsNoCommandThatFails() throws {
        let server = try server(rows: [Self.row("evt_1", created: -5)]) { Self.enqueued($0) }
        let r = try run(["recover", "--webhook", Self.uuid, "--yes", "--json"], server)
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(RecoverCommandTests.lines(r.stdout).last)
        #expect(summary["watch"] == nil || summary["watch"] is NSNull, "\(summary)")
        #expect(!r.stdout.contains("--since -5") && !r.stderr.contains("--since -5"))
    }

    /// D6: totals that are not counts are `?` in stats, with exit 1 (never `total 1 failed 1`).
    @Test(arguments: [#""12""#, "null", "-1", "2.5", "1e30"]) func statsShowsATotalThatIsNotACountAsUnknown(total: String) throws {
        let server = try server(rows: [Self.row("evt_1", created: 1_800_000_000)], total: total) { Self.enqueued($0) }
        let r = try run(["stats", "--webhook", Self.uuid, "--json"], server)
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        let row = try #require(((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any])?["webhooks"] as? [[String: Any]], "\(r.stderr)")
        #expect(row.first?["total"] == nil || row.first?["total"] is NSNull, "\(r.stdout)")
        #expect(row.first?["name"] as? String == "Orders" && r.stderr.contains("no count"), "\(r.stdout) \(r.stderr)")
    }

    /// D28: `replay` answered 200 with a status other than "enqueued" is a failure (exit 1), said.
    @Test func aReplayNotEnqueuedIsAFailure() throws {
        let server = try server(rows: []) { _ in
            MisbehavingServer.answer(200, #"{"success":true,"event_id":"evt_1","status":"failed","message":"Webhook disabled"}"#)
        }
        let r = try run(["replay", "--event-id", "evt_1", "--webhook", Self.uuid, "--yes"], server)
        #expect(r.status == 1 && r.stderr.contains("not \"enqueued\"") && r.stderr.contains("Webhook disabled"), "\(r.status) \(r.stdout) \(r.stderr)")
    }
}
