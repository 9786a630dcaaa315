import Foundation
import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// Every screen and modal as a whole frame at 80 x 24, compared with `Golden/<test name>.txt`;
/// a difference prints the rows that differ. UPDATE_GOLDEN=1 rewrites them all.
@Suite struct GoldenFrameTests {
    func expectFrame(_ d: Driver, name: String = #function, ascii: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = String(name.prefix { $0 != "(" })
        let result = Golden.check(render(d.state), file, ascii: ascii)
        #expect(result.matches, "frame \(file) differs:\n\(result.diff)", sourceLocation: sourceLocation)
    }

    let lists = ListChangesTests()
    let logs = DeliveryLogTests()

    // MARK: Screens

    @Test func list() { expectFrame(lists.loaded()) }

    /// The health column with figures (red when any failed), `…` and `?`, sorted by failures.
    @Test func listWithHealth() {
        var d = lists.loaded()
        d.send(.tick)
        for case let (id, query)? in d.drain().map(\.backgroundQuery) where query.uuid != "u-c" {
            let count = query.uuid == "u-b" ? (query.status == .failed ? 12 : 340) : (query.status == .failed ? 0 : 5)
            d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: [], total: count, limit: 1, offset: 0)))))
        }
        d.press(.character("o"))
        expectFrame(d)
    }

    @Test func listFiltered() {
        var d = lists.loaded()
        d.press(.character("/"))
        d.type("a")
        expectFrame(d)
    }

    @Test func details() {
        var d = lists.loaded()
        d.state.onList { $0.select(uuid: "u-c") }
        d.press(.enter)
        expectFrame(d)
    }

    /// Details with the failures chart drawn: an outage of two hours in the last 24, and a
    /// success an hour.
    func detailsWithChartDrawn() -> Driver {
        var d = lists.loaded()
        d.state.onList { $0.select(uuid: "u-c") }
        d.press(.enter)
        // The counts go in the background; the chart's pages as the person's own asks.
        for case let (id, query)? in d.drain().map({ $0.backgroundQuery ?? $0.query }) {
            guard query.limit == 1_000, let to = query.dateTo else {
                let failed = query.status == .failed
                d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: [], total: failed ? 40 : 64, limit: 1, offset: 0)))))
                continue
            }
            let failedTimes = (0..<40).map { to - 5 * 3_600 - $0 * 180 }
            let times = query.status == .failed ? failedTimes : ((0..<24).map { to - $0 * 3_600 - 60 } + failedTimes).sorted(by: >)
            let rows = times.map { Delivery(id: "evt_\($0)", uuid: "u-c", eventType: EventName("outbound.delivered"), createdAt: $0,
                                            latestStatus: failedTimes.contains($0) ? "failed" : "success") }
            d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: rows, total: rows.count, limit: 1_000, offset: 0)))))
        }
        return d
    }

    @Test func detailsWithChart() { expectFrame(detailsWithChartDrawn()) }

    /// R on details: what will happen, the secret file, the countdown, the receiver test.
    @Test func rotate() { expectFrame(RotationFlowTests().openRotation()) }

    /// The rotation at its overlap, waiting for the yes that disables the old webhook.
    @Test func rotationAsking() {
        let flow = RotationFlowTests()
        var d = flow.openRotation()
        d.press(.enter)
        _ = d.drain()
        flow.report(&d, .progress(flow.journal(), .asking(.disableOld, "Disable \"\(flow.old.name)\" now (the twin then delivers alone)?"), said: nil))
        expectFrame(d)
    }

    /// The same under LANG=C: `#` failed, `:` the others.
    @Test func detailsWithChartASCII() { expectFrame(detailsWithChartDrawn(), ascii: true) }

    @Test func deliveryLog() {
        var d = logs.openLog()
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 250)
        expectFrame(d)
    }

    @Test func deliveryLogOfAll() {
        var d = logs.openLog(key: "L")
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 3)
        expectFrame(d)
    }

    /// Issue 32: seeded names that share long starts, and URLs with a token in their query.
    static let prefixedHooks: [Webhook] = (1...16).map { i in
        let name = i <= 12 ? "Seed Hook \(String(100_000 + i).dropFirst())" : ["Bounce handler", "Bounce handler (EU)", "Bounce handler (US)", "Bounce handler (APAC)"][i - 13]
        return Webhook(uuid: "u-\(i)", name: name, url: "https://hooks\(i % 3).example.com/in/webhook?token=secret\(i)abc",
                       events: [EventName(.outboundDelivered)], status: .enabled)
    }

    @Test func listSharedPrefixes() {
        let d = lists.loaded(Self.prefixedHooks)
        let screen = d.screen
        #expect(!screen.contains("token") && !screen.contains("secret"), "no query in a list")
        expectFrame(d)
    }

    @Test func deliveryLogOfAllSharedPrefixes() {
        var d = lists.loaded(Self.prefixedHooks)
        _ = d.drain()
        d.press(.character("L"))
        let (id, _) = logs.queries(&d)[0]
        let events = (0..<18).map { i in
            Delivery(id: "evt_\(i)", uuid: "u-\(i % 16 + 1)", service: "outbound", eventType: EventName(.outboundDelivered), sourceUID: "msg_\(i)",
                     sourceAction: "delivered", payload: .object([:]), webhookURL: "", createdAt: 1_800_000_000 - i * 60, latestStatus: "success",
                     totalAttempts: 1, lastResponseCode: 200)
        }
        d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: events, total: 18, limit: DeliveryLogScreen.pageSize, offset: 0)))))
        expectFrame(d)
    }

    @Test func event() {
        var d = logs.openLog()
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 3)
        d.press(.enter)
        expectFrame(d)
    }

    @Test func emptyForm() { expectFrame(Driver()) }

    @Test func editForm() {
        var d = lists.loaded()
        d.state.onList { $0.select(uuid: "u-c") }
        d.press(.character("e"))
        expectFrame(d)
    }

    @Test func errorsShown() {
        var d = Driver()
        d.type("Prod hook!")
        d.press(.tab); d.type("ftp://example.com")
        d.press(.tab, .tab, .tab); d.type("bad user")
        d.press(.tab); d.type("example.com")
        d.press(.control("s"))
        expectFrame(d)
    }

    @Test func inFlight() {
        var d = Driver()
        d.type("Production Webhook")
        d.press(.tab); d.type("http://10.0.0.5/hook")
        d.press(.tab, .character("o"), .control("s"))
        d.now += 2.34
        d.send(.tick)
        expectFrame(d)
    }

    @Test func tooSmall() {
        var d = Driver()
        d.send(.resize(columns: 60, rows: 20))
        expectFrame(d)
        d.send(.resize(columns: 80, rows: 24))
        #expect(render(d.state).text.contains("Create webhook"))
    }

    /// A recover running: the run's screen (Ctrl-R on its log), with its progress, rate and journal.
    @Test func recoverRunning() {
        var (d, _) = RecoverFlowTests().started()
        var progress = RecoverRun.Progress(total: 3)
        progress.done = 1
        progress.enqueued = 1
        progress.last = ("evt_2", .enqueued, nil)
        d.sendRecover(.progress(progress, perMinute: 1, secondsLeft: 2))
        d.press(.control("r"))
        expectFrame(d)
    }

    /// Two rows of a log marked with Space.
    @Test func deliveryLogMarked() {
        var d = logs.openLog()
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 250)
        d.press(.character(" "), .down, .down, .character(" "))
        expectFrame(d)
    }

    // MARK: Modals

    /// The plan as the question: what, how many, oldest first, how long.
    @Test func recoverQuestion() {
        var (d, id, filter) = RecoverFlowTests().askToRecover()
        d.send(.answered(id, .recoverPlanned(.success(RecoverProposal(.fresh(RecoverFlowTests().plan(filter)), webhookName: "Orders", perMinute: 200)))))
        expectFrame(d)
    }

    @Test func secretModal() {
        var d = Driver()
        d.type("Production Webhook")
        d.press(.tab); d.type("https://example.com/webhook")
        d.press(.tab, .character(" "), .control("s"))
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        expectFrame(d)
    }

    @Test func help() {
        var d = Driver()
        d.press(.function(1))
        expectFrame(d)
    }

    @Test func helpOnTheList() {
        var d = lists.loaded()
        d.press(.function(1))
        expectFrame(d)
    }

    @Test func deleteQuestion() {
        var d = lists.loaded()
        d.state.onList { $0.select(uuid: "u-b") }
        d.press(.character("d"))
        expectFrame(d)
    }

    @Test func replayQuestionInTheLogOfAll() {
        var d = logs.openLog(key: "L")
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 3)
        d.press(.character("R"))
        expectFrame(d)
    }

    @Test func quitQuestion() {
        var d = Driver()
        d.type("x")
        d.press(.control("q"))
        expectFrame(d)
    }

    @Test func eventTypePicker() {
        var d = logs.openLog(key: "L")
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 3)
        d.press(.character("t"))
        expectFrame(d)
    }

    @Test func usersPicker() {
        var d = Driver()
        d.send(.settled)
        d.send(.answered(id: 1, .choices(users: .success(AccountNames(names: ["transactional-main", "smarthost-eu"])), domains: .success([]))))
        d.state.form.focus = .filterUsers
        d.press(.function(2))
        expectFrame(d)
    }

    @Test func apiKeyPrompt() {
        expectFrame(Driver(AppState(endpoint: "api.jetemail.com", maskedKey: nil, isDemo: false, needsKey: true)))
    }

    @Test func secretFilePrompt() {
        var d = Driver()
        d.state.secretFilePath = "./ops.whsec"
        d.type("Ops")
        d.press(.tab); d.type("https://example.com/ops")
        d.press(.tab, .character(" "), .control("s"))
        d.send(.secretFileRefused(id: 1, .exists("./ops.whsec")))
        expectFrame(d)
    }

    @Test func receiverTestPrompt() {
        var d = lists.loaded()
        d.state.onList { $0.select(uuid: "u-b") }
        d.press(.enter, .character("x"))
        expectFrame(d)
    }

    @Test func widerTerminalWidensFields() {
        var d = Driver()
        d.send(.resize(columns: 120, rows: 30))
        d.type(String(repeating: "n", count: 64))
        let grid = render(d.state)
        #expect(grid.text.contains(String(repeating: "n", count: 64)))
        #expect(grid.text.contains("64/64"))
    }
}

extension GoldenFrameTests {
    /// Each screen's golden frame, by its registry name (where the frame's test has another name).
    static let goldenOfScreen = ["deliveries": "deliveryLog", "form": "emptyForm", "recover": "recoverRunning"]

    /// A registered screen without a golden frame fails here: a new screen comes with its frame.
    @Test func everyRegisteredScreenHasAGoldenFrame() {
        for kind in ScreenRegistry.all {
            let name = Self.goldenOfScreen[kind.name] ?? kind.name
            #expect(FileManager.default.fileExists(atPath: Golden.directory() + "/\(name).txt"),
                    "the \(kind.name) screen has no golden frame (Golden/\(name).txt): add a test here that renders it")
        }
    }
}
