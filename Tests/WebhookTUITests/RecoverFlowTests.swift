@testable import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// Recover through the pure core: Ctrl-R in a webhook's log asks the shell for a plan of what
/// the log shows, the plan is the question, y orders the run, its reports show in the title bar
/// on every screen and turn the log's rows pending, quitting asks.
@Suite struct RecoverFlowTests {
    let log = DeliveryLogTests()

    /// Orders' log with three failed events on screen, and Ctrl-R pressed.
    func askToRecover(filterStatus: Bool = false) -> (Driver, RequestID, RecoverFilter) {
        var d = log.openLog()
        let first = log.queries(&d)[0].0
        d.send(.answered(id: first, .deliveries(.success(DeliveryPage(events: DeliveryLogTests.events(0, 3, status: "failed"), total: 3, limit: 100, offset: 0)))))
        d.press(.control("r"))
        let jobs = d.drain().compactMap { effect -> (RequestID, RecoverFilter, String)? in
            if case .run(let id, .recoverPlan(let filter, let name), _) = effect { (id, filter, name) } else { nil }
        }
        guard let job = jobs.first else { Issue.record("no plan asked for"); return (d, RequestID(0), RecoverFilter(uuid: "")) }
        #expect(job.2 == "Orders")
        return (d, job.0, job.1)
    }

    /// Orders' recover asked for, answered, `y`, and started by the shell (its journal written).
    func started() -> (Driver, RecoverProposal) {
        var (d, id, filter) = askToRecover()
        let proposal = RecoverProposal(.fresh(plan(filter)), webhookName: "Orders", perMinute: 200)
        d.send(.answered(id, .recoverPlanned(.success(proposal))))
        d.press(.character("y"))
        _ = d.drain()
        d.sendRecover(.started(journal: "/state/recover-x.jsonl", toReplay: 3, uncertain: [], answeredBefore: 0))
        return (d, proposal)
    }

    func plan(_ filter: RecoverFilter) -> RecoverPlan {
        RecoverPlan(filter: filter, events: (0..<3).reversed().map { RecoverPlan.Event(id: "evt_\($0)", createdAt: 1_800_000_000 - $0 * 60) },
                    byType: ["outbound.delivered": 3], byCode: ["503": 3], oldest: 1_799_999_880, newest: 1_800_000_000, totalsSeen: [3])
    }

    @Test func ctrlRPlansWhatTheLogShowsAndThePlanIsTheQuestion() {
        var (d, id, filter) = askToRecover()
        #expect(filter.uuid == "u-1" && filter.status == .failed && filter.eventType == nil, "failed by default, the log's webhook")
        #expect(filter.sinceOutage, "no time filter: the latest outage first")
        d.send(.answered(id, .recoverPlanned(.success(RecoverProposal(.fresh(plan(filter)), webhookName: "Orders", perMinute: 200)))))
        #expect(d.screen.contains("Replay 3 failed deliveries of Orders (latest outage)") && d.screen.contains("y/N"))
        d.press(.character("n"))
        #expect(d.drain().isEmpty, "anything but y starts nothing")
    }

    @Test func yOrdersTheRunItsProgressShowsEverywhereAndRowsTurnPending() {
        var (d, id, filter) = askToRecover()
        let proposal = RecoverProposal(.fresh(plan(filter)), webhookName: "Orders", perMinute: 200)
        d.send(.answered(id, .recoverPlanned(.success(proposal))))
        d.press(.character("y"))
        #expect(d.drain().containsRecover(.start(proposal)), "the run is ordered")
        d.sendRecover(.started(journal: "/state/recover-x.jsonl", toReplay: 3, uncertain: [], answeredBefore: 0))
        var progress = RecoverRun.Progress(total: 3)
        progress.done = 1
        progress.enqueued = 1
        progress.last = ("evt_2", .enqueued, nil)
        d.sendRecover(.progress(progress, perMinute: 1, secondsLeft: 2))
        #expect(d.screen.contains("recover Orders 1/3"), "progress in the title bar")
        let row = d.screen.split(separator: "\n").first { $0.contains("evt_2") } ?? ""
        #expect(row.contains("pending"), "its row turned pending: \(row)")
        let other = d.screen.split(separator: "\n").first { $0.contains("evt_1") } ?? ""
        #expect(other.contains("failed"))
        d.press(.escape)
        #expect(d.screen.contains("recover Orders 1/3"), "on the list too")
        // Quitting while it runs asks, naming the run.
        d.press(.control("q"))
        #expect(d.screen.contains("A recover of Orders is running"))
        d.press(.character("n"))
        // Ctrl-R on the log again shows the run with cancel.
        d.press(.character("l"))
        _ = d.drain()
        d.press(.control("r"))
        #expect(d.screen.contains("Recover · failed deliveries of Orders") && d.screen.contains("c cancel"))
        d.press(.character("c"))
        #expect(d.drain().containsRecover(.stop))
        d.sendRecover(.ended(.stopped, progress))
        #expect(d.screen.contains("stopped") && d.screen.contains("recover --resume"))
    }

    @Test func aStoppedRecoverIsOfferedToGoOnAndItsKeySaysSo() {
        var (d, id, filter) = askToRecover()
        var state = RecoverJournal.State(path: "/state/recover-x.jsonl", filter: filter, webhookName: "Orders", createdAt: 1_800_000_000,
                                         events: plan(filter).events)
        state.sent = ["evt_2"]
        state.results = ["evt_2": .enqueued]
        d.send(.answered(id, .recoverPlanned(.success(RecoverProposal(.resume(state), webhookName: "Orders", perMinute: 200)))))
        #expect(d.screen.contains("Go on: replay the 2 left of Orders") && d.screen.contains("1 of 3 answered"), "\(d.screen)")
        #expect(d.screen.split(separator: "\n").last?.contains("y go on") == true, "the key says what y does here")
    }

    @Test func theResumeCommandRepeatsTheFlagsTheProgramWasStartedWith() {
        var (d, id, filter) = askToRecover()
        d.state.connectionWords = ["--api-key-file", "/keys/ops key", "--max-rate", "120"]
        d.send(.answered(id, .recoverPlanned(.success(RecoverProposal(.fresh(plan(filter)), webhookName: "Orders", perMinute: 120)))))
        d.press(.character("y"))
        _ = d.drain()
        d.sendRecover(.started(journal: "/state/recover-x.jsonl", toReplay: 3, uncertain: [], answeredBefore: 0))
        #expect(d.state.recoverJob?.resumeCommand == "jetemail-webhooks recover --resume /state/recover-x.jsonl --api-key-file '/keys/ops key' --max-rate 120")
    }

    @Test func theOutageIsStatedAndWPlansTheWholeLogInstead() {
        var d = ListChangesTests().loaded()
        d.state.onList { $0.select(uuid: "u-c") }
        d.press(.control("r"))
        guard case .run(let id, .recoverPlan(let filter, _), _)? = d.drain().first(where: { if case .run = $0 { true } else { false } }) else {
            Issue.record("no plan asked for"); return
        }
        var outagePlan = plan(filter)
        outagePlan.outage = OutageWindow(uuid: "u-c", began: 1_799_999_880, latestFailure: 1_800_000_000, lastSuccessBefore: 1_799_999_700, failed: 3, over: false)
        outagePlan.discarded4xx = 2
        d.send(.answered(id, .recoverPlanned(.success(RecoverProposal(.fresh(outagePlan), webhookName: "Crm", perMinute: 200)))))
        let asked = d.screen
        #expect(asked.contains("Latest outage: failing since") && asked.contains("3 failed since"), "\(asked)")
        #expect(asked.contains("w: whole log") && asked.contains("2 left out"), "\(asked)")
        d.press(.character("w"))
        let wider = d.drain().compactMap { effect -> RecoverFilter? in
            if case .run(_, .recoverPlan(let filter, _), _) = effect { filter } else { nil }
        }
        #expect(wider == [RecoverFilter(uuid: "u-c")], "w asks for the plan of the whole log: \(wider)")
    }

    @Test func ctrlROnTheListPlansEveryFailedDeliveryOfTheSelectedWebhook() {
        var d = ListChangesTests().loaded()
        d.state.onList { $0.select(uuid: "u-c") }
        d.press(.control("r"))
        let jobs = d.drain().compactMap { effect -> (RequestID, RecoverFilter, String)? in
            if case .run(let id, .recoverPlan(let filter, let name), _) = effect { (id, filter, name) } else { nil }
        }
        guard let (id, filter, name) = jobs.first else { Issue.record("no plan asked for"); return }
        #expect(filter == RecoverFilter(uuid: "u-c", since: "outage") && name == "Crm", "the failed deliveries of the selected webhook's latest outage")
        #expect(d.screen.contains("Finding when the failures of Crm began"))
        let proposal = RecoverProposal(.fresh(plan(filter)), webhookName: "Crm", perMinute: 200)
        d.send(.answered(id, .recoverPlanned(.success(proposal))))
        #expect(d.screen.contains("Replay 3 failed deliveries of Crm (latest outage)") && d.screen.contains("y/N"), "\(d.screen)")
        d.press(.character("y"))
        #expect(d.drain().containsRecover(.start(proposal)), "y on the list's question orders the run")
        d.sendRecover(.started(journal: "/state/recover-c.jsonl", toReplay: 3, uncertain: [], answeredBefore: 0))
        #expect(d.screen.contains("Recover · failed deliveries of Crm") && d.screen.contains("/state/recover-c.jsonl"),
                "from the list, where no row shows a replay land, y opens the run to watch")
        d.press(.escape)
        #expect(d.screen.contains("Failed/24h"), "Esc is back on the list")
        // While it runs, Ctrl-R on another row shows the run and says one at a time.
        d.state.onList { $0.select(uuid: "u-b") }
        d.press(.control("r"))
        #expect(d.screen.contains("Recover · failed deliveries of Crm") && d.state.status?.text.contains("one at a time") == true)
    }

    @Test func theRunsScreenWatchesTheOutcomeOfItsRange() {
        var (d, _) = started()
        d.press(.control("r"))
        #expect(d.screen.contains("Recover · failed deliveries of Orders"))
        d.send(.tick)
        let asked = d.drain().compactMap(\.query)
        #expect(asked.count == 4, "one limit-1 query a status: \(asked.count)")
        #expect(asked.allSatisfy { $0.1.uuid == "u-1" && $0.1.dateFrom == 1_799_999_880 && $0.1.dateTo == 1_800_000_000 && $0.1.limit == 1 },
                "this webhook, the range of the events it replays")
        #expect(Set(asked.compactMap(\.1.status)) == Set(DeliveryTally.statuses))
        #expect(d.screen.contains("… success · … failed"), "… until known")
        for (id, query) in asked {
            let total = query.status == .success ? 2 : query.status == .pending ? 1 : 0
            d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: [], total: total, limit: 1, offset: 0)))))
        }
        #expect(d.screen.contains("2 success · 0 failed · 0 retry · 1 pending"), "\(d.screen)")
        #expect(d.state.screen(RecoverScreen.self)?.wakeAt == d.now + RecoverOutcome.every, "asked again in 15 s")
        d.now += RecoverOutcome.every
        d.send(.tick)
        #expect(d.drain().compactMap(\.query).count == 4)
        // Left: nothing more is asked.
        d.press(.escape)
        d.now += 60
        d.send(.tick)
        #expect(d.drain().compactMap(\.query).filter { $0.1.dateTo == 1_800_000_000 }.isEmpty)
    }
}

/// Issue 29, item 5: the recover screen's outcome is asked for again once the run has ended, so
/// that "done" never shows figures taken before its last replays.
@Suite struct RecoverOutcomeAfterTheEndTests {
    let filter = RecoverFilter(uuid: "u-1")

    @Test func theEndMakesTheFiguresDueAtOnce() {
        var o = RecoverOutcome(filter: filter, from: 1, to: 2)
        o.askedAt = 100
        #expect(o.dueAt == 100 + RecoverOutcome.every)
        o.runEnded()
        #expect(o.dueAt == -.infinity, "due now")
        o.askedAt = 120
        o.runEnded()
        #expect(o.dueAt == 120 + RecoverOutcome.every, "once per run's end")
    }

    @Test func figuresInFlightAtTheEndAreAskedForAgainAfterTheyCome() {
        var o = RecoverOutcome(filter: filter, from: 1, to: 2)
        o.askedAt = 100
        o.outstanding = 4
        o.runEnded()
        #expect(o.dueAt == nil)
        for status in RecoverOutcome.statuses {
            o.answered(status, .success(DeliveryPage(events: [], total: 3, limit: 1, offset: 0)))
        }
        #expect(o.dueAt == -.infinity, "the answers asked before the end are followed by a new ask")
    }
}
