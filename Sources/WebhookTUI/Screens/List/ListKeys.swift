import JetEmailClient
import TerminalUI

/// Keys on the list: the table's movement keys, then these. While the filter is typed, every
/// key goes to it (a mistyped `d` there never deletes); Enter keeps it, Esc clears it.
enum ListKeys {
    enum Action: Sendable, Equatable {
        case details, new, editWebhook, toggle, delete, log, logOfAll, filter, reload, quit, clearFilter, cancel
        case keepFilter, dropFilter, edit(TextEdit)
    }

    static let table: [KeyBinding<Action>] = [
        // In the order the key bar keeps them when room is short: the most useful first.
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "details"), help: "details of the selected webhook", .details),
        KeyBinding([.character("l")], keys: "l", bar: BarEntry("l", "log"), help: "the delivery log of the selected webhook", .log),
        KeyBinding([.character("L")], keys: "L", bar: BarEntry("L", "all logs"), help: "the delivery log of every webhook", .logOfAll),
        KeyBinding([.character(" ")], keys: "Space", bar: BarEntry("Space", "on/off"), help: "enable, or disable (asks first)", .toggle),
        KeyBinding([.character("/")], keys: "/", bar: BarEntry("/", "filter"), help: "filter by name, URL or uuid as you type", .filter),
        KeyBinding([.character("n")], keys: "n", bar: BarEntry("n", "new"), help: "create a webhook (the form); back here when its secret window closes", .new),
        KeyBinding([.character("e")], keys: "e", bar: BarEntry("e", "edit"), help: "edit the selected webhook in the form; only changed fields are sent", .editWebhook),
        KeyBinding([.character("d"), .delete], keys: "d or Delete", bar: BarEntry("d", "delete"), help: "delete (asks first; only y deletes)", .delete),
        KeyBinding([.character("r")], keys: "r", bar: BarEntry("r", "reload"), help: "load the list again", .reload),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear filter"), help: "clear the filter", .clearFilter),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "with no filter: cancel the requests in flight", .cancel),
        KeyBinding([.character("q")], keys: "q", bar: BarEntry("q", "quit"), help: "quit (asks only if something would be lost)", .quit),
    ]

    static let filterTable: [KeyBinding<Action>] = [
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "keep filter"), help: "keep the filter and go back to the list keys", .keepFilter),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear filter"), help: "clear the filter", .dropFilter),
    ] + TextField.bindings.map { $0.map(Action.edit) }

    static func isEnabled(_ action: Action, _ list: ListState) -> Bool {
        switch action {
        case .details, .editWebhook, .toggle, .delete, .log: list.selected != nil
        case .clearFilter: !list.filter.isEmpty
        case .cancel: list.filter.isEmpty && list.isBusy
        default: true
        }
    }

    static func barEntries(_ list: ListState) -> [BarEntry] {
        if list.filterTyping { return filterTable.barEntries() }
        // Moving needs no reminder: the list's own keys come first.
        return table.barEntries(enabled: { isEnabled($0, list) }) + list.table.bindings.barEntries()
    }

    static func handle(_ list: inout ListState, screen: Int, _ key: Key, app s: inout AppState) -> [Effect] {
        if list.filterTyping {
            // Every key is the filter's; keys it does not bind do nothing.
            guard let binding = filterTable.binding(for: key) else { return [] }
            switch binding.action {
            case .keepFilter: list.filterTyping = false
            case .dropFilter:
                list.filterTyping = false
                list.filter = TextInput()
                list.refreshRows()
            case .edit(let edit):
                list.filter.field.apply(edit, key: key)
                list.refreshRows()
            default: break
            }
            return []
        }
        if list.table.handle(key) != nil { return [] }
        guard let binding = table.binding(for: key, enabled: { isEnabled($0, list) }) else { return [] }
        switch binding.action {
        case .details:
            if let webhook = list.selected { s.push(.details(DetailsState(webhook: webhook))) }
        case .new:
            return FormOpening.push(FormState(), app: &s)
        case .editWebhook:
            if let webhook = list.selected { return FormOpening.push(FormState(editing: webhook), app: &s) }
        case .log:
            if let webhook = list.selected { return DeliveryLogOpening.push(DeliveryLogState(webhook: webhook), app: &s) }
        case .logOfAll:
            var names: [String: String] = [:]
            for webhook in list.webhooks { names[webhook.uuid] = webhook.name }
            return DeliveryLogOpening.push(DeliveryLogState(webhook: nil, names: names), app: &s)
        case .toggle:
            guard let webhook = list.selected, list.pending[webhook.uuid] == nil else { return [] }
            let name = TerminalSafe.escaped(webhook.name)
            switch webhook.status {
            case .disabled?:
                return ListFlow.setStatus(&list, screen: screen, webhook, .enabled, app: &s)
            case nil:
                // Unknown: enabling is the likely wish, but never without asking.
                s.open(.confirm(ConfirmDialog(title: "Enable?", message: "The API gave the status of \(name) as unreadable, so it is not known "
                                              + "whether events are delivered. Enable it?", question: "Enable it? y/N", confirmLabel: "enable"),
                                screen: screen, action: .enable(uuid: webhook.uuid)))
                return []
            case .enabled?:
                break
            }
            s.open(.confirm(ConfirmDialog(title: "Disable?", message: "Disable \(name)? Events are not delivered while it is disabled.",
                                          question: "Disable it? y/N", confirmLabel: "disable"),
                            screen: screen, action: .disable(uuid: webhook.uuid)))
        case .delete:
            guard let webhook = list.selected, list.pending[webhook.uuid] == nil else { return [] }
            let name = TerminalSafe.escaped(webhook.name), url = TerminalSafe.escaped(webhook.url)
            s.open(.confirm(ConfirmDialog(title: "Delete?", message: "Delete \(name) (\(url))? This cannot be undone.",
                                          question: "Delete it? y/N", confirmLabel: "delete", style: .error),
                            screen: screen, action: .delete(uuid: webhook.uuid)))
        case .filter:
            list.filterTyping = true
        case .reload:
            return ListFlow.load(&list, screen: screen, app: &s)
        case .clearFilter:
            list.filter = TextInput()
            list.refreshRows()
        case .cancel:
            return ListFlow.cancelAll(&list, app: &s)
        case .quit:
            Quit.ask(&s)
        case .keepFilter, .dropFilter, .edit:
            break
        }
        return []
    }
}
