import JetEmailClient
import TerminalUI

/// The webhook form, creating or editing one: what the person has entered (as widgets), where
/// the focus is, which problems to show, and the create or save in flight.
public struct FormScreen: Screen {
    public var name = TextInput()
    public var url = TextInput()
    public var eventList = FormScreen.eventChecklist()
    public var status = Toggle(isOn: true, on: "Enabled", off: "Disabled")
    public var filterUsers = TextInput()
    public var filterDomains = TextInput()
    public var submitButton = Button("Create webhook", bar: "create", meaning: "create the webhook; nothing invalid is ever sent")
    public var focus: Control = .name
    /// Fields whose problems are shown: left once, or all of them after a submit attempt.
    public var touched: Set<WebhookField> = []
    /// Errors the server gave, by field, until that field is edited.
    public var serverErrors: [WebhookField: String] = [:]
    /// A create or a save is in flight, since then.
    public var sendingSince: Double?
    /// Creating a webhook, or editing one (the webhook as the server had it when the form opened).
    public var editing: Webhook?
    /// The account's users and domains, for F2 and for checking typed names.
    public var choices = AccountChoiceState()
    /// The status toggle was changed: until then an edit of a webhook whose status the API gave
    /// as unreadable (or left out) sends none.
    public var statusTouched = false

    public init() {}

    /// The edit form: the webhook's values, focus on Name with the cursor at the end.
    public init(editing webhook: Webhook) {
        self.init(prefill: WebhookDraft(webhook))
        editing = webhook
        submitButton = Button("Save changes", bar: "save", meaning: "save the changed fields; nothing invalid is ever sent")
    }

    public init(prefill draft: WebhookDraft) {
        name = TextInput(draft.name)
        url = TextInput(draft.url)
        events = Set(draft.events.compactMap(EventType.init(rawValue:)))
        enabled = draft.status != 0
        filterUsers = TextInput(FilterList.join(draft.filterUsers))
        filterDomains = TextInput(FilterList.join(draft.filterDomains))
    }

    /// The 14 events, in two columns, grouped by direction, each group with its select-all key.
    static func eventChecklist() -> Checklist {
        let all = EventType.allCases
        let outbound = all.indices.filter { all[$0].direction == .outbound }
        let inbound = all.indices.filter { all[$0].direction == .inbound }
        return Checklist(
            items: all.map { Checklist.Item($0.shortName, detail: $0.shortSummary) },
            groups: [
                Checklist.Group("Outbound", items: outbound.first!..<(outbound.last! + 1), key: "o"),
                Checklist.Group("Inbound", items: inbound.first!..<(inbound.last! + 1), key: "i"),
            ],
            columns: 2)
    }

    /// For an edit: the changes to send (empty when nothing changed), or nil when a changed
    /// field is invalid.
    var patch: WebhookPatch? {
        guard let editing else { return nil }
        return WebhookPatch.between(editing, and: draft).patch
    }

    /// Event names of the edited webhook that the checklist cannot show (`outbound.queued`):
    /// they stay unless the events are changed, which drops them.
    var unlistedEvents: [String] { editing?.events.filter { $0.known == nil }.map(\.rawValue) ?? [] }

    /// The status the edited webhook has is not known (the API sent none it could read), and
    /// the toggle was not touched: none is sent.
    var statusUnknown: Bool { editing != nil && editing?.status == nil && !statusTouched }

    /// Words for what is sending: a create, or a save of an edit.
    var sendingWords: (doing: String, noun: String) { editing == nil ? ("Creating", "create") : ("Saving", "save") }

    /// The selected events.
    public var events: Set<EventType> {
        get { Set(eventList.selected.map { EventType.allCases[$0] }) }
        set { eventList.selected = Set(newValue.compactMap { EventType.allCases.firstIndex(of: $0) }) }
    }

    /// Index into `EventType.allCases` of the highlighted event.
    public var eventCursor: Int { eventList.cursor }

    public var enabled: Bool {
        get { status.isOn }
        set { status.isOn = newValue }
    }

    public var isSending: Bool { sendingSince != nil }

    public var draft: WebhookDraft {
        WebhookDraft(name: name.text, url: url.text, events: EventType.allCases.filter(events.contains).map(\.rawValue),
                     status: statusUnknown ? WebhookDraft.unknownStatus : enabled ? 1 : 0, filterUsers: FilterList.split(filterUsers.text),
                     filterDomains: FilterList.split(filterDomains.text))
    }

    /// Every problem to show, and the create request when there is none. An edit checks only
    /// what it changes (and has no create request: `patch` is what it sends).
    public var validation: WebhookValidator.Outcome {
        var outcome = editing.map { WebhookValidator.Outcome(report: WebhookPatch.between($0, and: draft).report, request: nil) }
            ?? WebhookValidator.validate(draft)
        let owned = FilterChoices.problems(self)
        if !owned.isEmpty {
            outcome.report.problems += owned
            outcome.request = nil
        }
        return outcome
    }

    /// True when there is something a person would not want to lose.
    public var hasInput: Bool {
        if editing != nil { return patch.map { !$0.isEmpty } ?? true }
        return !name.isEmpty || !url.isEmpty || !events.isEmpty || !filterUsers.isEmpty || !filterDomains.isEmpty || !enabled
    }

    /// The text input behind a control, for editing.
    public subscript(text control: Control) -> TextInput? {
        get {
            switch control {
            case .name: name
            case .url: url
            case .filterUsers: filterUsers
            case .filterDomains: filterDomains
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch control {
            case .name: name = newValue
            case .url: url = newValue
            case .filterUsers: filterUsers = newValue
            case .filterDomains: filterDomains = newValue
            default: break
            }
        }
    }

    /// The problems to show for a field: the server's first, then validation's, once touched.
    public func visibleProblems(_ field: WebhookField, report: ValidationReport) -> [ValidationProblem] {
        var shown: [ValidationProblem] = []
        if let server = serverErrors[field] { shown.append(.init(field, .error, server)) }
        if touched.contains(field) { shown += report.errors(for: field) + report.warnings(for: field) }
        return shown
    }

    // MARK: Screen

    public var title: String { editing == nil ? "New webhook" : "Edit webhook" }
    /// Its messages go beside the Create button, over two rows of its own.
    public var showsStatusLine: Bool { false }
    public var minimumSize: Size { Size(columns: FormLayout.minimumColumns, rows: FormLayout.minimumRows(self)) }
    public var isTyping: Bool { focus.isTextField }
    public var helpSections: [HelpSection] { Self.sections(self) }
    public var wantsTicks: Bool { isSending }
    public var waitsForSettled: Bool { choices.neverAsked }

    public var unsavedInput: String? {
        guard hasInput else { return nil }
        return editing == nil ? "The form has input that has not been sent." : "The changes have not been saved."
    }

    /// Pushed from the list, the form asks for the account's lists at once; on its own (the
    /// `create` command) a second after the first frame (`settled`), off the way of the first keys.
    public mutating func appear(_ context: ScreenContext) -> Outcome {
        context.depth > 1 && choices.neverAsked ? FilterChoices.load(&self, context) : .none
    }

    public mutating func settled(_ context: ScreenContext) -> Outcome {
        choices.neverAsked ? FilterChoices.load(&self, context) : .none
    }

    /// Esc on a window too small for the form: back to the list, asking first when input would be lost.
    public mutating func leave(_ context: ScreenContext) -> Outcome { leaving(context) }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        FormView.draw(self, context: context, focused: focused, into: &grid)
    }
}
