import JetEmailClient
import TerminalUI

/// `F`: following the log. Every `interval` seconds one query (through the budget, in the
/// background) asks for deliveries newer than the newest shown, with the log's filters; those
/// not seen yet go on top. The selection stays on its row; while the person is scrolled away
/// the view stays put and the header counts what is new above (Home goes there).
extension DeliveryLogScreen {
    public struct Follow: Sendable, Equatable {
        public static let interval = 5.0

        public var on = false
        /// Arrived while following, newest first: the table's first rows, above the pages.
        public var arrived: [Delivery] = []
        /// Arrived while the person was scrolled away from the top.
        public var unseen = 0
        public var dueAt: Double?
        public var inFlight = false
        /// The rows on screen are being asked again (their status now).
        public var refreshInFlight = false
        /// The newest shown, where each poll starts.
        public var news = NewDeliveries()

        /// The filters changed or the log was reloaded: what arrived is in the pages now.
        mutating func restart(now: Double) {
            arrived = []
            unseen = 0
            inFlight = false
            refreshInFlight = false
            news = NewDeliveries(from: news.from)
            if on { dueAt = now + Self.interval }
        }
    }

    /// `F` on or off.
    mutating func toggleFollow(_ context: ScreenContext) -> Outcome {
        if follow.on {
            follow.on = false
            follow.dueAt = nil
            let stop: Outcome = follow.inFlight ? .cancel(DeliveryLogTag.follow) : .none
            follow.inFlight = false
            return stop.with(.info, "Stopped following.")
        }
        follow.on = true
        follow.news.from = context.unixNow - 1
        follow.dueAt = context.now
        // The API has no "changed since": a poll asks by creation time, so an older delivery
        // that reaches the filtered status later is not among what is new. Said, not hidden.
        let later = statusFilter.map { $0 == .pending ? "" : " (an older one turning \($0.rawValue) shows on r)" } ?? ""
        let what = statusFilter.map { "new \($0.rawValue) deliveries" } ?? "new deliveries"
        return poll(context).with(.info, "Following: \(what) appear at the top every \(Int(Follow.interval)) s\(later). F stops.")
    }

    /// Asks for what is new, when due.
    mutating func poll(_ context: ScreenContext) -> Outcome {
        guard follow.on, !follow.inFlight, let due = follow.dueAt, context.now >= due else { return .none }
        guard context.isOnTop, total != nil else {
            // Not seen, or the first page not in: look again later. (A 429's hold is waited out
            // in the request path: a poll is background work.)
            follow.dueAt = context.now + Follow.interval
            return .none
        }
        let q = follow.news.query(query(page: 0))
        follow.inFlight = true
        follow.dueAt = nil
        var outcome = Outcome.send(.api(DeliveryLogTag.follow, .query(q), priority: .background))
        if !follow.refreshInFlight, let refresh = refreshQuery() {
            follow.refreshInFlight = true
            outcome.requests.append(.api(DeliveryLogTag.refresh, .query(refresh), priority: .background))
        }
        return outcome
    }

    /// The rows on screen that may still change (any status but success), asked again by
    /// their time range: one query, whatever their number, so that a replayed row turns
    /// success (or failed again) without `r`. Nil when none may change.
    func refreshQuery() -> DeliveryQuery? {
        let rows = cursor.visible.compactMap { delivery(at: $0) }.filter { $0.status != .success }
        let times = rows.compactMap(\.createdAt)
        guard let from = times.min(), let to = times.max() else { return nil }
        return DeliveryQuery(uuid: webhook?.uuid, eventType: eventTypeFilter, dateFrom: from, dateTo: to, limit: DeliveryLogScreen.pageSize)
    }

    /// The rows asked again: each one shown takes its status, attempts and last code as they
    /// are now (matched by id and webhook; others are not added).
    mutating func refreshed(_ result: Result<DeliveryPage, JetEmailError>) {
        follow.refreshInFlight = false
        guard case .success(let page) = result else { return }
        var now: [String: Delivery] = [:]
        for delivery in page.events { now[delivery.id + "\u{0}" + delivery.uuid] = delivery }
        func update(_ row: inout Delivery) {
            guard let fresh = now[row.id + "\u{0}" + row.uuid] else { return }
            row.latestStatus = fresh.latestStatus
            row.totalAttempts = fresh.totalAttempts
            row.lastResponseCode = fresh.lastResponseCode
        }
        for index in follow.arrived.indices { update(&follow.arrived[index]) }
        for number in Array(pages.keys) {
            guard var page = pages[number] else { continue }
            for index in page.indices { update(&page[index]) }
            pages[number] = page
        }
    }

    /// A poll's answer: what is new goes on top.
    mutating func followed(_ result: Result<DeliveryPage, JetEmailError>, _ context: ScreenContext) -> Outcome {
        guard follow.inFlight else { return .none }
        follow.inFlight = false
        follow.dueAt = context.now + Follow.interval
        let page: DeliveryPage
        switch result {
        case .success(let answer): page = answer
        case .failure(.heldByRateLimit), .failure(.cancelled): return .none
        case .failure(let error): return .status(.warning, "Following, tried again in \(Int(Follow.interval)) s: " + error.readMessage)
        }
        let new = follow.news.fresh(page.events, now: context.unixNow)
        guard !new.isEmpty else { return .none }
        let scrolledAway = cursor.top > 0
        follow.arrived.insert(contentsOf: new, at: 0)
        if scrolledAway { follow.unseen += new.count }
        cursor.insertAbove(new.count, keepingView: scrolledAway)
        lastMark = lastMark.map { $0 > Int.max - new.count ? $0 : $0 + new.count }
        // Pages asked before these arrived were asked at the old offsets: ask again.
        var outcome = Outcome.cancel(inFlight.sorted().map { DeliveryLogTag.page($0) })
        inFlight = []
        outcome += fill(context)
        if page.total > page.events.count {
            outcome = outcome.with(.warning, "More than \(NewDeliveries.pollLimit) new deliveries in one poll: r reloads the log to see them all.")
        }
        return outcome
    }
}
