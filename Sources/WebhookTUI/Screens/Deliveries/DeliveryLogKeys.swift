import JetEmailClient
import TerminalUI

/// Keys on the delivery log, each with what it does: the log's own, then moving. While a
/// lookup is typed, every key goes to it.
extension DeliveryLogScreen {
    /// `f` cycles through these.
    static let statusCycle: [DeliveryStatus?] = [nil, .failed, .retry, .pending, .success]

    static let mainKeys: [Binding<DeliveryLogScreen>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "payload"), help: "the event's details and payload", when: { $0.selected != nil },
                because: "No row is selected: the log is empty, or still loading.") { log, _, _ in
            guard let delivery = log.selected else { return .none }
            return .push(EventScreen(delivery: delivery, webhookName: log.webhook?.name ?? log.names[delivery.uuid], scope: log.webhook))
        },
        Binding([.character("R")], keys: "R", bar: BarEntry("R", "replay"),
                help: "replay the event to its webhook (asks first; in the log of all, a there replays it to every subscribed webhook); with marks, the marked events",
                when: { $0.selected != nil || !$0.marks.isEmpty },
                because: "No row is selected or marked: the log is empty, or still loading.") { log, _, _ in
            if !log.marks.isEmpty { return log.askToReplayMarked() }
            return log.selected.map { ReplayQuestion.ask($0, scope: log.webhook, names: log.names) } ?? .none
        },
        Binding([.character("f")], keys: "f", bar: BarEntry("f", "status"), help: "status filter: all, failed, retry, pending, success") { log, _, context in
            let index = statusCycle.firstIndex(of: log.statusFilter) ?? 0
            log.statusFilter = statusCycle[(index + 1) % statusCycle.count]
            return log.restart(context)
        },
        Binding([.character("t")], keys: "t", bar: BarEntry("t", "type"), help: "event-type filter: one of the webhook's types (in the log of all, of the 15)") { log, _, _ in
            .open(PickerModal.eventType(current: log.eventTypeFilter, among: log.eventTypes))
        },
        Binding([.control("r")], keys: "Ctrl-R", bar: BarEntry("^R", "recover"),
                help: "recover: replay every delivery this log shows (failed unless f shows another status; its type, its time), planned first and paced; while one runs, the run",
                when: { $0.webhook != nil },
                because: "A recover is of one webhook: open its log from the list (l), then Ctrl-R.") { log, _, context in
            RecoverQuestion.plan(from: log, context)
        },
        Binding([.character("F")], keys: "F", bar: BarEntry("F", "follow"),
                help: "follow: new deliveries appear at the top as they arrive (asked for every 5 s); F again stops") { log, _, context in
            log.toggleFollow(context)
        },
        Binding([.character("s")], keys: "s", bar: BarEntry("s", "since"), help: "time filter: only deliveries since a time (\(TimeText.examplesText))") { log, _, _ in
            log.sinceTyping = true
            log.sinceInput = TextInput(log.sinceText ?? "", selected: true)
            return .status(.info, "Since when? \(TimeText.examplesText). Enter applies, Esc clears.")
        },
        Binding([.character("/")], keys: "/", bar: BarEntry("/", "look up"), help: "look up one event id or source uid (exact, on the server)") { log, _, _ in
            log.lookupTyping = true
            log.lookupInput = TextInput(log.lookup?.text ?? "", selected: true)
            return .none
        },
        Binding([.character("r")], keys: "r", bar: BarEntry("r", "reload"), help: "load the log again from the top") { log, _, context in log.restart(context) },
        Binding([.character(" ")], keys: "Space", bar: BarEntry("Space", "mark"), help: "mark or unmark the row", when: { $0.selected != nil },
                because: "No row is selected: the log is empty, or still loading.") { log, _, _ in
            log.toggleMark()
        },
        Binding([.character("V")], keys: "V", help: "mark the rows from the last mark to this one") { log, _, _ in log.markRange() },
        Binding([.character("*")], keys: "*", help: "mark every loaded row (what the filters show)") { log, _, _ in log.markAllLoaded() },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear marks"), help: "clear the marks (first)", when: { !$0.marks.isEmpty }) { log, _, _ in
            log.clearMarks()
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear lookup"), help: "clear the lookup", when: { $0.lookup != nil }) { log, _, context in
            log.lookup = nil
            log.lookupInput = TextInput()
            return log.restart(context)
        },
        Binding([.escape, .character("q")], keys: "Esc or q", bar: BarEntry("Esc", "back", pin: .offHome), help: "with no lookup: back to the list") { _, _, _ in .leave },
    ]

    static let movingKeys: [Binding<DeliveryLogScreen>] = TableCursor.bindings.map { widget in
        Binding(widget) { log, action, _, context in
            log.cursor.perform(action)
            // At the top, what arrived while following is in view.
            if log.cursor.top == 0 { log.follow.unseen = 0 }
            return log.fill(context)
        }
    }

    static let lookupKeys: [Binding<DeliveryLogScreen>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "look up"), help: "look it up: as an event id, then as a source uid") { log, _, context in
            let text = log.lookupInput.text.trimmingWhitespace()
            log.lookupTyping = false
            guard !text.isEmpty else { return .none }
            log.lookup = .eventID(text)
            return log.restart(context)
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "cancel"), help: "stop typing; the log stays as it was") { log, _, _ in
            log.lookupTyping = false
            log.lookupInput = TextInput(log.lookup?.text ?? "")
            return .none
        },
    ] + TextField.bindings.map { widget in
        Binding(widget) { log, edit, key, _ in
            log.lookupInput.field.apply(edit, key: key)
            return .none
        }
    }

    static let sinceKeys: [Binding<DeliveryLogScreen>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "apply"), help: "only deliveries since that time (empty: all)") { log, _, context in
            let text = log.sinceInput.text.trimmingWhitespace()
            guard !text.isEmpty else {
                log.sinceTyping = false
                log.sinceText = nil
                log.sinceFrom = nil
                return log.restart(context).with(.info, "Every time shown.")
            }
            let now = Int(context.clock.epochAtStart + context.now)
            guard let from = TimeText.parse(text, now: now, utcOffset: context.clock.utcOffset) else {
                // What was typed stays, to be corrected.
                return .status(.error, "Not a time: \(TerminalSafe.escaped(text)). Try \(TimeText.examplesText).")
            }
            log.sinceTyping = false
            log.sinceText = text
            log.sinceFrom = from
            return log.restart(context).with(.info, "Since \(context.clock.local(from)).")
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "clear"), help: "clear the time filter: every time shown") { log, _, context in
            log.sinceTyping = false
            log.sinceInput = TextInput()
            guard log.sinceText != nil else { return .clearStatus }
            log.sinceText = nil
            log.sinceFrom = nil
            return log.restart(context).with(.info, "Every time shown.")
        },
    ] + TextField.bindings.map { widget in
        Binding(widget) { log, edit, key, _ in
            log.sinceInput.field.apply(edit, key: key)
            return .none
        }
    }

    static var referenceSections: [HelpSection] {
        [
            HelpSection("Moving in the log", movingKeys.helpLines()),
            HelpSection("The delivery log", mainKeys.helpLines()),
            HelpSection("While typing a lookup", lookupKeys.prefix(2).map(\.helpLine)),
            HelpSection("While typing the time filter", sinceKeys.prefix(2).map(\.helpLine)),
            HelpSection("Choosing the event type", PickerModal.keys(single: true).helpLines()),
            HelpSection("Questions (replay)", ConfirmModal.helpLines(yes: "replay to the row's webhook", alternative: ReplayQuestion.toEveryone)),
            HelpSection("Questions (replay marked)", ConfirmModal.helpLines(yes: "replay them")),
            HelpSection("Questions (recover)", ConfirmModal.helpLines(yes: "replay them all")),
        ]
    }
}
