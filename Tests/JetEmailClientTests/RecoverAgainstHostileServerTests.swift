import Foundation
import Synchronization
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// Recover against a loopback server that lies: rows of other webhooks and statuses, totals
/// that are not counts, pages repeated or offsets ignored, a replay answered "failed", a key
/// refused mid-run (issue 27: D4, D5, D6, D14, D22, D28, D29).
@Suite struct RecoverAgainstHostileServerTests {
    typealias Scripted = RecoverAgainstScriptedServerTests

    static func row(_ id: String, uuid: String = "wh-1", status: String = "failed", at: Int = 1_000) -> String {
        #"{"id":"\#(id)","uuid":"\#(uuid)","event_type":"outbound.delivered","latest_status":"\#(status)","created_at":\#(at),"last_response_code":503}"#
    }

    /// Answers every query with `page(offset)` (rows, total text) and every replay with `replay(id)`.
    static func server(page: @escaping @Sendable (Int) -> (rows: [String], total: String),
                       replay: @escaping @Sendable (String) -> String = { Scripted.enqueued($0) }) throws -> MisbehavingServer {
        try MisbehavingServer { request in
            let body = Scripted.body(of: request)
            if request.hasPrefix("POST /webhooks/query") {
                let offset = body["offset"] as? Int ?? 0
                let (rows, total) = page(offset)
                return [.sendText(MisbehavingServer.answer(200, #"{"events":[\#(rows.joined(separator: ","))],"total":\#(total),"offset":\#(offset)}"#))]
            }
            return [.sendText(replay(body["event_id"] as? String ?? ""))]
        }
    }

    func plan(_ server: MisbehavingServer, _ filter: RecoverFilter = RecoverFilter(uuid: "wh-1")) async throws -> RecoverPlan {
        try await RecoverPlanner.plan(filter, client: try Scripted().client(server))
    }

    /// D4: rows of another webhook, of another status or type, outside the range or with an id
    /// that cannot be an event's are never in the plan; they are counted.
    @Test func thePlanKeepsOnlyRowsOfTheWebhookAndStatusAskedAndCountsTheRest() async throws {
        let rows = [Self.row("evt_a"), Self.row("evt_other", uuid: "wh-2"), Self.row("evt_ok", status: "success"),
                    Self.row("evt_b", status: "FAILED"), Self.row("evt_old", at: 10), Self.row(String(repeating: "x", count: 5_000)),
                    Self.row(""), Self.row("evt_c")]
        let server = try Self.server(page: { offset in (offset == 0 ? rows : [], "8") })
        let plan = try await plan(server, RecoverFilter(uuid: "wh-1", dateFrom: 500))
        #expect(plan.events.map(\.id).sorted() == ["evt_a", "evt_b", "evt_c"])
        #expect(plan.dropped == 5 && plan.shortOf == nil)
    }

    /// D5: a server that ignores `offset` (the same 5 rows every page) against a total of 23: the
    /// plan has the 5 and says it may be short.
    @Test func aServerThatIgnoresOffsetsGivesAPlanThatSaysItIsShort() async throws {
        let rows = (0..<5).map { Self.row("evt_\($0)", at: 1_000 + $0) }
        let server = try Self.server(page: { _ in (rows, "23") })
        let plan = try await plan(server)
        #expect(plan.count == 5 && plan.shortOf == 23)
        // Page 2 repeated, then the rest: 18 distinct of 23.
        let all = (0..<23).map { Self.row("evt_\($0)", at: 1_000 + $0) }
        let repeating = try Self.server(page: { offset in
            let start = offset == 10 ? 5 : offset
            return (Array(all.dropFirst(start).prefix(5)), "23")
        })
        let short = try await self.plan(repeating)
        #expect(short.count < 23 && short.shortOf == 23, "\(short.count)")
        // A whole log is not short.
        let whole = try Self.server(page: { offset in (Array(all.dropFirst(offset).prefix(5)), "23") })
        let full = try await self.plan(whole)
        #expect(full.count == 23 && full.shortOf == nil)
    }

    /// D6: a total that is text, missing, null, below zero, fractional or absurd is no count:
    /// the tally has no figure and says why, and paging still goes by what came.
    @Test(arguments: [#""12""#, "null", "-1", "2.5", "1e30", "{}"])
    func aTotalThatIsNotACountIsNoFigure(total: String) async throws {
        let server = try Self.server(page: { offset in (offset == 0 ? [Self.row("evt_1")] : [], total) })
        let page = try await Scripted().client(server).queryDeliveries(DeliveryQuery(uuid: "wh-1", limit: 1))
        #expect(page.reportedTotal == nil && page.total == 1, "paging still counts what came")
        let tally = await DeliveryTally.count(try Scripted().client(server), uuid: "wh-1", since: nil, until: nil)
        #expect(tally.total == nil && tally.byStatus.isEmpty && tally.problem?.contains("no count") == true, "\(tally)")
        let plan = try await plan(server)
        #expect(plan.count == 1 && plan.shortOf == nil)
    }

    @Test func aTotalThatIsACountIsKept() async throws {
        let server = try Self.server(page: { _ in ([], "0") })
        let tally = await DeliveryTally.count(try Scripted().client(server), uuid: "wh-1", since: nil, until: nil)
        #expect(tally.total == 0 && tally.isComplete)
    }

    /// Runs the plan's events against `server` with a journal; `heard` answers each report.
    func run(_ server: MisbehavingServer, heard: @escaping @Sendable (RecoverRun.Progress) -> RecoverRun.Heard = { _ in .goOn })
        async throws -> (RecoverRun.End, RecoverRun.Progress, RecoverJournal.State) {
        let c = try Scripted().client(server)
        let plan = try await RecoverPlanner.plan(RecoverFilter(uuid: "wh-1"), client: c)
        let folder = TemporaryDirectory()
        let claimed = try RecoverJournal.begin(plan, webhookName: "Billing", path: nil, folder: folder.path, now: 1)
        let (end, progress) = await RecoverRun.run(claimed.state.remaining(retryUncertain: false), uuid: "wh-1", journal: claimed.journal, client: c,
                                                   progress: heard, shouldStop: { false }, clock: { Date().timeIntervalSince1970 }, wallClock: { 2 })
        return (end, progress, try claimed.journal.readBack())
    }

    static let tenRows = (0..<10).map { row("evt_\($0)", at: 1_000 + $0) }

    /// D28: only "enqueued" is a replay; a 200 that says "failed" is a refusal, with its word.
    @Test func aReplayAnsweredWithAnotherStatusIsRefusedWithItsReason() async throws {
        let server = try Self.server(page: { offset in (offset == 0 ? Self.tenRows : [], "10") }) { id in
            id == "evt_4" ? MisbehavingServer.answer(200, #"{"success":true,"event_id":"evt_4","status":"failed","message":"Webhook disabled"}"#)
                : Scripted.enqueued(id)
        }
        let (end, progress, journal) = try await run(server)
        #expect(end == .finished && progress.enqueued == 9 && progress.refused == 1)
        #expect(journal.results["evt_4"] == .refused && journal.details["evt_4"]?.contains("\"failed\"") == true
                && journal.details["evt_4"]?.contains("Webhook disabled") == true)
        #expect(journal.count(.enqueued) == 9)
    }

    /// D14: a key refused (401, or 403) mid-run stops the run at once; the rest is left for later.
    @Test(arguments: [401, 403]) func aKeyRefusedMidRunStopsTheRun(status: Int) async throws {
        let server = try Self.server(page: { offset in (offset == 0 ? Self.tenRows : [], "10") }) { id in
            Int(id.dropFirst(4))! >= 3 ? MisbehavingServer.answer(status, #"{"success":false,"error":"Invalid API key"}"#) : Scripted.enqueued(id)
        }
        let (end, progress, journal) = try await run(server)
        guard case .keyRefused(let why) = end else { Issue.record("\(end)"); return }
        #expect(why.contains("Invalid API key") || why.contains("key"), "\(why)")
        let replays = server.received.filter { $0.hasPrefix("POST /webhooks/replay") }
        #expect(replays.count == 4 && progress.enqueued == 3, "three enqueued, the fourth refused, nothing after it")
        #expect(journal.remaining(retryUncertain: false).count == 6 && journal.results["evt_3"] == .refused)
    }

    /// D29: what the run reports to is gone (a closed pipe): it stops after the event answered.
    @Test func aReportThatCannotBeHeardStopsTheRun() async throws {
        let server = try Self.server(page: { offset in (offset == 0 ? Self.tenRows : [], "10") })
        let (end, progress, journal) = try await run(server) { p in p.done >= 2 ? .stop("Cannot write to standard output") : .goOn }
        #expect(end == .outputClosed("Cannot write to standard output") && progress.done == 2)
        #expect(server.received.filter { $0.hasPrefix("POST /webhooks/replay") }.count == 2)
        #expect(journal.count(.enqueued) == 2 && journal.uncertain.isEmpty, "the journal has both, whole")
    }
}
