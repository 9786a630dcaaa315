import JetEmailClient
import TerminalUI

/// Turns the state into what the screen shows. Pure: the same state gives the same grid.
public func render(_ state: AppState) -> Grid {
    var grid = Grid(columns: state.columns, rows: state.rows)
    guard Chrome.fits(state) else {
        TooSmallView.draw(state, into: &grid)
        return grid
    }
    let top = state.topScreen
    TitleBar.draw(state, title: top.screen.title, into: &grid)
    let screenFocused = state.modals.isEmpty
    switch top.screen {
    case .form(let form): FormView.draw(form, context: FormView.Context(state), focused: screenFocused, into: &grid)
    case .list(let list): ListView.draw(list, status: state.status, rateLimit: state.rateLimit, now: state.now, focused: screenFocused, into: &grid)
    case .details(let details): details.draw(app: state, into: &grid)
    case .deliveries(let log): DeliveryLogView.draw(log, app: state, focused: screenFocused, into: &grid)
    case .event(let event): event.draw(app: state, into: &grid)
    }
    let entries = Chrome.barEntries(state)
    // Help, and the way out (quit on the home screen, back on the others), are always in view
    // where they work; the rest fill what is left, most useful first.
    let home = state.screens.count == 1
    let pinned = entries.filter { $0 == BarEntry("F1", "help") || (home ? $0.label == "quit" : $0 == BarEntry("Esc", "back")) }
    KeyBarLine.draw(entries, pinned: pinned, into: &grid)
    for (index, modal) in state.modals.enumerated() {
        let isTop = index == state.modals.count - 1
        switch modal {
        case .help(let help): help.draw(into: &grid)
        case .confirmQuit(let dialog), .confirm(let dialog, _, _):
            dialog.draw(into: &grid, rect: Rect(row: 0, column: 0, width: grid.columns, height: grid.rows), focused: isTop)
        case .secret(let secret): SecretModalView.draw(secret, focused: isTop, into: &grid)
        case .apiKeyPrompt(let input): APIKeyPrompt.draw(input, status: state.status, into: &grid)
        case .secretFilePrompt(let prompt): prompt.draw(into: &grid)
        case .picker(let picker): picker.draw(into: &grid)
        case .examplePrompt(let prompt): prompt.draw(into: &grid, now: state.now)
        }
    }
    return grid
}

/// What every screen shares: the size check and the key bar.
enum Chrome {
    /// Whether the window can hold the top screen.
    static func fits(_ s: AppState) -> Bool {
        let minimum = s.topScreen.screen.minimumSize
        return s.columns >= minimum.columns && s.rows >= minimum.rows
    }

    /// The keys that work now: the top modal's, or the focused widget's, the screen's and the
    /// global ones, from their tables.
    static func barEntries(_ s: AppState) -> [BarEntry] {
        let global = GlobalBindings.table.barEntries(enabled: { GlobalBindings.isEnabled($0, s) })
        switch s.topModal {
        case .help?:
            return HelpModal.bindings.barEntries() + global.filter { $0.label == "quit" }
        case .confirmQuit(let dialog)?, .confirm(let dialog, _, _)?:
            return dialog.bindings.barEntries()
        case .apiKeyPrompt?:
            return APIKeyPrompt.table.barEntries()
        case .secretFilePrompt?:
            return SecretFilePrompt.table.barEntries()
        case .secret(let modal)?:
            return SecretModalKeys.barEntries(modal)
        case .examplePrompt?:
            return ExampleFlow.promptTable.barEntries()
        case .picker(let picker)?:
            return PickerModal.table(single: picker.single).barEntries()
        case nil:
            break
        }
        switch s.topScreen.screen {
        case .form(let form):
            // While a create is in flight, how to cancel it comes first; on a filter field, F2.
            let own = FormKeys.barEntries(form)
            let first = own.filter { $0.key == "Esc" || $0.key == "F2" }
            return first + form.focusedBarEntries + own.filter { $0.key != "Esc" && $0.key != "F2" } + global
        case .list(let list):
            return ListKeys.barEntries(list) + (list.filterTyping ? [] : global)
        case .details:
            return DetailsState.table.barEntries() + global
        case .deliveries(let log):
            return DeliveryLogKeys.barEntries(log) + (log.lookupTyping ? [] : global)
        case .event:
            return EventDetailsState.table.barEntries() + global
        }
    }
}

extension Screen {
    var title: String {
        switch self {
        case .form(let form): form.editing == nil ? "New webhook" : "Edit webhook"
        case .list: "Webhooks"
        case .details: "Webhook"
        case .deliveries(let log): log.webhook.map { "Deliveries · " + TerminalSafe.escaped($0.name) } ?? "Deliveries · all webhooks"
        case .event: "Event"
        }
    }

    var minimumSize: (columns: Int, rows: Int) {
        switch self {
        case .form(let form): (FormLayout.minimumColumns, FormLayout.minimumRows(form))
        case .list, .details, .deliveries, .event: (ListView.minimumColumns, ListView.minimumRows)
        }
    }
}
