import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// The delivery log through the pure core: its keys, the window of pages it holds, its filters,
/// lookups and replays. Answers are sent as events, as the shell would.
@Suite struct DeliveryLogTests {
    static let hook = Webhook(uuid: "u-1", name: "Orders", url: "https://orders.example.com/hook",
                              events: [EventName(.outboundDelivered), EventName(.outboundBounced)], status: .enabled)

    /// `count` events, numbered from `from`, newest first.
    static func events(_ from: Int, _ count: Int, status: String = "success") -> [Delivery] {
        (from..<from + count).map { i in
            Delivery(id: "evt_\(i)", uuid: "u-1", service: "outbound", eventType: EventName(.outboundDelivered), sourceUID: "msg_\(i / 3)",
                     sourceAction: "delivered", payload: .object(["id": .string("evt_\(i)"), "data": .object(["to": .string("a@example.org")])]),
                     webhookURL: hook.url, createdAt: 1_800_000_000 - i * 60, latestStatus: status, totalAttempts: 1, lastResponseCode: 200)
        }
    }

    /// The list with one webhook, and `l` pressed on it.
    func openLog(key: Character = "l") -> Driver {
        var d = Driver(AppState(home: .list, endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false))
        d.send(.start)
        _ = d.drain()
        d.send(.answered(id: 1, .list(.success([Self.hook]))))
        d.press(.character(key))
        return d
    }

    func log(_ d: Driver) -> DeliveryLogScreen? {
        if let log = d.state.topScreen.screen as? DeliveryLogScreen { return log }
        return nil
    }

    /// The queries sent since the last drain: (request id, query).
    func queries(_ d: inout Driver) -> [(Int, DeliveryQuery)] {
        d.drain().compactMap { if case let (id, .query(q))? = $0.interactiveCall { (id, q) } else { nil } }
    }

    /// Answers the request for `page` with a full page of a log of `total` events.
    func answer(_ d: inout Driver, id: Int, page: Int, total: Int) {
        let size = DeliveryLogScreen.pageSize
        let count = max(0, min(size, total - page * size))
        d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: Self.events(page * size, count), total: total, limit: size, offset: page * size)))))
    }

    @Test func lOpensTheSelectedWebhooksLogAndAsksForTheFirstPage() {
        var d = openLog()
        #expect(d.screen.contains("Deliveries · Orders") && d.screen.contains("Loading deliveries…"))
        let sent = queries(&d)
        #expect(sent.map(\.1) == [DeliveryQuery(uuid: "u-1", limit: 100, offset: 0)])
        answer(&d, id: sent[0].0, page: 0, total: 250)
        #expect(d.screen.contains("1-19 of 250 · all events"))
        #expect(d.screen.contains("evt_0") && d.screen.contains("outbound.delivered"))
        #expect(!d.screen.contains("Webhook "), "the log of one webhook has no webhook column")
    }

    @Test func capitalLOpensTheLogOfAllWithAWebhookColumn() {
        var d = openLog(key: "L")
        let sent = queries(&d)
        #expect(sent.map(\.1.uuid) == [nil])
        answer(&d, id: sent[0].0, page: 0, total: 3)
        #expect(d.screen.contains("Deliveries · all webhooks"))
        #expect(d.screen.contains("Webhook") && d.screen.contains("Orders"), "the webhook's name, from the list")
    }

    @Test func theNextPageIsFetchedAsTheSelectionNearsItsEndAndKeysNeverWait() {
        var d = openLog()
        let first = queries(&d)[0].0
        answer(&d, id: first, page: 0, total: 1_000)
        for _ in 0..<69 { d.press(.down) }
        #expect(queries(&d).isEmpty, "far from the end of the page, nothing more is asked")
        d.press(.down)
        let next = queries(&d)
        #expect(next.map(\.1.offset) == [100], "30 rows before the end, the next page")
        d.press(.pageDown, .pageDown)
        #expect(log(d)?.cursor.selection == 106, "the selection moves into rows not loaded yet")
        #expect(d.screen.contains("loading…"), "they say so")
        #expect(queries(&d).isEmpty, "the page in flight is not asked again")
        answer(&d, id: next[0].0, page: 1, total: 1_000)
        #expect(d.screen.contains("evt_106"))
    }

    @Test func pagesFarFromTheSelectionAreDroppedAndTheirFetchesCancelled() {
        var d = openLog()
        answer(&d, id: queries(&d)[0].0, page: 0, total: 100_000)
        // Jump to the end: the pages there are asked for, page 0 is forgotten.
        d.press(.end)
        let sent = queries(&d)
        #expect(sent.map(\.1.offset) == [99_900], "the last page, which holds every row on screen")
        #expect(log(d)?.pages[0] == nil, "page 0 is no longer held")
        d.press(.home)
        let back = d.drain()
        #expect(back.contains(.cancelSubmit(id: sent[0].0)), "the fetch at the end is stopped")
        #expect(back.contains { if case let (_, .query(q))? = $0.interactiveCall { q.offset == 0 } else { false } }, "page 0 is asked again")
        // An answer for a cancelled fetch changes nothing.
        answer(&d, id: sent[0].0, page: 999, total: 100_000)
        #expect(log(d)?.pages[999] == nil)
    }

    @Test func heldPagesStayBoundedWhileScrollingThroughThousands() {
        var d = openLog()
        var pending = queries(&d)
        var most = 0
        for _ in 0..<600 {
            for (id, q) in pending { answer(&d, id: id, page: (q.offset ?? 0) / 100, total: 20_000) }
            d.press(.pageDown)
            pending = queries(&d)
            most = max(most, log(d)?.pages.count ?? 0)
        }
        #expect((log(d)?.cursor.selection ?? 0) > 9_000)
        #expect(most <= 2 * DeliveryLogScreen.keptPages + 2, "a window of pages, not everything (\(most) held at most)")
    }

    @Test func fCyclesTheStatusFilterAndStartsOver() {
        var d = openLog()
        answer(&d, id: queries(&d)[0].0, page: 0, total: 300)
        d.press(.down, .down)
        var seen: [DeliveryStatus?] = []
        for _ in 0..<5 {
            d.press(.character("f"))
            let sent = queries(&d)
            seen.append(sent.last?.1.status)
            #expect(log(d)?.cursor.selection == 0 && log(d)?.total == nil, "a new filter starts from the top")
            answer(&d, id: sent.last!.0, page: 0, total: 5)
        }
        #expect(seen == [.failed, .retry, .pending, .success, nil])
        d.press(.character("f"))
        #expect(d.screen.contains("failed"), "the header names the filter")
    }

    @Test func tChoosesOneOfTheWebhooksTypesOrOfTheFifteenInTheLogOfAll() {
        var all = openLog(key: "L")
        answer(&all, id: queries(&all)[0].0, page: 0, total: 3)
        all.press(.character("t"))
        guard let every = all.state.topModal as? PickerModal else { Issue.record("no picker"); return }
        #expect(every.list.items.count == 16, "all types and the 15")
        #expect(all.screen.contains("outbound.queued"))
        var d = openLog()
        answer(&d, id: queries(&d)[0].0, page: 0, total: 3)
        d.press(.character("t"))
        guard let picker = d.state.topModal as? PickerModal else { Issue.record("no picker"); return }
        #expect(picker.list.items.map(\.label) == ["all types", "outbound.delivered", "outbound.bounced"], "the webhook's own two, not all 15")
        d.press(.escape)
        #expect(d.state.topModal == nil && queries(&d).isEmpty, "Esc leaves the filter as it was")
        d.press(.character("t"), .down, .down, .enter)
        #expect(queries(&d).map(\.1.eventType) == ["outbound.bounced"])
        #expect(d.screen.contains("outbound.bounced"))
    }

    @Test func slashLooksUpAnEventIdThenASourceUidAndEscClearsItFirst() {
        var d = openLog()
        answer(&d, id: queries(&d)[0].0, page: 0, total: 300)
        d.press(.character("/"))
        d.type("msg_7R")
        #expect(queries(&d).isEmpty, "typing sends nothing, and R does not replay")
        #expect(d.state.topModal == nil)
        d.press(.backspace, .enter)
        let byID = queries(&d)
        #expect(byID.map(\.1.eventID) == ["msg_7"] && byID[0].1.uuid == "u-1")
        d.send(.answered(id: byID[0].0, .deliveries(.success(DeliveryPage(events: [], total: 0, limit: 100, offset: 0)))))
        let byUID = queries(&d)
        #expect(byUID.map(\.1.sourceUID) == ["msg_7"] && byUID[0].1.eventID == nil, "no such event id: tried as a source uid")
        d.send(.answered(id: byUID[0].0, .deliveries(.success(DeliveryPage(events: Self.events(21, 3), total: 3, limit: 100, offset: 0)))))
        #expect(d.screen.contains("source uid msg_7"))
        d.press(.escape)
        #expect(log(d)?.lookup == nil && queries(&d).count == 1, "Esc clears the lookup and reloads")
        d.press(.escape)
        #expect(log(d) == nil, "with no lookup, Esc goes back to the list")
        #expect(d.state.topScreen.screen is ListScreen, "back on the list")
    }

    @Test func enterShowsTheEventWithItsPayloadIndented() {
        var d = openLog()
        answer(&d, id: queries(&d)[0].0, page: 0, total: 3)
        d.press(.down, .enter)
        let screen = d.screen
        #expect(screen.contains("Event id") && screen.contains("evt_1") && screen.contains("msg_0"))
        #expect(screen.contains("Payload") && screen.contains("    \"to\": \"a@example.org\""), "nested keys indented")
        d.press(.escape)
        #expect(log(d) != nil, "Esc goes back to the log")
    }

    @Test func replayFromTheLogOfOneWebhookGoesToItOnly() {
        var d = openLog()
        answer(&d, id: queries(&d)[0].0, page: 0, total: 3)
        d.press(.character("R"))
        #expect(d.screen.contains("Replay evt_0 to Orders?") && d.screen.contains("Replay it to Orders? y/N"))
        d.press(.character("n"))
        #expect(d.drain().isEmpty, "anything but y sends nothing")
        d.press(.character("R"), .character("y"))
        let calls = d.drain()
        guard case let (id, .replay(target))? = calls.first?.apiCall else { Issue.record("no replay sent: \(calls)"); return }
        #expect(target == ReplayTarget(.eventID("evt_0"), uuid: "u-1"))
        d.send(.answered(id: id, .replayed(.success(ReplayReceipt(eventID: "evt_0", status: "enqueued", message: "Event enqueued")))))
        #expect(d.screen.contains("The replay of evt_0 to Orders: enqueued (Event enqueued)."), "the answer says what was asked")
    }

    @Test func replayFromTheLogOfAllGoesToTheRowsWebhookAndToEveryoneOnlyWhenChosen() {
        var d = openLog(key: "L")
        answer(&d, id: queries(&d)[0].0, page: 0, total: 3)
        d.press(.enter, .character("R"))
        guard let dialog = d.state.confirm?.dialog else { Issue.record("no question"); return }
        #expect(dialog.message.hasPrefix("Replay evt_0 to Orders, the webhook this row was delivered to?"))
        #expect(dialog.message.contains("press a to replay it to every webhook subscribed to outbound.delivered"))
        #expect(d.screen.contains("Replay it to Orders? y/N, a: all"), "its y/N in view at 80 columns")
        #expect(d.screen.contains("a every subscribed webhook"), "the second choice is in the key bar")
        d.press(.character("Y"))
        guard case let (id, .replay(target))? = d.drain().first?.apiCall else { Issue.record("no replay sent"); return }
        #expect(target == ReplayTarget(.eventID("evt_0"), uuid: "u-1"), "y: the row's webhook only")
        d.send(.answered(id: id, .replayed(.success(ReplayReceipt(eventID: "evt_0", status: "enqueued", message: "")))))
        #expect(d.screen.contains("The replay of evt_0 to Orders: enqueued."), "the answer says what was asked")
        // a: every subscribed webhook, and the answer says so.
        d.press(.character("R"), .character("a"))
        guard case let (all, .replay(everyone))? = d.drain().first?.apiCall else { Issue.record("no replay sent"); return }
        #expect(everyone.uuid == nil)
        d.send(.answered(id: all, .replayed(.success(ReplayReceipt(eventID: "evt_0", status: "enqueued", message: "")))))
        #expect(d.screen.contains("The replay of evt_0 to every subscribed webhook: enqueued."))
        // Any other key: nothing.
        d.press(.character("R"), .character("n"))
        #expect(d.drain().isEmpty)
    }

    @Test func aRateLimitStopsFetchingAndThePagesComeWhenItPasses() {
        var d = openLog()
        let first = queries(&d)[0].0
        d.send(.rateLimitHold(BudgetWait(seconds: 30, reason: .rateLimited, otherProcesses: 1)))
        d.send(.answered(id: first, .deliveries(.failure(.rateLimited(retryAfter: 30, message: "slow down")))))
        #expect(d.state.rateLimit != nil && d.screen.contains("Rate limited"))
        d.press(.character("r"))
        let held = queries(&d)
        #expect(held.count == 1, "r goes to the request path, which refuses it while held")
        d.send(.answered(id: held[0].0, .deliveries(.failure(.heldByRateLimit(seconds: 30)))))
        #expect(!d.screen.contains("r reloads"), "held back is not a failure")
        d.now += 31
        d.send(.tick)
        #expect(queries(&d).map(\.1.offset) == [0], "asked again once it passes")
    }

    @Test func aNarrowTerminalDropsTheNarrowestColumnsFirst() {
        let columns = DeliveryColumns.columns(allWebhooks: true)
        let wide = TableColumn.widths(columns, for: 160)
        #expect(!wide.contains(0), "a wide terminal shows every column")
        let narrow = TableColumn.widths(columns, for: 76)
        let shown = zip(columns, narrow).filter { $0.1 > 0 }.map(\.0.title)
        #expect(shown.contains("Time") && shown.contains("Type") && shown.contains("Status"))
        #expect(!shown.contains("Att") && !shown.contains("Code"), "attempts and code give way first: \(shown)")
        #expect(narrow.reduce(0, +) + shown.count - 1 <= 76)
    }

    @Test func whatTheServerSendsIsShownEscapedAndAWrongPageNeverCrashes() {
        var d = openLog(key: "L")
        let id = queries(&d)[0].0
        var hostile = Self.events(0, 1)[0]
        hostile.id = "evt_\u{1b}]0;pwned\u{07}"
        hostile.eventType = EventName("outbound.\u{1b}[2Jqueued")
        hostile.payload = .object(["k\u{9b}": .string("\u{1b}[31mred")])
        // A total smaller than what was sent, and far fewer rows than the total on the next page.
        d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: [hostile] + Self.events(1, 150), total: 120, limit: 100, offset: 0)))))
        #expect(!d.screen.contains("\u{1b}") && !d.screen.contains("\u{9b}"))
        #expect(d.screen.contains("\\x1b"), "shown as text")
        d.press(.end)
        let next = queries(&d)
        #expect(next.map(\.1.offset) == [100])
        d.send(.answered(id: next[0].0, .deliveries(.success(DeliveryPage(events: Self.events(100, 3), total: 120, limit: 100, offset: 100)))))
        #expect(d.screen.contains("(server skipped)"), "rows the server did not send say so, not as a status")
        d.press(.home, .enter)
        #expect(!d.screen.contains("\u{1b}") && d.screen.contains("Payload"))
    }

    @Test func aPageThatNeverAnswersSaysNothingChangedAndRTriesAgain() {
        var d = openLog()
        let first = queries(&d)[0].0
        d.send(.answered(id: first, .deliveries(.failure(.noAnswer(.timedOut, deadlineSeconds: 30)))))
        #expect(d.screen.contains("No answer within 30 s. Nothing was changed; try again. r reloads."))
        #expect(!d.screen.contains("may have been created"), "a query is not a create")
        d.press(.character("r"))
        #expect(queries(&d).map(\.1.offset) == [0])
    }
}

extension DeliveryLogTests {
    /// Issue 28: a screen loads when it appears (pushed, or shown again), and after a resize for
    /// rows newly in view; never because its status line took a row more or less (`fit` sizes only).
    @Test func theLogLoadsWhenItAppearsAndOnAResizeButNotWhenItsStatusLineWraps() {
        var d = openLog()
        let first = queries(&d)
        #expect(first.map(\.1.offset) == [0], "asked once, when pushed")
        answer(&d, id: first[0].0, page: 0, total: 500)
        // A message that wraps onto three lines takes two rows from the log: sized, nothing asked.
        d.send(.budgetNotice(String(repeating: "a long notice that wraps ", count: 12)))
        #expect(queries(&d).isEmpty, "a rewrap of the status line loads nothing")
        // A taller window shows rows of the next page: asked for, once.
        d.send(.resize(columns: 80, rows: 24 + DeliveryLogScreen.pageSize + 10))
        #expect(queries(&d).map(\.1.offset) == [DeliveryLogScreen.pageSize], "rows newly in view are asked for")
        // An event's screen over it, then back: shown again, it asks for nothing it has (page 1 is still out).
        d.press(.enter)
        #expect(d.state.topScreen.screen is EventScreen)
        d.press(.escape)
        #expect(log(d) != nil && queries(&d).isEmpty, "nothing loaded twice")
    }
}
