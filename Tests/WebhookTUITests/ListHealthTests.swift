import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// The list's health column: each webhook's failed of all deliveries in the last 24 hours, from
/// two `limit: 1` queries a row, rows on screen first, in the background, kept for 60 s; `o`
/// sorts by failures.
@Suite struct ListHealthTests {
    let lists = ListScreenTests()

    /// The health queries sent so far: (request id, query).
    /// (The sparkline's bucket counts, with a `dateTo`, are left out.)
    func healthQueries(_ d: inout Driver) -> [(Int, DeliveryQuery)] {
        d.drain().compactMap(\.backgroundQuery).filter { !($0.1.limit == 1 && $0.1.dateTo != nil) }
    }

    /// Answers every health query with `failed` / `total` by uuid.
    func answer(_ d: inout Driver, _ asked: [(Int, DeliveryQuery)], _ figures: [String: (Int, Int)]) {
        for (id, query) in asked {
            guard let (failed, total) = figures[query.uuid ?? ""] else { continue }
            let count = query.status == .failed ? failed : total
            d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: [], total: count, limit: 1, offset: 0)))))
        }
    }

    func row(_ d: Driver, _ name: String) -> String { d.screen.split(separator: "\n").first { $0.contains(name) }.map(String.init) ?? "" }

    @Test func aTickAfterLoadingAsksTwoSmallQueriesARowInTheBackground() {
        var d = lists.loaded()
        #expect(healthQueries(&d).isEmpty, "nothing before the tick: a burst of keys asks once")
        d.send(.tick)
        let asked = healthQueries(&d)
        #expect(asked.count == 6, "three rows, two each")
        let since = Int(d.state.clock.epochAtStart + d.now) - 86_400
        for (_, q) in asked {
            // The failed one brings its newest rows too (their times draw the sparkline).
            #expect(q.limit == (q.status == .failed ? DeliveryHealth.sparkRows : 1) && q.dateFrom == since && (q.status == nil || q.status == .failed))
        }
        #expect(Set(asked.compactMap(\.1.uuid)) == ["u-a", "u-b", "u-c"])
        #expect(row(d, "billing").contains("…"), "… until known")
        answer(&d, asked, ["u-a": (0, 5), "u-b": (12, 340), "u-c": (0, 0)])
        #expect(row(d, "billing").contains("12/340") && row(d, "Alerts").contains("0/5"))
        // Red when any failed, plain when none.
        #expect(role(d, of: "12/340") == .error)
        #expect(role(d, of: "0/5") == .normal)
    }

    /// The style of the first cell of `text` on screen.
    func role(_ d: Driver, of text: String) -> Style.Role? {
        let lines = d.screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let row = lines.firstIndex(where: { $0.contains(text) }), let range = lines[row].range(of: text) else { return nil }
        return render(d.state)[row, lines[row].distance(from: lines[row].startIndex, to: range.lowerBound)].style.role
    }

    @Test func figuresAreKeptForAMinuteAndStayWhileTheyAreAskedAgain() {
        var d = lists.loaded()
        d.send(.tick)
        answer(&d, healthQueries(&d), ["u-a": (1, 5), "u-b": (2, 3), "u-c": (0, 0)])
        let wake = d.state.nextWake
        #expect(wake == d.now + 60, "the shell is asked to wake when they go stale")
        d.now += 30
        d.send(.tick)
        #expect(healthQueries(&d).isEmpty, "fresh for 60 s")
        d.now += 31
        d.send(.tick)
        let again = healthQueries(&d)
        #expect(again.count == 6)
        #expect(row(d, "billing").contains("2/3"), "the old figures stay while asked again")
    }

    @Test func aFigureThatCannotBeFetchedShowsAQuestionMarkAndAHostileTotalToo() {
        var d = lists.loaded()
        d.send(.tick)
        for (id, query) in healthQueries(&d) {
            let result: Result<DeliveryPage, JetEmailError> = switch query.uuid {
            case "u-a": .failure(.server(status: 500, message: "boom"))
            case "u-b": .success(DeliveryPage(events: [], total: -7, limit: 1, offset: 0))
            default: .success(DeliveryPage(events: [], total: 9, limit: 1, offset: 0))
            }
            d.send(.answered(id: id, .deliveries(result)))
        }
        #expect(row(d, "Alerts").contains(" ? "), "\(row(d, "Alerts"))")
        #expect(row(d, "billing").contains(" ? ") && !row(d, "billing").contains("-7"), "\(row(d, "billing"))")
        #expect(row(d, "Crm").contains("9/9"))
    }

    /// D6 (issue 27): a total that is not a count (text, missing: no `reportedTotal`) is `?`,
    /// never the rows that came (`1/1` before).
    @Test func aTotalThatIsNotACountShowsAQuestionMarkNotTheRowsThatCame() {
        var d = lists.loaded()
        d.send(.tick)
        let one = DeliveryLogTests.events(0, 1)
        for (id, query) in healthQueries(&d) {
            let page = query.uuid == "u-b" ? DeliveryPage(events: one, total: 1, limit: 1, offset: 0, reportedTotal: nil)
                : DeliveryPage(events: [], total: 9, limit: 1, offset: 0)
            d.send(.answered(id: id, .deliveries(.success(page))))
        }
        #expect(row(d, "billing").contains(" ? ") && !row(d, "billing").contains("1/1"), "\(row(d, "billing"))")
        #expect(row(d, "Crm").contains("9/9"))
    }

    @Test func oSortsByFailuresMostFirstThenByStatusAndTheHeaderSaysWhich() {
        var d = lists.loaded()
        #expect(d.screen.contains("3 webhooks · by name"))
        d.send(.tick)
        answer(&d, healthQueries(&d), ["u-a": (1, 5), "u-b": (0, 3), "u-c": (40, 41)])
        d.press(.character("o"))
        #expect(d.screen.contains("3 webhooks · by failures (24 h)"))
        #expect(lists.listState(d)?.table.rows.map(\.webhook.name) == ["Crm", "Alerts", "billing"])
        d.press(.character("o"))
        #expect(d.screen.contains("by status"))
        #expect(lists.listState(d)?.table.rows.map(\.webhook.name) == ["billing", "Crm", "Alerts"], "enabled first, by name")
        d.press(.character("o"))
        #expect(lists.listState(d)?.table.rows.map(\.webhook.name) == ["Alerts", "billing", "Crm"])
    }

    @Test func onlyTheSeenListAsksAndAtMostEightAreOutAtOnce() {
        let many = (0..<30).map { i in
            Webhook(uuid: "u-\(i)", name: String(format: "hook-%02d", i), url: "https://h.example.com/\(i)", events: [EventName(.outboundDelivered)], status: .enabled)
        }
        var d = lists.loaded(many)
        d.send(.tick)
        let first = healthQueries(&d)
        #expect(first.count == 8, "at most eight out")
        #expect(Set(first.compactMap(\.1.uuid)) == ["u-0", "u-1", "u-2", "u-3"], "rows on screen first, from the top")
        // A log pushed over the list: answers still land, but nothing more is asked meanwhile.
        d.press(.character("l"))
        _ = d.drain()
        answer(&d, first, Dictionary(uniqueKeysWithValues: (0..<4).map { ("u-\($0)", (0, 1)) }))
        #expect(healthQueries(&d).isEmpty)
        d.press(.escape)
        d.now += 6
        d.send(.tick)
        #expect(healthQueries(&d).count == 8, "back on the list, the next rows are asked")
    }

    /// Asks and answers health queries, tick by tick, until none is asked.
    func answerAll(_ d: inout Driver, failed: (String) -> Int) -> Int {
        var asked = 0
        for _ in 0..<1_000 {
            d.send(.tick)
            let queries = healthQueries(&d)
            if queries.isEmpty { break }
            asked += queries.count
            for (id, query) in queries {
                let uuid = query.uuid ?? ""
                let count = query.status == .failed ? failed(uuid) : 10
                d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: [], total: count, limit: 1, offset: 0)))))
            }
        }
        return asked
    }

    @Test func aLargeAccountSortedByFailuresCountsEveryWebhookAndSaysHowManyAreCounted() {
        // Above 100 webhooks only the rows on screen were counted, so the failure sort put a
        // failing webhook further down below the ones that happened to have been seen.
        let many = (0..<150).map { i in
            Webhook(uuid: "u-\(i)", name: String(format: "hook-%03d", i), url: "https://h.example.com/\(i)", events: [EventName(.outboundDelivered)], status: .enabled)
        }
        var d = lists.loaded(many)
        let byName = answerAll(&d) { _ in 0 }
        #expect(byName == 2 * ListView.visibleRows(rows: 24), "sorted by name: the rows on screen only (\(byName) queries)")
        d.press(.character("o"))
        #expect(d.screen.contains("150 webhooks · by failures (24 h), \(ListView.visibleRows(rows: 24)) of 150 counted"), "\(d.screen)")
        let rest = answerAll(&d) { $0 == "u-137" ? 40 : 0 }
        #expect(rest == 2 * (150 - ListView.visibleRows(rows: 24)), "every other webhook once (\(rest) queries)")
        #expect(d.screen.contains("150 webhooks · by failures (24 h)") && !d.screen.contains("counted"), "all counted: the header says no more")
        #expect(d.state.list?.table.rows.first?.webhook.uuid == "u-137", "the failing one on top")
        // Rows on screen are asked again after a minute; the rest, seen only by the sort, after 5 minutes.
        d.now += 61
        #expect(answerAll(&d) { $0 == "u-137" ? 40 : 0 } == 2 * ListView.visibleRows(rows: 24))
        d.now += 300
        #expect(answerAll(&d) { $0 == "u-137" ? 40 : 0 } == 2 * 150, "after 5 minutes every one")
    }
}

/// Details show a webhook's deliveries by status over the last hour, 24 hours and 7 days.
@Suite struct DetailsCountsTests {
    @Test func detailsAskTwelveCountsAndShowThemAsTheyCome() {
        var d = ListScreenTests().loaded()
        d.state.onList { $0.select(uuid: "u-b") }
        d.press(.enter)
        let effects = d.drain()
        let all = effects.compactMap(\.backgroundQuery)
        let asked = all.filter { $0.1.limit == 1 }
        let pages = effects.compactMap(\.query)
        #expect(asked.count == 12 && asked.allSatisfy { $0.1.uuid == "u-b" })
        #expect(pages.filter { $0.1.limit == 1_000 }.count == 2, "and the chart's first page of each series, as the person's own asks")
        #expect(Set(asked.compactMap(\.1.dateFrom)).count == 3, "an hour, a day, a week")
        #expect(d.screen.contains("… failed"))
        for (id, query) in asked {
            let day = query.dateFrom == Int(d.state.clock.epochAtStart + d.now) - 86_400
            let result: Result<DeliveryPage, JetEmailError> = query.status == .retry && !day
                ? .failure(.noAnswer(.timedOut, deadlineSeconds: 10))
                : .success(DeliveryPage(events: [], total: query.status == .failed ? (day ? 12 : 3) : 7, limit: 1, offset: 0))
            d.send(.answered(id: id, .deliveries(result)))
        }
        let day = d.screen.split(separator: "\n").first { $0.contains("last 24 hours") && $0.contains("success") }.map(String.init) ?? ""
        #expect(day.contains("7 success · 12 failed · 7 retry · 7 pending"), "\(day)")
        #expect(ListHealthTests().role(d, of: "12 failed") == .error && ListHealthTests().role(d, of: " · 7 retry") == .normal,
                "a failed figure is red, the separator after it is not")
        let hour = d.screen.split(separator: "\n").first { $0.contains("last hour") }.map(String.init) ?? ""
        #expect(hour.contains("? retry"), "one that could not be fetched: \(hour)")
        _ = d.drain()
        d.press(.escape, .enter)
        #expect(d.drain().compactMap(\.backgroundQuery).filter { $0.1.limit == 1 }.count == 12, "asked again when opened again")
    }

    /// Issue 29: shown again a while later (back from the log, after a recover or a replay),
    /// details ask for their figures and chart again; at once, they do not.
    @Test func detailsShownAgainAfterAWhileAskAgain() {
        var d = ListScreenTests().loaded()
        d.state.onList { $0.select(uuid: "u-b") }
        d.press(.enter)
        _ = d.drain()
        d.press(.character("l"))
        _ = d.drain()
        d.press(.escape)
        #expect(d.drain().compactMap(\.backgroundQuery).isEmpty, "back at once: the figures are fresh")
        d.press(.character("l"))
        _ = d.drain()
        d.now += 20
        d.press(.escape)
        let again = d.drain().compactMap { $0.backgroundQuery ?? $0.query }
        #expect(again.filter { $0.1.limit == 1 }.count == 12 && again.filter { $0.1.limit == 1_000 }.count == 2, "\(again.count)")
    }

    /// Issue 29, item 7: at 80 columns the key bar shows `^R recover` when the selected webhook
    /// has failures, and not otherwise (the bar follows the selection).
    @Test func theKeyBarOffersRecoverOnAWebhookWithFailures() {
        var d = ListScreenTests().loaded()
        d.send(.tick)
        for case let (id, query)? in d.drain().map(\.backgroundQuery) {
            let count = query.uuid == "u-b" ? (query.status == .failed ? 12 : 340) : (query.status == .failed ? 0 : 5)
            d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: [], total: count, limit: 1, offset: 0)))))
        }
        func bar() -> String { String(d.screen.split(separator: "\n").last ?? "") }
        d.state.onList { $0.select(uuid: "u-a") }
        #expect(!bar().contains("^R recover"), "no failures: \(bar())")
        d.state.onList { $0.select(uuid: "u-b") }
        #expect(bar().contains("^R recover") && d.state.columns == 80, "12 failed: \(bar())")
    }

    /// Issue 29: a sparkline of the last 24 hours' failures, 3 hours a character, from the rows
    /// the failed count brings; where they do not reach, a count a bucket.
    @Test func theSparklineDrawsFailuresOverTheDay() {
        let now = 1_800_000_000
        var h = DeliveryHealth(askedAt: 0)
        h.asking(uuid: "u", nowUnix: now)
        let times = [now - 100, now - 200, now - 7 * 3_600]
        let rows = times.map { Delivery(id: "e\($0)", uuid: "u", eventType: EventName("outbound.delivered"), createdAt: $0, latestStatus: "failed") }
        var whole = h
        whole.answered(failedOnly: true, .success(DeliveryPage(events: rows, total: 3, limit: 100, offset: 0)))
        whole.answered(failedOnly: false, .success(DeliveryPage(events: [], total: 40, limit: 1, offset: 0)))
        #expect(whole.sparkline() == "     ▄ █", "oldest first: one 6-9 hours ago, two in the last 3: \(whole.sparkline() ?? "nil")")
        #expect(whole.spark?.missing(.failed).isEmpty == true, "every bucket from the rows")
        var part = h
        part.answered(failedOnly: true, .success(DeliveryPage(events: Array(rows.prefix(2)), total: 50, limit: 100, offset: 0)))
        part.answered(failedOnly: false, .success(DeliveryPage(events: [], total: 90, limit: 1, offset: 0)))
        #expect(part.sparkline() == "········", "only the newest rows came, inside the open bucket: each is counted: \(part.sparkline() ?? "nil")")
        #expect(part.spark?.missing(.failed) == Array(0...7))
        for index in 0...7 { part.spark?.fill(.failed, bucket: index, page: DeliveryPage(events: [], total: [5: 48, 7: 2][index] ?? 0, limit: 1, offset: 0)) }
        #expect(part.sparkline() == "     █ ▁", "\(part.sparkline() ?? "nil")")
        // Asked again a minute later: the closed buckets keep their counts; only the open one is asked.
        part.asking(uuid: "u", nowUnix: now + 60)
        #expect(part.spark?.missing(.failed) == [7], "\(part.spark?.missing(.failed) ?? [])")
    }

    /// The list asks a count for each bucket the rows did not reach, in the background.
    @Test func aBusyWebhooksSparklineIsCountedByBucket() {
        var d = ListScreenTests().loaded()
        d.send(.tick)
        let asked = d.drain().compactMap(\.backgroundQuery)
        guard let (id, q) = asked.first(where: { $0.1.status == .failed && $0.1.uuid == "u-b" }), let to = q.dateTo else { Issue.record("no failed query"); return }
        let rows = (0..<100).map { Delivery(id: "e\($0)", uuid: "u-b", eventType: EventName("outbound.delivered"), createdAt: to - $0 * 30, latestStatus: "failed") }
        d.send(.answered(id: id, .deliveries(.success(DeliveryPage(events: rows, total: 500, limit: 100, offset: 0)))))
        let counts = d.drain().compactMap(\.backgroundQuery).filter { $0.1.uuid == "u-b" && $0.1.limit == 1 && $0.1.dateTo != nil }
        // The rows span 50 minutes: the open bucket, and maybe into the one before.
        #expect((7...8).contains(counts.count), "the buckets the rows did not reach whole: \(counts.count)")
        #expect(counts.allSatisfy { $0.1.status == .failed && ($0.1.dateTo ?? 0) < to + 1 })
    }
}
