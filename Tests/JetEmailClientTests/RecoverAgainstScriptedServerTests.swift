import Foundation
import Synchronization
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// Recover against a loopback server that misbehaves on purpose: a 429 in the middle of the run,
/// events it answers 404 or 422 for, a total that changes while the plan pages, short pages.
@Suite struct RecoverAgainstScriptedServerTests {
    static let ids = (0..<30).map { "evt_\(String(format: "%04d", $0))" }

    static func delivery(_ id: String, at: Int) -> String {
        #"{"id":"\#(id)","uuid":"wh-1","event_type":"outbound.delivered","latest_status":"failed","created_at":\#(at),"last_response_code":503}"#
    }

    static func body(of request: String) -> [String: Any] {
        guard let start = request.range(of: "\r\n\r\n") else { return [:] }
        return ((try? JSONSerialization.jsonObject(with: Data(request[start.upperBound...].utf8))) as? [String: Any]) ?? [:]
    }

    /// Answers queries from `ids` (newest first: the last id is the newest), at most `pageCap` a
    /// page, with `total` as given for that offset; replays by `replay`.
    static func server(pageCap: Int = 1000, total: @escaping @Sendable (Int) -> Int = { _ in ids.count },
                       replay: @escaping @Sendable (String) -> String) throws -> MisbehavingServer {
        try MisbehavingServer { request in
            let body = Self.body(of: request)
            if request.hasPrefix("POST /webhooks/query") {
                let offset = body["offset"] as? Int ?? 0, limit = body["limit"] as? Int ?? 50
                let newestFirst = Array(ids.reversed())
                let page = newestFirst.dropFirst(offset).prefix(min(limit, pageCap))
                let events = page.map { id in delivery(id, at: 1_000 + ids.firstIndex(of: id)!) }.joined(separator: ",")
                return [.sendText(MisbehavingServer.answer(200, #"{"events":[\#(events)],"total":\#(total(offset)),"limit":\#(limit),"offset":\#(offset)}"#))]
            }
            return [.sendText(replay(body["event_id"] as? String ?? ""))]
        }
    }

    static func enqueued(_ id: String) -> String {
        MisbehavingServer.answer(200, #"{"success":true,"event_id":"\#(id)","status":"enqueued","message":"Event enqueued"}"#)
    }

    func client(_ server: MisbehavingServer, pacer: RequestPacer? = nil) throws -> JetEmailClient {
        JetEmailClient(baseURL: try BaseURL(server.baseURL), key: APIKey("api_secretkey1234")!,
                       transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 10)), pacer: pacer)
    }

    func replayed(_ server: MisbehavingServer) -> [String] {
        server.received.filter { $0.hasPrefix("POST /webhooks/replay") }.compactMap { Self.body(of: $0)["event_id"] as? String }
    }

    func runAll(_ server: MisbehavingServer, pacer: RequestPacer? = nil) async throws
        -> (RecoverRun.End, RecoverRun.Progress, RecoverJournal.State, [RecoverRun.Progress]) {
        let c = try client(server, pacer: pacer)
        let plan = try await RecoverPlanner.plan(RecoverFilter(uuid: "wh-1"), client: c)
        let folder = TemporaryDirectory()
        let claimed = try RecoverJournal.begin(plan, webhookName: "Billing", path: nil, folder: folder.path, now: 1)
        let state = claimed.state
        let reports = Mutex<[RecoverRun.Progress]>([])
        let (end, progress) = await RecoverRun.run(
            state.remaining(retryUncertain: false), uuid: "wh-1", journal: claimed.journal, client: c,
            progress: { p in reports.withLock { $0.append(p) }; return .goOn }, shouldStop: { false },
            clock: { Date().timeIntervalSince1970 }, wallClock: { 2 })
        return (end, progress, try RecoverJournal.read(state.path), reports.withLock { $0 })
    }

    @Test func aRateLimitInTheMiddleIsWaitedOutAndTheSameEventSentAgainOnce() async throws {
        let refusedOnce = Mutex(false)
        let server = try Self.server { id in
            if id == Self.ids[12], !refusedOnce.withLock({ let was = $0; $0 = true; return was }) {
                return MisbehavingServer.answer(429, #"{"success":false,"error":"Too many requests"}"#, headers: ["Retry-After: 7"])
            }
            return Self.enqueued(id)
        }
        // The hold is the pacer's (every process's): a real 7 s wait.
        let (end, progress, journal, reports) = try await runAll(server, pacer: RequestPacer(limit: 200))
        #expect(end == .finished && progress.enqueued == 30 && journal.finished)
        let sent = replayed(server)
        #expect(sent.count == 31 && sent.filter { $0 == Self.ids[12] }.count == 2, "the refused one again, nothing else twice")
        #expect(Array(Set(sent)).sorted() == Self.ids && sent.first == Self.ids[0], "oldest first")
        let waits = reports.compactMap(\.waitingSeconds)
        #expect(waits.first == 7 && zip(waits, waits.dropFirst()).allSatisfy { $0 >= $1 },
                "the wait is shown counting down from its Retry-After: \(waits)")
        #expect(journal.count(.enqueued) == 30 && journal.uncertain.isEmpty)
    }

    /// The budget (scaled down: 12 in any 2 s) holds the run twice; it reports while it waits, so
    /// that the time left stays true, and those reports bring no answer: each event is reported
    /// answered once.
    @Test func whileTheBudgetHoldsTheRunItReportsWithoutRepeatingAnAnswer() async throws {
        let server = try Self.server { Self.enqueued($0) }
        let (end, progress, _, reports) = try await runAll(server, pacer: RequestPacer(limit: 12, window: 2))
        #expect(end == .finished && progress.enqueued == 30)
        #expect(reports.contains { $0.budgetWait != nil }, "reports while the budget holds it")
        let answered = reports.filter(\.answeredJustNow).compactMap { $0.last?.id }
        #expect(answered == Self.ids, "each answered once, oldest first")
        // The time left is read off the window (its arithmetic: RecoverProgressTests), not timed here.
        #expect(reports.filter(\.answeredJustNow).allSatisfy { $0.budgetDoneAt != nil && $0.roundTrip != nil })
    }

    @Test func notFoundIsCountedAndSkippedAndOtherRefusalsAreListedWhileTheRunGoesOn() async throws {
        let server = try Self.server { id in
            switch id {
            case Self.ids[3], Self.ids[4]: MisbehavingServer.answer(404, #"{"success":false,"error":"Event not found"}"#)
            case Self.ids[20]: MisbehavingServer.answer(422, #"{"success":false,"error":"Webhook is disabled"}"#)
            default: Self.enqueued(id)
            }
        }
        let (end, progress, journal, _) = try await runAll(server)
        #expect(end == .finished)
        #expect(progress.enqueued == 27 && progress.notFound == 2 && progress.refused == 1)
        #expect(journal.results[Self.ids[3]] == .notFound && journal.results[Self.ids[20]] == .refused)
        #expect(journal.details[Self.ids[20]]?.contains("Webhook is disabled") == true, "the refusal says why")
        #expect(replayed(server).count == 30, "each sent once; none again")
    }

    @Test func aTotalThatChangesWhilePagingIsReportedAndShortPagesLoseNothing() async throws {
        let server = try Self.server(pageCap: 7, total: { offset in offset < 14 ? 30 : 33 }) { Self.enqueued($0) }
        let plan = try await RecoverPlanner.plan(RecoverFilter(uuid: "wh-1"), client: try client(server))
        #expect(plan.events.map(\.id) == Self.ids, "all 30, oldest first, though each page brought 7")
        #expect(plan.totalChanged && plan.totalsSeen == [30, 33])
        #expect(plan.oldest == 1_000 && plan.newest == 1_029 && plan.byCode == ["503": 30] && plan.byType == ["outbound.delivered": 30])
        #expect(replayed(server).isEmpty)
    }

    @Test func anAnswerThatNeverComesLeavesTheEventUncertain() async throws {
        let server = try Self.server { id in
            id == Self.ids[5] ? MisbehavingServer.answer(200, "<html>proxy</html>") : Self.enqueued(id)
        }
        let (end, progress, journal, _) = try await runAll(server)
        #expect(end == .finished && progress.uncertain == 1 && progress.enqueued == 29)
        #expect(journal.uncertain == [Self.ids[5]], "may have been replayed: not sent again without --retry-uncertain")
        #expect(journal.remaining(retryUncertain: false).isEmpty && journal.remaining(retryUncertain: true).map(\.id) == [Self.ids[5]])
    }
}

extension RecoverAgainstScriptedServerTests {
    @Test func aServerErrorLeavesTheEventUncertain() async throws {
        let server = try Self.server { id in
            id == Self.ids[8] ? MisbehavingServer.answer(502, #"{"error":"Bad gateway"}"#) : Self.enqueued(id)
        }
        let (_, progress, journal, _) = try await runAll(server)
        #expect(progress.uncertain == 1 && journal.uncertain == [Self.ids[8]], "a 502 may have come after the replay was enqueued")
    }
}
