import JetEmailClient
import TerminalUI

/// One webhook as a row of the list: status, name, URL (shortened in the middle), events, filters.
public struct WebhookRow: TableRow {
    /// The list's webhooks, shared by every row: a row is a reference and an index, so that
    /// making 10,000 rows (each filter key) copies no webhook.
    let store: WebhookStore
    let index: Int
    /// A change sent and not yet confirmed by the server.
    public var pending: ListScreen.Pending?
    /// A change was sent and no clear answer came: it may have happened.
    public var uncertain: Bool
    /// Its deliveries of the last 24 hours, once asked for.
    public var health: DeliveryHealth?
    /// Marked for an action on several (`m`).
    public var marked: Bool

    init(store: WebhookStore, index: Int, pending: ListScreen.Pending?, uncertain: Bool = false, health: DeliveryHealth? = nil, marked: Bool = false) {
        self.store = store
        self.index = index
        self.pending = pending
        self.uncertain = uncertain
        self.health = health
        self.marked = marked
    }

    public var webhook: Webhook { store.webhooks[index] }

    public static func == (a: WebhookRow, b: WebhookRow) -> Bool {
        a.webhook == b.webhook && a.pending == b.pending && a.uncertain == b.uncertain && a.health == b.health && a.marked == b.marked
    }

    /// Failed of all deliveries in the last 24 hours stays; filters, then events, give way first.
    public static let columns = [
        // The mark: a character, so that NO_COLOR still shows it.
        TableColumn("", width: 1),
        TableColumn("", width: 2),
        TableColumn("Name", minimum: 12, identifies: true),
        TableColumn("URL", minimum: 16, weight: 2),
        TableColumn("Failed/24h", width: 10),
        TableColumn("Events", width: 20, dropRank: 2),
        TableColumn("Filters", width: 7, dropRank: 1),
        // Failures over the last 24 hours, 3 hours a character: where there is room.
        TableColumn("24h", width: 8, dropRank: 0),
    ]

    public func cell(_ column: Int, width: Int) -> (text: String, style: Style) {
        switch column {
        case 0: return marked ? ("*", Style(.accent, bold: true)) : ("", .plain)
        case 1:
            if pending != nil { return ("…", Style(.warning, bold: true)) }
            if uncertain { return ("?", Style(.warning, bold: true)) }
            switch webhook.status {
            case .enabled?: return ("●", .success)
            case .disabled?: return ("○", .muted)
            // Unreadable or left out: never drawn as enabled.
            case nil: return ("?", .warning)
            }
        case 2: return (TerminalSafe.escaped(webhook.name), webhook.status == .enabled ? .plain : .muted)
        // The host and path: the query is often a credential, and never what tells receivers apart.
        case 3: return (TerminalSafe.escaped(URLDisplay.listForm(webhook.url)), .plain)
        case 4: return health?.cell ?? ("", .muted)
        case 5: return (eventsSummary, .plain)
        case 6: return (filtersSummary, .muted)
        default: return (health?.sparkline() ?? "", Style(.error, bold: true))
        }
    }

    public func fullText(_ column: Int) -> String? { column == 2 ? TerminalSafe.escaped(webhook.name) : nil }

    /// `10 · all outbound`, `3 · bounced, complaint…`.
    var eventsSummary: String {
        let names = Set(webhook.events.map(\.rawValue))
        let count = webhook.events.count
        if Set(EventType.allCases.map(\.rawValue)).isSubset(of: names) { return "\(count) · all" }
        if Set(EventType.outbound.map(\.rawValue)) == names.intersection(Set(EventType.outbound.map(\.rawValue))),
           !names.contains(where: { $0.hasPrefix("inbound.") }) { return "\(count) · all outbound" }
        if Set(EventType.inbound.map(\.rawValue)) == names.intersection(Set(EventType.inbound.map(\.rawValue))),
           !names.contains(where: { $0.hasPrefix("outbound.") }) { return "\(count) · all inbound" }
        let short = webhook.events.map { $0.known?.shortName ?? TerminalSafe.escaped($0.rawValue) }
        return "\(count) · " + short.joined(separator: ", ")
    }

    var filtersSummary: String {
        var parts: [String] = []
        if let users = webhook.filterUsers, !users.isEmpty { parts.append("\(users.count) user\(users.count == 1 ? "" : "s")") }
        if let domains = webhook.filterDomains, !domains.isEmpty { parts.append("\(domains.count) dom.") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}
