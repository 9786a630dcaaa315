import Foundation
import JetEmailSandbox
import Synchronization
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// Recover, planned and run by the real client over loopback against the sandbox with an outage
/// of its second webhook (Billing): the plan reads every page before the first replay, the run
/// replays exactly the plan, each event once, oldest first, to that webhook only, and the budget
/// keeps the run under a window that locks out.
@Suite(.serialized) struct RecoverAgainstSandboxTests {
    func withSandbox(outage: Int, faults: SandboxFaults = SandboxFaults(),
                     _ body: (SandboxServer, String) async throws -> Void) async throws {
        var configuration = SandboxConfiguration(seed: 3, seedDeliveries: 40, outage: outage)
        configuration.faults = faults
        let server = SandboxServer(configuration: configuration)
        let port = try await server.start()
        do { try await body(server, "http://127.0.0.1:\(port)") } catch { await server.stop(); throw error }
        await server.stop()
    }

    func client(_ base: String, key: String, pacer: RequestPacer? = nil) throws -> JetEmailClient {
        JetEmailClient(baseURL: try BaseURL(base), key: APIKey(key)!,
                       transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 10)), pacer: pacer)
    }

    func failedIDs(_ server: SandboxServer, uuid: String) -> [String] {
        server.deliveries.filter { $0.uuid == uuid && $0.status == .failed && !RecoverFilter.isDiscardedOnPurpose($0) }.map(\.id)
    }

    /// Runs `events` to the end (or `stopAfter` answers) with a journal in `folder`.
    func run(_ plan: RecoverPlan, client: JetEmailClient, folder: String, stopAfter: Int? = nil,
             madeBefore: [Double] = []) async throws -> (RecoverRun.End, RecoverRun.Progress, RecoverJournal.State) {
        let claimed = try RecoverJournal.begin(plan, webhookName: "Billing", path: nil, folder: folder, now: Int(Date().timeIntervalSince1970))
        let state = claimed.state, journal = claimed.journal
        let answered = Mutex(0)
        let (end, progress) = await RecoverRun.run(
            state.remaining(retryUncertain: false), uuid: plan.filter.uuid, journal: journal, client: client, madeBefore: madeBefore,
            progress: { p in answered.withLock { $0 = p.done }; return .goOn },
            shouldStop: { stopAfter.map { limit in answered.withLock { $0 >= limit } } ?? false },
            clock: { Date().timeIntervalSince1970 }, wallClock: { Int(Date().timeIntervalSince1970) })
        return (end, progress, try RecoverJournal.read(state.path))
    }

    @Test func thePlanReadsEveryPageFirstAndTheRunReplaysEachFailedEventOnceOldestFirst() async throws {
        // 2,500 failed: three pages of a status-filtered query. Replaying while paging would shift
        // the offsets by the events turned pending and skip a page's worth of them.
        try await withSandbox(outage: 2_500) { server, base in
            let uuid = server.webhooks[1].uuid
            let c = try client(base, key: server.apiKey)
            let expected = failedIDs(server, uuid: uuid)
            #expect(expected.count >= 2_500)
            let plan = try await RecoverPlanner.plan(RecoverFilter(uuid: uuid), client: c)
            #expect(plan.count == expected.count && Set(plan.events.map(\.id)) == Set(expected))
            #expect(plan.byType.values.reduce(0, +) == plan.count && plan.byCode.values.reduce(0, +) == plan.count)
            #expect(!plan.totalChanged && plan.oldest! <= plan.newest!)
            let times = plan.events.compactMap(\.createdAt)
            #expect(times == times.sorted(), "oldest first")
            #expect(server.replays.isEmpty, "a plan replays nothing")
            let pages = server.received.filter { $0.path == "/webhooks/query" && $0.bodyText.contains("\"limit\":1000") }.count
            #expect(pages == 3, "pages of 1,000: \(pages)")
            let edges = server.received.filter { $0.path == "/webhooks/query" && $0.bodyText.contains("\"limit\":1,") }.count
            #expect(edges <= 5, "the outage's window costs a handful of one-row queries: \(edges)")

            let folder = TemporaryDirectory()
            let (end, progress, journal) = try await run(plan, client: c, folder: folder.path)
            #expect(end == .finished && progress.enqueued == plan.count && journal.finished)
            #expect(server.replays.map(\.eventID) == plan.events.map(\.id), "exactly the plan, in its order, each once")
            #expect(server.replays.allSatisfy { $0.uuid == uuid && $0.sourceUID == nil }, "to that webhook only, never by source_uid")
            #expect(failedIDs(server, uuid: uuid).isEmpty, "every one is pending now")
        }
    }

    @Test func pagesShorterThanTheLimitLoseNothing() async throws {
        try await withSandbox(outage: 350, faults: SandboxFaults(pageCap: 70)) { server, base in
            let uuid = server.webhooks[1].uuid
            let plan = try await RecoverPlanner.plan(RecoverFilter(uuid: uuid), client: try client(base, key: server.apiKey))
            #expect(Set(plan.events.map(\.id)) == Set(failedIDs(server, uuid: uuid)) && plan.count >= 350)
            let offsets = server.received.filter { $0.path == "/webhooks/query" && $0.bodyText.contains("\"limit\":1000") }.compactMap { request -> Int? in
                ((try? JSONSerialization.jsonObject(with: Data(request.bodyText.utf8))) as? [String: Any])?["offset"] as? Int
            }
            #expect(offsets.prefix(3) == [0, 70, 140], "each page starts where the last one's rows ended: \(offsets)")
        }
    }

    @Test func aTypeAndATimeRangeNarrowThePlan() async throws {
        try await withSandbox(outage: 300) { server, base in
            let uuid = server.webhooks[1].uuid
            let all = server.deliveries.filter { $0.uuid == uuid && $0.status == .failed && !RecoverFilter.isDiscardedOnPurpose($0) }
            let type = all[0].eventType.rawValue
            let times = all.compactMap(\.createdAt).sorted()
            let from = times[times.count / 3], to = times[2 * times.count / 3]
            let filter = RecoverFilter(uuid: uuid, eventType: type, since: "x", dateFrom: from, dateTo: to)
            let plan = try await RecoverPlanner.plan(filter, client: try client(base, key: server.apiKey))
            let expected = all.filter { $0.eventType.rawValue == type && ($0.createdAt ?? 0) >= from && ($0.createdAt ?? 0) <= to }
            #expect(!expected.isEmpty && Set(plan.events.map(\.id)) == Set(expected.map(\.id)))
            #expect(plan.byType == [type: expected.count])
        }
    }

    @Test func theBudgetKeepsARunUnderALockingWindowAndSoDoesGoingOnAfterAKill() async throws {
        // JetEmail's 240 a minute against a budget of 200, scaled down to 12 in any 3 s against 10.
        try await withSandbox(outage: 60, faults: SandboxFaults(rateWindow: 12, lockoutSeconds: 60, rateWindowSeconds: 3)) { server, base in
            let uuid = server.webhooks[1].uuid
            let first = try client(base, key: server.apiKey, pacer: RequestPacer(limit: 10, window: 3))
            let plan = try await RecoverPlanner.plan(RecoverFilter(uuid: uuid), client: first)
            let folder = TemporaryDirectory()
            let (end, _, journal) = try await run(plan, client: first, folder: folder.path, stopAfter: 25)
            #expect(end == .stopped && journal.results.count >= 25)
            #expect(server.rateLimited.answers == 0, "the run caused no 429")

            // A new process a moment later: its budget starts empty, but the journal says what
            // the killed run spent, so it does not pass the window either.
            let second = try client(base, key: server.apiKey, pacer: RequestPacer(limit: 10, window: 3))
            let reopened = try RecoverJournal.claim(journal.path, now: Int(Date().timeIntervalSince1970)).journal
            let (end2, progress2) = await RecoverRun.run(
                journal.remaining(retryUncertain: false), uuid: uuid, journal: reopened, client: second,
                madeBefore: journal.requestAges(now: Int(Date().timeIntervalSince1970)),
                progress: { _ in .goOn }, shouldStop: { false },
                clock: { Date().timeIntervalSince1970 }, wallClock: { Int(Date().timeIntervalSince1970) })
            #expect(end2 == .finished && progress2.enqueued == plan.count - journal.results.count)
            #expect(server.rateLimited.answers == 0, "going on caused no 429")
            #expect(Set(server.replays.compactMap(\.eventID)) == Set(plan.events.map(\.id)) && server.replays.count == plan.count,
                    "each event once over both runs")
        }
    }

    @Test func aJournalIsPrivateNeverOverwrittenAndNeverFollowsALink() async throws {
        let folder = TemporaryDirectory()
        let plan = RecoverPlan(filter: RecoverFilter(uuid: "u"), events: [.init(id: "evt_1", createdAt: 1), .init(id: "evt_2", createdAt: 2)],
                               byType: [:], byCode: [:], oldest: 1, newest: 2, totalsSeen: [2])
        let path = folder.path + "/j"
        do {
            let state = try RecoverJournal.begin(plan, webhookName: "B", path: path, folder: folder.path, now: 100).state
            var info = stat()
            #expect(stat(state.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        }
        #expect(throws: RecoverJournal.Problem.self) { try RecoverJournal.begin(plan, webhookName: "B", path: path, folder: folder.path, now: 1) }
        #expect(try RecoverJournal.read(path).events.count == 2, "the first journal is intact")
        symlink(path, folder.path + "/link")
        #expect(throws: RecoverJournal.Problem.self) { try RecoverJournal.claim(folder.path + "/link", now: 1) }
        #expect(throws: RecoverJournal.Problem.self) { try RecoverJournal.begin(plan, webhookName: "B", path: folder.path + "/link", folder: folder.path, now: 1) }
        chmod(path, 0o644)
        #expect(throws: RecoverJournal.Problem.self) { try RecoverJournal.claim(path, now: 1) }
        chmod(path, 0o600)

        // Sent and never answered: may have been replayed, skipped unless asked.
        do {
            let journal = try RecoverJournal.claim(path, now: 101).journal
            try journal.sent("evt_1", now: 101)
            try journal.done("evt_1", .enqueued, now: 101)
            try journal.sent("evt_2", now: 102)
        }
        let read = try RecoverJournal.read(path)
        #expect(read.uncertain == ["evt_2"] && read.remaining(retryUncertain: false).isEmpty)
        #expect(read.remaining(retryUncertain: true).map(\.id) == ["evt_2"])
        // A line cut short by a kill mid-write: its event's answer is unknown.
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = "{\"done\":\"evt_2\",\"res".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        #expect(try RecoverJournal.read(path).uncertain == ["evt_2"])
        // The latest journal of these filters is found again.
        #expect(RecoverJournal.latest(folder: folder.path, filter: plan.filter) == nil, "a journal given by path has its own name")
        let named = try RecoverJournal.begin(plan, webhookName: "B", path: nil, folder: folder.path, now: 200).state
        #expect(RecoverJournal.latest(folder: folder.path, filter: plan.filter) == named.path)
        #expect(RecoverJournal.latest(folder: folder.path, filter: RecoverFilter(uuid: "other")) == nil)
    }
}
