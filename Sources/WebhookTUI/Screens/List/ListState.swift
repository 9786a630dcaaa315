import JetEmailClient
import TerminalUI

/// The home screen: every webhook of the account, sorted by name, filtered by `/`.
public struct ListState: Sendable, Equatable {
    public enum Pending: Sendable, Equatable {
        case status(WebhookStatus)
        case deleting
    }

    /// As the server has them, sorted by name.
    public private(set) var webhooks: [Webhook] = []
    public var table = ScrollingTable<WebhookRow>(columns: WebhookRow.columns)
    public var filter = TextInput()
    /// Keys go to the filter while it is typed.
    public var filterTyping = false
    /// The list request in flight.
    public var loading: Int?
    /// A list has arrived at least once.
    public var loaded = false
    /// The last load failed.
    public var failed = false
    /// A change sent and not yet answered, and the request that carries it.
    public struct PendingChange: Sendable, Equatable {
        public var request: Int
        public var change: Pending
    }

    /// Changes in flight, by uuid.
    public var pending: [String: PendingChange] = [:]

    public init() {}

    public var selected: Webhook? { table.selectedRow?.webhook }

    /// New webhooks from the server; the selection stays on the same webhook where it can.
    mutating func setWebhooks(_ list: [Webhook], select uuid: String? = nil) {
        webhooks = list.sorted { ($0.name.lowercased(), $0.uuid) < ($1.name.lowercased(), $1.uuid) }
        refreshRows(select: uuid ?? selected?.uuid)
    }

    /// One webhook changed (or was added) on the server.
    mutating func replace(_ webhook: Webhook) {
        var list = webhooks.filter { $0.uuid != webhook.uuid }
        list.append(webhook.withoutSecret)
        setWebhooks(list, select: selected?.uuid)
    }

    mutating func remove(uuid: String) {
        pending[uuid] = nil
        setWebhooks(webhooks.filter { $0.uuid != uuid })
    }

    /// The rows shown: the filter matches name, URL or uuid, ignoring case.
    mutating func refreshRows(select uuid: String? = nil) {
        let needle = filter.text.lowercased()
        let keep = uuid ?? selected?.uuid
        let shown = needle.isEmpty ? webhooks : webhooks.filter {
            $0.name.lowercased().contains(needle) || $0.url.lowercased().contains(needle) || $0.uuid.lowercased().contains(needle)
        }
        table.setRows(shown.map { WebhookRow(webhook: $0, pending: pending[$0.uuid]?.change) }, keepingSelectionOn: keep.map { k in { $0.webhook.uuid == k } })
    }

    public var isBusy: Bool { loading != nil || !pending.isEmpty }
}
