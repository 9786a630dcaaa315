import JetEmailClient
import TerminalUI

/// The home screen: every webhook of the account, sorted by name, filtered by `/`. A change
/// shows as pending until the server agrees, goes back (with the error) if it refuses, and shows
/// as uncertain (`?`) when no clear answer came, until the next load.
public struct ListScreen: Screen {
    public enum Pending: Sendable, Equatable {
        case status(WebhookStatus)
        case deleting
    }

    /// As the server has them, sorted by name.
    public var webhooks: [Webhook] { store.webhooks }
    private var store = WebhookStore([])
    /// Name, URL and uuid of each, lowercased once, for the filter (a key must not lowercase
    /// 30,000 strings).
    private var searchText: [[UInt8]] = []
    /// The filter the rows were last made for, and the indices it matched: a filter typed
    /// further only narrows, so the next key searches those alone.
    private var lastNeedle: [UInt8] = []
    private var lastMatches: [Int]?
    public var table = ScrollingTable<WebhookRow>(columns: WebhookRow.columns)
    public var filter = TextInput()
    /// Keys go to the filter while it is typed.
    public var filterTyping = false
    /// A list request is in flight, since then.
    public var loading = false
    public var loadingSince: Double?
    /// A list has arrived at least once.
    public var loaded = false
    /// A rotation was running when last told: when it ends the webhooks have changed (a twin
    /// made, renamed, the old one deleted), and the list is read again.
    var rotationWasRunning = false
    /// The last load failed.
    public var failed = false
    /// The first load was cancelled (Esc): nothing is loading, and the header says so.
    public var loadCancelled = false
    /// Changes in flight, by uuid.
    public var pending: [String: Pending] = [:]
    /// Webhooks a change was sent to and no clear answer came (no answer, cancelled): they may
    /// or may not have changed, and show so until the next load.
    public var uncertain: Set<String> = []
    /// Changes answered while a load was in flight, by uuid (nil: deleted): that load's answer
    /// may be older than them, so they are laid over it when it comes.
    var changedDuringLoad: [String: Webhook?] = [:]
    /// Deliveries of the last 24 hours by uuid, for the rows on screen first.
    public var health: [String: DeliveryHealth] = [:]
    /// The rows on screen changed (moved, filtered, sorted, loaded): their figures are asked for
    /// at the next tick from then, so that a burst of keys asks once.
    public var healthDueAt: Double?
    public var sort = ListSort.name
    /// Marked webhooks by uuid (see ListMarks), and the row marked last.
    /// Recovers of this account that stopped before their end (their journals), newest first.
    public var stoppedRecovers: [StoppedRecover] = []
    public var marks: Set<String> = []
    public var lastMark: Int?

    public init() {}

    /// Equal when they show the same: the caches for the filter do not count.
    public static func == (a: ListScreen, b: ListScreen) -> Bool {
        a.webhooks == b.webhooks && a.table == b.table && a.filter == b.filter && a.filterTyping == b.filterTyping
            && a.loading == b.loading && a.loaded == b.loaded && a.failed == b.failed && a.loadCancelled == b.loadCancelled && a.pending == b.pending
            && a.uncertain == b.uncertain && a.changedDuringLoad == b.changedDuringLoad && a.loadingSince == b.loadingSince
            && a.health == b.health && a.sort == b.sort && a.healthDueAt == b.healthDueAt && a.marks == b.marks && a.lastMark == b.lastMark
    }

    public var selected: Webhook? { table.selectedRow?.webhook }

    public var isBusy: Bool { loading || !pending.isEmpty }

    // MARK: Screen

    public var title: String { "Webhooks" }
    public var minimumSize: Size { ListView.minimumSize }
    public var isTyping: Bool { filterTyping }
    public var keys: [Binding<ListScreen>] { filterTyping ? Self.filterKeys : Self.mainKeys + Self.movingKeys }

    /// The key bar follows the selection: on a webhook with failures in its figures (or a
    /// recover to go on with), `^R recover` comes right after `Enter`, so that 80 columns show it.
    public var barEntries: [BarEntry] {
        var entries = keys.barEntries(on: self)
        guard !filterTyping, let uuid = selected?.uuid,
              (health[uuid]?.failed ?? 0) > 0 || stoppedRecovers.contains(where: { $0.uuids.contains(uuid) }),
              let index = entries.firstIndex(where: { $0.key == "^R" }) else { return entries }
        let recover = entries.remove(at: index)
        entries.insert(recover, at: min(1, entries.count))
        return entries
    }
    public var helpSections: [HelpSection] { Self.referenceSections }
    public var wantsTicks: Bool { loading }
    /// When the figures of a row wanted go stale.
    public var wakeAt: Double? {
        guard loaded else { return nil }
        let stale = healthWanted().compactMap { wanted in
            health[wanted.uuid].flatMap { $0.outstanding == 0 ? $0.askedAt + wanted.freshFor : nil }
        }.min()
        return [healthDueAt, stale].compactMap { $0 }.min()
    }
    public var waitsForStart: Bool { !loaded && !loading }

    public mutating func start(_ context: ScreenContext) -> Outcome { load(context) }

    public mutating func tick(_ context: ScreenContext) -> Outcome { askHealth(context) }

    public mutating func fit(_ context: ScreenContext) {
        table.viewHeight = max(1, ListView.visibleRows(rows: context.rows) - ListView.noticeLines(self, context).count)
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        ListView.draw(self, rect: rect, focused: focused, context: context, into: &grid)
    }

    // MARK: Rows

    /// New webhooks from the server; the selection stays on the same webhook where it can.
    mutating func setWebhooks(_ list: [Webhook], select uuid: String? = nil) {
        let keyed = list.map { (key: $0.name.lowercased(), webhook: $0) }
            .sorted { ($0.key, $0.webhook.uuid) < ($1.key, $1.webhook.uuid) }
        store = WebhookStore(keyed.map(\.webhook))
        searchText = webhooks.map { Array(($0.name + "\n" + $0.url + "\n" + $0.uuid).lowercased().utf8) }
        lastMatches = nil
        refreshRows(select: uuid ?? selected?.uuid)
    }

    /// One webhook changed (or was added) on the server; `select` moves the selection to it.
    mutating func replace(_ webhook: Webhook, select: Bool = false) {
        var list = webhooks.filter { $0.uuid != webhook.uuid }
        list.append(webhook.withoutSecret)
        setWebhooks(list, select: select ? webhook.uuid : selected?.uuid)
    }

    mutating func remove(uuid: String) {
        pending[uuid] = nil
        uncertain.remove(uuid)
        setWebhooks(webhooks.filter { $0.uuid != uuid })
    }

    /// A change the server confirmed: shown at once, and remembered for a load still in flight.
    mutating func confirmed(uuid: String, now webhook: Webhook?) {
        if loading { changedDuringLoad[uuid] = .some(webhook) }
        if let webhook { replace(webhook) } else { remove(uuid: uuid) }
    }

    /// A loaded list, with the changes confirmed while it was on its way laid over it (an older
    /// answer never brings back a deleted row, nor undoes a toggle).
    mutating func arrived(_ list: [Webhook]) {
        var byUUID = list
        if !changedDuringLoad.isEmpty {
            byUUID = list.filter { changedDuringLoad[$0.uuid] == nil }
            for case let (_, webhook?) in changedDuringLoad { byUUID.append(webhook) }
        }
        changedDuringLoad = [:]
        uncertain = []
        setWebhooks(byUUID)
    }

    /// Moves the selection to this webhook, if a row shows it.
    mutating func select(uuid: String) {
        if let index = table.rows.firstIndex(where: { $0.webhook.uuid == uuid }) { table.select(index) }
    }

    /// The rows shown: the filter matches name, URL or uuid, ignoring case.
    mutating func refreshRows(select uuid: String? = nil) {
        let needle = Array(filter.text.lowercased().utf8)
        let keep = uuid ?? selected?.uuid
        let shown: [Int]
        if needle.isEmpty {
            shown = Array(webhooks.indices)
            lastMatches = nil
        } else {
            let candidates = lastMatches.flatMap { Self.contains(needle, lastNeedle) ? $0 : nil } ?? Array(webhooks.indices)
            shown = candidates.filter { Self.contains(searchText[$0], needle) }
            lastMatches = shown
        }
        lastNeedle = needle
        let store = store, pending = pending, uncertain = uncertain, health = health, marks = marks
        let rows = sorted(shown).map { index in
            let uuid = store.webhooks[index].uuid
            return WebhookRow(store: store, index: index, pending: pending.isEmpty ? nil : pending[uuid],
                              uncertain: !uncertain.isEmpty && uncertain.contains(uuid), health: health.isEmpty ? nil : health[uuid],
                              marked: !marks.isEmpty && marks.contains(uuid))
        }
        table.setRows(rows, keepingSelectionOn: keep.map { k in { $0.webhook.uuid == k } }, natural: store.natural)
    }

    /// The shown indices in the order `sort` asks (the store is by name already).
    private func sorted(_ shown: [Int]) -> [Int] {
        switch sort {
        case .name:
            return shown
        case .failures:
            let failures = shown.map { health[webhooks[$0].uuid]?.failures ?? -1 }
            return shown.indices.sorted { failures[$0] != failures[$1] ? failures[$0] > failures[$1] : $0 < $1 }.map { shown[$0] }
        case .status:
            func rank(_ status: WebhookStatus?) -> Int { status == .enabled ? 0 : status == .disabled ? 1 : 2 }
            let ranks = shown.map { rank(webhooks[$0].status) }
            return shown.indices.sorted { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }.map { shown[$0] }
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte (both lowercased UTF-8): String's own
    /// search took 50 ms a key over 10,000 webhooks.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
