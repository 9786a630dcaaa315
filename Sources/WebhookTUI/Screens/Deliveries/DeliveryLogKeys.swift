import JetEmailClient
import TerminalUI

/// Keys on the delivery log: the table's movement keys, then these. While a lookup is typed,
/// every key goes to it.
enum DeliveryLogKeys {
    enum Action: Sendable, Equatable {
        case details, replay, cycleStatus, pickType, lookup, reload, clearLookup, back
        case applyLookup, dropLookup, edit(TextEdit)
    }

    /// `f` cycles through these.
    static let statusCycle: [DeliveryStatus?] = [nil, .failed, .retry, .pending, .success]

    static let table: [KeyBinding<Action>] = [
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "payload"), help: "the event's details and payload", .details),
        KeyBinding([.character("R")], keys: "R", bar: BarEntry("R", "replay"), help: "replay the event (asks first)", .replay),
        KeyBinding([.character("f")], keys: "f", bar: BarEntry("f", "status"), help: "status filter: all, failed, retry, pending, success", .cycleStatus),
        KeyBinding([.character("t")], keys: "t", bar: BarEntry("t", "type"), help: "event-type filter: choose one of the 15 types", .pickType),
        KeyBinding([.character("/")], keys: "/", bar: BarEntry("/", "look up"), help: "look up one event id or source uid (exact, on the server)", .lookup),
        KeyBinding([.character("r")], keys: "r", bar: BarEntry("r", "reload"), help: "load the log again from the top", .reload),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear lookup"), help: "clear the lookup", .clearLookup),
        KeyBinding([.escape, .character("q")], keys: "Esc or q", bar: BarEntry("Esc", "back"), help: "with no lookup: back to the list", .back),
    ]

    static let lookupTable: [KeyBinding<Action>] = [
        KeyBinding([.enter], keys: "Enter", bar: BarEntry("Enter", "look up"), help: "look it up: as an event id, then as a source uid", .applyLookup),
        KeyBinding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "stop typing; the log stays as it was", .dropLookup),
    ] + TextField.bindings.map { $0.map(Action.edit) }

    static func isEnabled(_ action: Action, _ log: DeliveryLogState) -> Bool {
        switch action {
        case .details, .replay: log.selected != nil
        case .clearLookup: log.lookup != nil
        default: true
        }
    }

    static func barEntries(_ log: DeliveryLogState) -> [BarEntry] {
        if log.lookupTyping { return lookupTable.barEntries() }
        return table.barEntries(enabled: { isEnabled($0, log) }) + TableCursor.bindings.barEntries()
    }

    static func handle(_ log: inout DeliveryLogState, screen: Int, _ key: Key, app s: inout AppState) -> [Effect] {
        if log.lookupTyping {
            guard let binding = lookupTable.binding(for: key) else { return [] }
            switch binding.action {
            case .applyLookup:
                let text = log.lookupInput.text.trimmingWhitespace()
                log.lookupTyping = false
                guard !text.isEmpty else { return [] }
                log.lookup = .eventID(text)
                return DeliveryLogFlow.restart(&log, screen: screen, app: &s)
            case .dropLookup:
                log.lookupTyping = false
                log.lookupInput = TextInput(log.lookup?.text ?? "")
            case .edit(let edit):
                log.lookupInput.field.apply(edit, key: key)
            default: break
            }
            return []
        }
        if let move = TableCursor.bindings.binding(for: key) {
            log.cursor.perform(move.action)
            return DeliveryLogFlow.fill(&log, screen: screen, app: &s)
        }
        guard let binding = table.binding(for: key, enabled: { isEnabled($0, log) }) else { return [] }
        switch binding.action {
        case .details:
            if let delivery = log.selected {
                var event = EventDetailsState(delivery: delivery, webhookName: log.webhook?.name ?? log.names[delivery.uuid], scope: log.webhook)
                event.fit(columns: s.columns)
                s.push(.event(event))
            }
        case .replay:
            if let delivery = log.selected { ReplayFlow.ask(&s, screen: screen, delivery, scope: log.webhook) }
        case .cycleStatus:
            let index = statusCycle.firstIndex(of: log.statusFilter) ?? 0
            log.statusFilter = statusCycle[(index + 1) % statusCycle.count]
            return DeliveryLogFlow.restart(&log, screen: screen, app: &s)
        case .pickType:
            s.open(.picker(PickerModal.eventType(current: log.eventTypeFilter, among: log.eventTypes, screen: screen)))
        case .lookup:
            log.lookupTyping = true
            log.lookupInput = TextInput(log.lookup?.text ?? "")
        case .reload:
            return DeliveryLogFlow.restart(&log, screen: screen, app: &s)
        case .clearLookup:
            log.lookup = nil
            log.lookupInput = TextInput()
            return DeliveryLogFlow.restart(&log, screen: screen, app: &s)
        case .back:
            s.leave(screen)
            return DeliveryLogFlow.cancelAll(&log, app: &s)
        case .applyLookup, .dropLookup, .edit:
            break
        }
        return []
    }

    /// The event type chosen in the picker (nil: all types).
    static func picked(_ log: inout DeliveryLogState, screen: Int, type: String?, app s: inout AppState) -> [Effect] {
        guard type != log.eventTypeFilter else { return [] }
        log.eventTypeFilter = type
        return DeliveryLogFlow.restart(&log, screen: screen, app: &s)
    }
}
