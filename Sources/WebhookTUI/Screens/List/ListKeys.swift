import JetEmailClient
import TerminalUI

/// Keys on the list, each declared once with what it does: the list's own (most useful first,
/// the order the key bar keeps when short of room), then moving. While the filter is typed,
/// every key goes to it (a mistyped `d` there never deletes); Enter keeps it, Esc clears it.
extension ListScreen {
    static let mainKeys: [Binding<ListScreen>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "details"), help: "details of the selected webhook", when: { $0.selected != nil }, because: "No webhook is selected: the list is empty, or the filter shows none.") { list, _, _ in
            list.selected.map { .push(DetailsScreen(webhook: $0)) } ?? .none
        },
        Binding([.character("l")], keys: "l", bar: BarEntry("l", "log"), help: "the delivery log of the selected webhook", when: { $0.selected != nil }, because: "No webhook is selected: the list is empty, or the filter shows none.") { list, _, _ in
            list.selected.map { .push(DeliveryLogScreen(webhook: $0)) } ?? .none
        },
        Binding([.character("L")], keys: "L", bar: BarEntry("L", "all logs"), help: "the delivery log of every webhook") { list, _, _ in
            var names: [String: String] = [:]
            for webhook in list.webhooks { names[webhook.uuid] = webhook.name }
            return .push(DeliveryLogScreen(webhook: nil, names: names))
        },
        Binding([.character(" ")], keys: "Space", bar: BarEntry("Space", "on/off"), help: "enable, or disable (asks first); with marks, the marked ones (asks first)",
                when: { $0.selected != nil }, because: "No webhook is selected: the list is empty, or the filter shows none.") { list, _, context in
            list.marks.isEmpty ? list.toggle(context) : list.askToToggleMarked()
        },
        Binding([.character("/")], keys: "/", bar: BarEntry("/", "filter"), help: "filter by name, URL or uuid as you type") { list, _, _ in
            list.filterTyping = true
            return .none
        },
        Binding([.control("r")], keys: "Ctrl-R", bar: BarEntry("^R", "recover"),
                help: "recover: replay the failed deliveries of the selected webhook's latest outage (w in the question: the whole log), or of every marked one in one run, planned first and paced, then watched on its screen; while one runs, the run",
                when: { $0.selected != nil }, because: "No webhook is selected: the list is empty, or the filter shows none.") { list, _, context in
            let marked = list.webhooks.filter { list.marks.contains($0.uuid) }
            if marked.count > 1 { return RecoverQuestion.plan(forWebhooks: marked, context) }
            return (marked.first ?? list.selected).map { RecoverQuestion.plan(forWebhook: $0, context) } ?? .none
        },
        Binding([.character("n")], keys: "n", bar: BarEntry("n", "new"), help: "create a webhook (the form); back here when its secret window closes") { _, _, _ in
            .push(FormScreen())
        },
        Binding([.character("e")], keys: "e", bar: BarEntry("e", "edit"), help: "edit the selected webhook in the form; only changed fields are sent",
                when: { $0.selected != nil }, because: "No webhook is selected: the list is empty, or the filter shows none.") { list, _, _ in
            list.selected.map { .push(FormScreen(editing: $0)) } ?? .none
        },
        Binding([.character("d"), .delete], keys: "d or Delete", bar: BarEntry("d", "delete"), help: "delete (asks first; only y deletes); with marks, the marked ones",
                when: { $0.selected != nil }, because: "No webhook is selected: the list is empty, or the filter shows none.") { list, _, _ in
            if !list.marks.isEmpty { return list.askToDeleteMarked() }
            guard let webhook = list.selected, list.pending[webhook.uuid] == nil else { return .none }
            let name = TerminalSafe.escaped(webhook.name), url = TerminalSafe.escaped(webhook.url)
            return .open(ConfirmModal(ConfirmDialog(title: "Delete?", message: "Delete \(name) (\(url))? This cannot be undone.",
                                                    question: "Delete it? y/N", confirmLabel: "delete", style: .error),
                                      onYes: .tell(ListMessage.delete(uuid: webhook.uuid))))
        },
        Binding([.character("o")], keys: "o", bar: BarEntry("o", "sort"), help: "sort by name, by failures in the last 24 hours (most first), or by status") { list, _, context in
            list.cycleSort(context)
        },
        Binding([.character("r")], keys: "r", bar: BarEntry("r", "reload"), help: "load the list again (and its delivery figures)") { list, _, context in
            for key in list.health.keys { list.health[key]?.askedAt = -.infinity }
            return list.load(context)
        },
        Binding([.character("m")], keys: "m", bar: BarEntry("m", "mark"), help: "mark or unmark the webhook, to act on several", when: { $0.selected != nil }, because: "No webhook is selected: the list is empty, or the filter shows none.") { list, _, _ in
            list.toggleMark()
        },
        Binding([.character("V")], keys: "V", help: "mark the rows from the last mark to this one") { list, _, _ in list.markRange() },
        Binding([.character("*")], keys: "*", help: "mark every webhook the filter shows") { list, _, _ in list.markAllShown() },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear marks"), help: "clear the marks (first)", when: { !$0.marks.isEmpty }) { list, _, _ in
            list.clearMarks()
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear filter"), help: "clear the filter", when: { !$0.filter.isEmpty }) { list, _, _ in
            list.filter = TextInput()
            list.refreshRows()
            return .none
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "with no filter: cancel the requests in flight",
                when: { $0.filter.isEmpty && $0.isBusy },
                because: "Nothing to clear or cancel here; q quits.") { list, _, _ in list.cancelAll() },
        Binding([.character("q")], keys: "q", bar: BarEntry("q", "quit", pin: .onHome), help: "quit (asks only if something would be lost)") { _, _, _ in .askToQuit },
    ]

    static let movingKeys: [Binding<ListScreen>] = TableCursor.bindings.map { widget in
        Binding(widget) { list, action, key, context in
            _ = list.table.perform(action, key: key)
            list.healthDue(context)
            return .none
        }
    }

    static let filterKeys: [Binding<ListScreen>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "keep filter"), help: "keep the filter and go back to the list keys") { list, _, _ in
            list.filterTyping = false
            return .none
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear filter"), help: "clear the filter") { list, _, _ in
            list.filterTyping = false
            list.filter = TextInput()
            list.refreshRows()
            return .none
        },
    ] + TextField.bindings.map { widget in
        Binding(widget) { list, edit, key, context in
            list.filter.field.apply(edit, key: key)
            list.refreshRows()
            list.healthDue(context)
            return .none
        }
    }

    /// Space: enable at once; disable after asking; a status the API gave as unreadable asks
    /// before enabling (enabling is the likely wish, but never without asking).
    mutating func toggle(_ context: ScreenContext) -> Outcome {
        guard let webhook = selected, pending[webhook.uuid] == nil else { return .none }
        let name = TerminalSafe.escaped(webhook.name)
        switch webhook.status {
        case .disabled?:
            return setStatus(webhook, .enabled, context)
        case nil:
            return .open(ConfirmModal(ConfirmDialog(title: "Enable?", message: "The API gave the status of \(name) as unreadable, so it is not known "
                                                    + "whether events are delivered. Enable it?", question: "Enable it? y/N", confirmLabel: "enable"),
                                      onYes: .tell(ListMessage.enable(uuid: webhook.uuid))))
        case .enabled?:
            return .open(ConfirmModal(ConfirmDialog(title: "Disable?", message: "Disable \(name)? Events are not delivered while it is disabled.",
                                                    question: "Disable it? y/N", confirmLabel: "disable"),
                                      onYes: .tell(ListMessage.disable(uuid: webhook.uuid))))
        }
    }

    /// Every key of the list, by where it works, for help and docs/keys.md.
    static var referenceSections: [HelpSection] {
        [
            HelpSection("Moving in the list", movingKeys.helpLines()),
            HelpSection("The list", mainKeys.helpLines()),
            HelpSection("While typing the filter", filterKeys.prefix(2).map(\.helpLine)),
            HelpSection("Questions (enable, disable, delete)", ConfirmModal.helpLines(yes: "enable, disable or delete")),
            HelpSection("Questions (the marked webhooks)", ConfirmModal.helpLines(yes: "disable, enable or delete them",
                                                                               alternative: ConfirmDialog.Alternative(key: "e", label: "enable them (when asked to disable)"))),
        ]
    }
}
