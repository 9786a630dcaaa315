import JetEmailClient
import TerminalUI

/// The delivery log of one webhook or of all, newest first. Pages of 100 are fetched as the
/// selection nears them and dropped when it moves far away, so that scrolling through 200,000
/// events holds a few hundred; rows not loaded yet show as loading, and no key ever waits.
public struct DeliveryLogScreen: Screen {
    public static let pageSize = 100
    /// Pages kept on each side of the selection's page.
    public static let keptPages = 2
    /// Within this many rows of a page's end, the next page is fetched.
    public static let prefetchMargin = 30

    /// The webhook whose log this is, or nil for all.
    public var webhook: Webhook?
    /// Webhook names by uuid, for the log of all.
    public var names: [String: String] { didSet { longestName = Self.longest(names) } }
    /// The widest of them on screen (at most the Webhook column's cap): measured once, not every frame.
    public private(set) var longestName = 0
    public var statusFilter: DeliveryStatus?
    public var eventTypeFilter: String?
    /// `/`: one event id or source uid, looked up exactly.
    public var lookup: Lookup?
    public var lookupInput = TextInput()
    /// Keys go to the lookup while it is typed.
    public var lookupTyping = false
    /// `s`: only deliveries since this time, as typed (`2h`, `14:00`, `2026-11-27T14:00`)…
    public var sinceText: String?
    /// …and what it meant when it was typed (unix seconds).
    public var sinceFrom: Int?
    public var sinceInput = TextInput()
    /// Keys go to the time filter while it is typed.
    public var sinceTyping = false
    public var cursor = TableCursor()
    /// From the last page's answer; nil until the first arrives.
    public var total: Int?
    /// Loaded pages by number.
    public var pages: [Int: [Delivery]] = [:]
    /// Pages asked for.
    public var inFlight: Set<Int> = []
    /// The last fetch failed: why (shown in the rows that are missing).
    public var failure: String?
    /// When the first page was asked for, while none has come (for the seconds in the header).
    public var loadingSince: Double?
    /// `F`: new deliveries are asked for every few seconds and put on top (see DeliveryLogFollow).
    public var follow = Follow()
    /// Marked rows by event id and webhook, kept whole (see DeliveryLogMarks); the last row marked.
    public var marks: [String: Delivery] = [:]
    public var lastMark: Int?
    /// Replays of the marked rows, while their answers come.
    public var bulk: BulkReplay?

    public enum Lookup: Sendable, Equatable {
        /// Tried as an event id first; with no match, as a source uid.
        case eventID(String)
        case sourceUID(String)

        public var text: String {
            switch self { case .eventID(let t), .sourceUID(let t): t }
        }
    }

    public init(webhook: Webhook?, names: [String: String] = [:]) {
        self.webhook = webhook
        self.names = names
        longestName = Self.longest(names)
    }

    static func longest(_ names: [String: String]) -> Int {
        names.values.map { DisplayWidth.of(TerminalSafe.escaped($0), upTo: DeliveryColumns.webhookCap) }.max() ?? 0
    }

    /// The query for one page, with every filter that applies. Deliveries that arrived while
    /// following sit above the pages, and on the server too: the page's offset counts them.
    public func query(page: Int) -> DeliveryQuery {
        var q = DeliveryQuery(uuid: webhook?.uuid, status: statusFilter, limit: Self.pageSize, offset: page * Self.pageSize + follow.arrived.count)
        q.eventType = eventTypeFilter
        q.dateFrom = sinceFrom
        switch lookup {
        case .eventID(let id)?: q.eventID = id
        case .sourceUID(let uid)?: q.sourceUID = uid
        case nil: break
        }
        return q
    }

    /// Row `row` of the table: those that arrived while following, then the pages'.
    public func delivery(at row: Int) -> Delivery? {
        if row < follow.arrived.count { return row >= 0 ? follow.arrived[row] : nil }
        let base = row - follow.arrived.count
        guard let page = pages[base / Self.pageSize] else { return nil }
        let index = base % Self.pageSize
        return page.indices.contains(index) ? page[index] : nil
    }

    /// The row of the pages a table row shows (negative: one that arrived while following).
    func pageRow(_ row: Int) -> Int { row - follow.arrived.count }

    /// Rows in the table: the pages' total and those that arrived while following (never a
    /// trap on a total near Int.max).
    public var rowCount: Int? { total.map { $0 > Int.max - follow.arrived.count ? Int.max : $0 + follow.arrived.count } }

    public var selected: Delivery? { delivery(at: cursor.selection) }

    /// The types `t` offers: a webhook's own (those the log can filter by), or all 15.
    var eventTypes: [String] {
        guard let webhook else { return DeliveryQuery.eventTypes }
        let own = DeliveryQuery.eventTypes.filter { type in webhook.events.contains { $0.rawValue == type } }
        return own.isEmpty ? DeliveryQuery.eventTypes : own
    }

    /// The pages the screen needs now: those on screen, and the next (or previous) one when the
    /// selection is near its page's edge.
    var neededPages: Set<Int> {
        guard let total else { return [0] }
        guard total > 0 else { return [] }
        let lastPage = (total - 1) / Self.pageSize
        var needed = Set<Int>()
        let visible = max(0, pageRow(cursor.visible.lowerBound))..<max(0, pageRow(cursor.visible.upperBound))
        if !visible.isEmpty {
            for page in (visible.lowerBound / Self.pageSize)...((visible.upperBound - 1) / Self.pageSize) { needed.insert(page) }
        }
        let selection = max(0, pageRow(cursor.selection))
        let selectedPage = selection / Self.pageSize
        needed.insert(selectedPage)
        let within = selection % Self.pageSize
        if within >= Self.pageSize - Self.prefetchMargin { needed.insert(selectedPage + 1) }
        if within < Self.prefetchMargin, selectedPage > 0 { needed.insert(selectedPage - 1) }
        return needed.filter { $0 <= lastPage }
    }

    /// Pages worth keeping: near the selection, or on screen.
    func keeps(_ page: Int) -> Bool {
        abs(page - max(0, pageRow(cursor.selection)) / Self.pageSize) <= Self.keptPages || neededPages.contains(page)
    }

    /// What a recover from this log replays: what it shows (failed when it shows every status).
    /// What Ctrl-R plans: what the log shows; with no time filter on failed deliveries, the
    /// webhook's latest outage first (the question offers the whole log).
    public var recoverFilter: RecoverFilter? {
        webhook.map { webhook in
            let status = statusFilter ?? .failed
            let since = sinceText ?? (status == .failed ? RecoverFilter.outageWord : nil)
            return RecoverFilter(uuid: webhook.uuid, status: status, eventType: eventTypeFilter, since: since, dateFrom: sinceFrom)
        }
    }

    /// Filters in words, for the header: `failed · outbound.bounced · lookup evt_…`.
    public var filterSummary: [String] {
        var parts: [String] = []
        if let statusFilter { parts.append(statusFilter.rawValue) }
        if let eventTypeFilter { parts.append(eventTypeFilter) }
        if let sinceText { parts.append("since \(TerminalSafe.escaped(sinceText))") }
        switch lookup {
        case .eventID(let t)?: parts.append("event id \(TerminalSafe.escaped(t))")
        case .sourceUID(let t)?: parts.append("source uid \(TerminalSafe.escaped(t))")
        case nil: break
        }
        return parts
    }

    public var isLoading: Bool { !inFlight.isEmpty }

    // MARK: Screen

    public var title: String { webhook.map { "Deliveries · " + TerminalSafe.escaped($0.name) } ?? "Deliveries · all webhooks" }
    public var minimumSize: Size { DeliveryLogView.minimumSize }
    public var isTyping: Bool { lookupTyping || sinceTyping }
    public var keys: [Binding<DeliveryLogScreen>] {
        lookupTyping ? Self.lookupKeys : sinceTyping ? Self.sinceKeys : Self.mainKeys + Self.movingKeys
    }
    public var helpSections: [HelpSection] { Self.referenceSections }
    public var wantsTicks: Bool { isLoading && total == nil }
    /// The next poll while following.
    public var wakeAt: Double? { follow.on ? follow.dueAt : nil }

    public mutating func tick(_ context: ScreenContext) -> Outcome { poll(context) }

    public mutating func fit(_ context: ScreenContext) {
        cursor.viewHeight = DeliveryLogView.visibleRows(rows: context.rows)
    }

    /// The pages it shows, asked for when it is pushed or shown again, and rows newly in view
    /// after a resize; after a failure, only when the person asks (r, as the message says) or a
    /// rate limit passes (`resumed`), never by a resize or a longer message.
    public mutating func appear(_ context: ScreenContext) -> Outcome {
        failure == nil ? fill(context) : .none
    }

    public mutating func resized(_ context: ScreenContext) -> Outcome {
        failure == nil ? fill(context) : .none
    }

    public mutating func resumed(_ context: ScreenContext) -> Outcome {
        fill(context) + resumeMarked()
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        DeliveryLogView.draw(self, rect: rect, focused: focused, context: context, into: &grid)
    }
}
