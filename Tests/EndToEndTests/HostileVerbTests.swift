import Foundation
import Synchronization
import JetEmailClient
import Testing
import TestSupport

/// Issue 17: the verbs against loopback servers that misbehave on purpose, and with arguments a
/// new user gets wrong. Run as processes, as a script would.
@Suite struct HostileVerbTests {
    let dir = TemporaryDirectory()
    var key: [String] { ["--api-key-file", dir.file("key", "api_test0000000001")] }

    static func webhook(_ uuid: String, name: String = "Orders", status: String = #""paused""#, events: String = #"["outbound.delivered"]"#) -> String {
        #"{"uuid":"\#(uuid)","name":"\#(name)","url":"https://hooks.example.com/o","events":\#(events),"status":\#(status)}"#
    }

    /// A server answering each request by its first line; the requests are kept.
    func server(_ answer: @escaping @Sendable (String) -> String) throws -> MisbehavingServer {
        try MisbehavingServer { request in [.sendText(answer(request.components(separatedBy: "\r\n").first ?? ""))] }
    }

    func run(_ arguments: [String], _ server: MisbehavingServer, input: String? = nil) async throws -> BuiltProgram.Result {
        try await BuiltProgram.run(arguments + key, environment: ["JETEMAIL_BASE_URL": server.baseURL], input: input)
    }

    static func event(_ id: String, created: String = "1800000000") -> String {
        #"{"id":"\#(id)","uuid":"11111111-1111-4111-8111-111111111111","event_type":"outbound.delivered","latest_status":"failed","created_at":\#(created),"total_attempts":6,"last_response_code":500}"#
    }

    @Test(arguments: ["-9223372036854775808", "9223372036854775807"])
    func verifyWithATimestampAtTheEdgesOfIntIsStaleNotACrash(_ timestamp: String) async throws {
        // Item 1: exit 132 (an overflow trap) in WebhookSignature.
        let secret = dir.file("s.whsec", "whsec_edge")
        let body = #"{"id":"evt_1"}"#
        let signature = WebhookSignature.header(body: Array(body.utf8), secret: "whsec_edge")
        let r = try await BuiltProgram.run(["verify", "--secret-file", secret, "--signature", signature, "--timestamp", timestamp], input: body)
        #expect(r.status == 1, "\(r.status): \(r.stderr)")
        #expect(r.stdout.contains("stale") || r.stdout.contains("future"), "\(r.stdout)")
    }

    @Test func aRenameLeavesAnUnreadableStatusAloneAndAChangedEventSetDropsOutboundQueued() async throws {
        // Items 7, 9, 10: `"status": 1` sent for a "paused" webhook; outbound.queued sent back;
        // an unchanged name holding ESC refused `--status 0`.
        let server = try server { _ in
            MisbehavingServer.answer(200, Self.webhook("11111111-1111-4111-8111-111111111111", name: "Ord\\u001b[31mers", events: #"["outbound.delivered","outbound.queued"]"#))
        }
        let rename = try await run(["update", "11111111-1111-4111-8111-111111111111", "--name", "r", "--dry-run"], server)
        #expect(rename.status == 0 && rename.stdout.contains(#""name": "r""#) && !rename.stdout.contains("status"), "\(rename.stdout)\(rename.stderr)")
        let events = try await run(["update", "11111111-1111-4111-8111-111111111111", "--event", "outbound.bounced", "--dry-run"], server)
        #expect(events.status == 0 && !events.stdout.contains("outbound.queued"), "\(events.stdout)")
        #expect(events.stderr.contains("outbound.queued will be dropped"), "\(events.stderr)")
        let disable = try await run(["update", "11111111-1111-4111-8111-111111111111", "--status", "0", "--dry-run"], server)
        #expect(disable.status == 0 && disable.stdout.contains(#""status": 0"#), "\(disable.stdout)\(disable.stderr)")
    }

    @Test func updatePatchesOnlyTheWebhookAskedForAfterAGetThatReturnedIt() async throws {
        // Item 8: a GET answering 200 {"success": false} led to a PATCH with "uuid": "".
        let falseAnswer = try server { _ in MisbehavingServer.answer(200, #"{"success":false,"error":"internal"}"#) }
        let r = try await run(["update", "11111111-1111-4111-8111-111111111111", "--name", "Renamed"], falseAnswer)
        #expect(r.status == 1 && !falseAnswer.received.contains { $0.hasPrefix("PATCH") }, "\(r.stderr)")
        let get = try await run(["get", "11111111-1111-4111-8111-111111111111"], falseAnswer)
        #expect(get.status == 1 && get.stderr.contains("success is false"), "\(get.stdout)\(get.stderr)")
        let other = try server { _ in MisbehavingServer.answer(200, Self.webhook("someone-else")) }
        let wrong = try await run(["update", "11111111-1111-4111-8111-111111111111", "--name", "Renamed"], other)
        #expect(wrong.status == 1 && !other.received.contains { $0.hasPrefix("PATCH") }, "\(wrong.stderr)")
    }

    @Test func aPatchThatWasSavedSaysSoWhenTheReadBackFails() async throws {
        // Item 16: "The API failed… try again later", exit 1, though the change was made.
        // The GET before the PATCH answers; the one after fails with 503.
        let count = Counter()
        let once = try MisbehavingServer { request in
            if request.hasPrefix("PATCH") { return [.sendText(MisbehavingServer.answer(200, #"{"success":true}"#))] }
            return count.next() == 0 ? [.sendText(MisbehavingServer.answer(200, Self.webhook("11111111-1111-4111-8111-111111111111", status: "1")))]
                : [.sendText(MisbehavingServer.answer(503, #"{"error":"busy"}"#))]
        }
        let r = try await run(["update", "11111111-1111-4111-8111-111111111111", "--name", "Renamed"], once)
        #expect(r.status == 1 && r.stderr.contains("The change was saved, but the webhook could not be read back"), "\(r.stderr)")
    }

    @Test func readsThatGetNoAnswerSayNothingChangedAndADeleteSaysItMayBeDone() async throws {
        // Item 14: "The webhook may have been created: check the list" after list, get, delete.
        let server = try MisbehavingServer { request in
            request.hasPrefix("DELETE") ? [.close] : [.sendText("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"succ"), .close]
        }
        for verb in [["list"], ["get", "11111111-1111-4111-8111-111111111111"]] {
            let r = try await run(verb, server)
            #expect(r.status == 1 && !r.stderr.contains("created") && r.stderr.contains("othing was changed"), "\(verb): \(r.stderr)")
        }
        let delete = try await run(["delete", "11111111-1111-4111-8111-111111111111", "--yes"], server)
        #expect(delete.status == 1 && delete.stderr.contains("may have been deleted"), "\(delete.stderr)")
    }

    @Test func aReplayAnswerWithoutItsStatusIsNotEnqueued() async throws {
        // Item 20: "enqueued", exit 0, for a webhook object.
        let server = try server { _ in MisbehavingServer.answer(200, Self.webhook("11111111-1111-4111-8111-111111111111")) }
        let r = try await run(["replay", "--event-id", "evt_1", "--webhook", "11111111-1111-4111-8111-111111111111", "--yes"], server)
        #expect(r.status == 1 && !r.stdout.contains("enqueued"), "\(r.stdout)\(r.stderr)")
    }

    @Test func queryAllAgainstAServerThatIgnoresOffsetStopsAndSaysSo() async throws {
        // Item 3: ~300 requests in 30 s and no end (the same full page, total 10^12).
        let page = #"{"events":["# + (0..<10).map { Self.event("evt_\($0)") }.joined(separator: ",") + #"],"total":1000000000000}"#
        let server = try server { _ in MisbehavingServer.answer(200, page) }
        let r = try await run(["query", "--all", "--limit", "10", "--json"], server)
        #expect(r.status == 1 && r.stderr.contains("seems to ignore offset"), "\(r.stderr)")
        #expect(server.received.count == 2, "stopped at the first page that brought nothing new: \(server.received.count)")
        #expect((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil, "item 28: the JSON started is finished: \(r.stdout.suffix(80))")
    }

    @Test func queryAllPagesByWhatCameBackWhenPagesAreShort() async throws {
        // Item 23: pages capped at 10 rows: 10 of 100 events printed, exit 0.
        let server = try MisbehavingServer { request in
            let offset = request.range(of: #""offset":(\d+)"#, options: .regularExpression)
                .flatMap { Int(request[$0].dropFirst(9)) } ?? 0
            let events = (offset..<min(100, offset + 10)).map { Self.event("evt_\($0)") }.joined(separator: ",")
            return [.sendText(MisbehavingServer.answer(200, #"{"events":[\#(events)],"total":100,"limit":1000,"offset":\#(offset)}"#))]
        }
        let r = try await run(["query", "--all", "--json"], server)
        #expect(r.status == 0, "\(r.stderr)")
        let ids = (0..<100).map { "evt_\($0)" }
        #expect(ids.allSatisfy { r.stdout.contains("\"\($0)\"") }, "every event printed")
        #expect(server.received.count == 10)
    }

    @Test func aRetryAfterOfZeroIsWaitedAtLeastAFewSeconds() async throws {
        // Item 4: 5,654 requests in 12 s.
        let count = Counter()
        let server = try MisbehavingServer { _ in
            count.next() == 0 ? [.sendText(MisbehavingServer.answer(429, #"{"error":"slow down"}"#, headers: ["Retry-After: 0"]))]
                : [.sendText(MisbehavingServer.answer(200, #"{"events":[],"total":0}"#))]
        }
        let r = try await run(["query", "--all", "--json"], server)
        #expect(r.status == 0 && r.stderr.contains("waiting \(RateLimitBackoff.floorSeconds) s"), "\(r.stderr)")
        #expect(server.received.count == 2)
    }

    @Test func impossibleTimesAreRefused() async throws {
        // Item 28: --since 2026-02-30 was taken as 2026-03-02, a +99:99 offset accepted.
        let server = try server { _ in MisbehavingServer.answer(200, #"{"events":[],"total":0}"#) }
        for time in ["2026-02-30", "2025-02-29", "2026-04-31", "2026-11-27T14:00+99:99", "2026-11-27T14:00+01:60"] {
            let r = try await run(["query", "--since", time], server)
            #expect(r.status == 2 && r.stderr.contains("is not a time"), "\(time): \(r.stderr)")
        }
        await #expect(try run(["query", "--since", "2024-02-29T10:00+05:30"], server).status == 0)
        #expect(server.received.count == 1)
    }

    @Test func sendExampleToAClosedPortSaysNothingOfABaseURL() async throws {
        // Item 28: "Check --base-url" for an option called --url.
        let secret = dir.file("s.whsec", "whsec_x")
        let r = try await BuiltProgram.run(["send-example", "--url", "http://127.0.0.1:9/hook", "--secret-file", secret])
        #expect(r.status == 1 && r.stdout.contains("nothing is listening there") && !(r.stdout + r.stderr).contains("base-url"), "\(r.stdout)")
    }
}

/// A count shared by a server's threads.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { v in defer { v += 1 }; return v } }
}
