import JetEmailClient
import TerminalUI

/// What the person has entered, where the focus is, and which problems to show.
public struct FormState: Sendable, Equatable {
    public var name = TextField()
    public var url = TextField()
    public var events: Set<EventType> = []
    /// Index into `EventType.allCases` of the highlighted event.
    public var eventCursor = 0
    public var enabled = true
    public var filterUsers = TextField()
    public var filterDomains = TextField()
    public var focus: Control = .name
    /// Fields whose problems are shown: left once, or all of them after a submit attempt.
    public var touched: Set<WebhookField> = []
    /// Errors the server gave, by field, until that field is edited.
    public var serverErrors: [WebhookField: String] = [:]

    public init() {}

    public init(prefill draft: WebhookDraft) {
        name = TextField(draft.name)
        url = TextField(draft.url)
        events = Set(draft.events.compactMap(EventType.init(rawValue:)))
        enabled = draft.status != 0
        filterUsers = TextField(FilterList.join(draft.filterUsers))
        filterDomains = TextField(FilterList.join(draft.filterDomains))
    }

    public var draft: WebhookDraft {
        WebhookDraft(name: name.text, url: url.text, events: EventType.allCases.filter(events.contains).map(\.rawValue),
                     status: enabled ? 1 : 0, filterUsers: FilterList.split(filterUsers.text),
                     filterDomains: FilterList.split(filterDomains.text))
    }

    public var validation: WebhookValidator.Outcome { WebhookValidator.validate(draft) }

    /// True when there is something a person would not want to lose.
    public var hasInput: Bool {
        !name.isEmpty || !url.isEmpty || !events.isEmpty || !filterUsers.isEmpty || !filterDomains.isEmpty || !enabled
    }

    /// The text field behind a control, for editing.
    public subscript(text control: Control) -> TextField? {
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
}
