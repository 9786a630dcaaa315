import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// `F` in a delivery log: new deliveries appear at the top as they arrive (a query for those
/// newer than the newest shown, every 5 s, in the background); the selection stays on its row;
/// scrolled away, the header counts what is new and Home goes there; `F` again stops.
@Suite struct FollowTests {
    let logs = DeliveryLogTests()

    /// Deliveries newer than evt_0 (1_800_000_000): `new_1` is the newest.
    static func newer(_ count: Int, from first: Int = 1) -> [Delivery] {
        (first..<first + count).reversed().map { i in
            var d = DeliveryLogTests.events(0, 1)[0]
            d.id = "new_\(i)"
            d.createdAt = 1_800_000_000 + i * 10
            return d
        }
    }

    /// Orders' log with 250 events, page 0 in, and F pressed: (driver, the poll's id and query).
    func following() -> (Driver, Int, DeliveryQuery) {
        var d = logs.openLog()
        // The machine's clock: these deliveries are a few minutes old at most, never ahead.
        d.state.clock.epochAtStart = 1_800_000_000
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 250)
        d.press(.character("F"))
        let polls = d.drain().compactMap(\.backgroundQuery).filter { $0.1.offset == 0 && $0.1.limit == 1000 }
        guard let poll = polls.last else { Issue.record("no poll"); return (d, 0, DeliveryQuery()) }
        return (d, poll.0, poll.1)
    }

    func answer(_ d: inout Driver, _ id: Int, _ events: [Delivery]) {
        d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: events, total: events.count, limit: 1000, offset: 0)))))
    }

    func nextPoll(_ d: inout Driver) -> (Int, DeliveryQuery)? {
        d.now += 5
        d.send(.tick)
        return d.drain().compactMap(\.backgroundQuery).last
    }

    /// Issue 29, item 5: following also asks again for the rows on screen that may still change
    /// (one query over their time range), so a replayed row turns success without `r`.
    @Test func followingAsksAgainForTheRowsOnScreenAndTheyTurnSuccess() {
        var d = logs.openLog()
        d.state.clock.epochAtStart = 1_800_000_000
        let pending = DeliveryLogTests.events(0, 100, status: "pending")
        d.send(.answered(id: logs.queries(&d)[0].0, .deliveries(.success(DeliveryPage(events: pending, total: 100, limit: 100, offset: 0)))))
        #expect(!d.screen.contains("success"))
        d.press(.character("F"))
        let asked = d.drain().compactMap(\.backgroundQuery)
        guard let (id, refresh) = asked.first(where: { $0.1.limit == 100 }) else { Issue.record("no refresh: \(asked)"); return }
        let shown = pending.prefix(19)
        #expect(refresh.uuid == "u-1" && refresh.status == nil && refresh.dateTo == shown.first?.createdAt && refresh.dateFrom == shown.last?.createdAt,
                "the rows on screen, by their time range, any status: \(refresh)")
        let now = Array(shown.map { var d = $0; d.latestStatus = "success"; d.totalAttempts = 2; return d })
        d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: now, total: now.count, limit: 100, offset: 0)))))
        let rows = d.screen.split(separator: "\n").map(String.init)
        #expect(rows[3].contains("success") && rows[3].contains("evt_0"), "\(rows[3])")
        // Rows that cannot change any more are not asked again.
        guard let (pollID, _) = asked.first(where: { $0.1.limit == 1000 }) else { return }
        answer(&d, pollID, [])
        d.press(.end)
        _ = d.drain()
        d.press(.home)
        guard let next = nextPollAll(&d) else { Issue.record("no poll"); return }
        let newest = shown.first?.createdAt
        let again = next.filter { $0.1.limit == 100 && $0.1.dateTo == newest }
        #expect(again.isEmpty, "every row on screen is a success now")
    }

    func nextPollAll(_ d: inout Driver) -> [(Int, DeliveryQuery)]? {
        d.now += 5
        d.send(.tick)
        let all = d.drain().compactMap(\.backgroundQuery)
        return all.isEmpty ? nil : all
    }

    @Test func fAsksForWhatIsNewerThanTheNewestShownAndItGoesOnTop() {
        var (d, id, q) = following()
        #expect(q.uuid == "u-1" && q.dateFrom == 1_800_000_000, "from the newest shown, this webhook's")
        #expect(d.screen.contains("1-19 of 250 · all events · following"))
        #expect(logs.log(d)?.wakeAt == nil, "no timer while the poll is out")
        // The newest shown comes again (same second): not twice. Two new ones go on top.
        answer(&d, id, Self.newer(2) + DeliveryLogTests.events(0, 1))
        let rows = d.screen.split(separator: "\n").map(String.init)
        #expect(rows[3].contains("new_2") && rows[4].contains("new_1") && rows[5].contains("evt_0"), "\(rows[3...5])")
        #expect(d.screen.contains("1-19 of 252"))
        #expect(logs.log(d)?.selected?.id == "evt_0", "the selection stays on its row")
        #expect(logs.log(d)?.wakeAt == d.now + 5, "the next poll in 5 s")
        // The next poll asks from the new newest.
        guard let (_, second) = nextPoll(&d) else { Issue.record("no second poll"); return }
        #expect(second.dateFrom == 1_800_000_020)
    }

    /// D7 (issue 27): one delivery stamped 10⁸ s ahead is shown once, but the polls do not
    /// start there: what arrives next is still shown.
    @Test func aDeliveryFromTheFarFutureDoesNotStopTheFollow() {
        var (d, id, _) = following()
        var future = Self.newer(1)[0]
        future.id = "future_1"
        future.createdAt = 1_800_000_000 + 100_000_000
        answer(&d, id, [future])
        #expect(d.screen.contains("future_1"))
        guard let (poll, q) = nextPoll(&d) else { Issue.record("no poll"); return }
        #expect(Double(q.dateFrom ?? .max) <= d.state.clock.epochAtStart + d.now + Double(NewDeliveries.clockSkew), "\(q.dateFrom ?? 0)")
        answer(&d, poll, [future] + Self.newer(2))
        let rows = d.screen.split(separator: "\n").filter { $0.contains("future_1") }
        #expect(rows.count == 1 && d.screen.contains("new_2") && d.screen.contains("new_1"), "the future one once, the new ones shown")
    }

    @Test func scrolledAwayTheViewStaysAndTheHeaderCountsWhatIsNewHomeGoesThere() {
        var (d, id, _) = following()
        answer(&d, id, [])
        d.press(.pageDown, .pageDown)
        let before = d.screen.split(separator: "\n").map(String.init)[3]
        guard let (poll, _) = nextPoll(&d) else { Issue.record("no poll"); return }
        answer(&d, poll, Self.newer(3))
        #expect(d.screen.contains("· following · 3 new (Home)"))
        #expect(d.screen.split(separator: "\n").map(String.init)[3] == before, "the same rows stay on screen")
        d.press(.home)
        #expect(!d.screen.contains("new (Home)") && d.screen.contains("new_3"))
    }

    @Test func pagesAskedAfterArrivalsCountThemInTheirOffsetsAndFStops() {
        var (d, id, _) = following()
        answer(&d, id, Self.newer(4))
        _ = d.drain()
        // Down to where page 1 is needed: its offset counts the 4 that arrived above.
        for _ in 0..<80 { d.press(.down) }
        let pages = logs.queries(&d)
        #expect(pages.map(\.1.offset) == [104], "\(pages.map(\.1.offset))")
        d.press(.character("F"))
        #expect(d.screen.contains("Stopped following") && !d.screen.contains("· following"))
        #expect(nextPoll(&d) == nil, "no poll once stopped")
    }

    @Test func aPollThatFailsSaysSoAndTriesAgain() {
        var (d, id, _) = following()
        d.send(.answered(id: id, .deliveries(.failure(.server(status: 502, message: "bad gateway")))))
        #expect(d.screen.contains("Following, tried again in 5 s:"))
        #expect(nextPoll(&d) != nil)
    }

    @Test func followingAStatusSaysWhatItCannotSee() {
        // A poll asks by creation time: an older delivery that turns failed later is not new.
        var d = logs.openLog()
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 250)
        d.press(.character("f"))
        let reload = logs.queries(&d)
        #expect(reload.first?.1.status == .failed)
        logs.answer(&d, id: reload[0].0, page: 0, total: 40)
        d.press(.character("F"))
        let said = d.state.status?.text ?? ""
        #expect(said.contains("new failed deliveries appear") && said.contains("an older one turning failed shows on r"), "\(said)")
        let words = d.screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("an older one turning failed shows on r). F stops."), "the whole of it on screen (wrapped): \(d.screen)")
    }
}
