/// Checks a draft against the API schema. Returns every problem, per field, and the request
/// to send when there is no error. The sandbox API uses the same rules, so both agree.
public enum WebhookValidator {
    public struct Outcome: Sendable, Equatable {
        public var report: ValidationReport
        /// Nil when the report has errors.
        public var request: CreateWebhookRequest?

        public init(report: ValidationReport, request: CreateWebhookRequest?) { self.report = report; self.request = request }
    }

    public static func validate(_ draft: WebhookDraft) -> Outcome {
        var problems = NameRule.check(draft.name)
        problems += URLRule.check(draft.url)
        let (events, eventProblems) = EventsRule.check(draft.events)
        problems += eventProblems
        let status = WebhookStatus(rawValue: draft.status)
        if status == nil { problems.append(.init(.status, .error, "Status must be 1 (enabled) or 0 (disabled).")) }
        let (users, userProblems) = FilterUsersRule.check(draft.filterUsers)
        problems += userProblems
        let (domains, domainProblems) = FilterDomainsRule.check(draft.filterDomains)
        problems += domainProblems
        problems += crossFieldWarnings(events: events, users: users, domains: domains)

        let report = ValidationReport(problems.sorted { order($0.field) < order($1.field) })
        guard !report.hasErrors, let status else { return Outcome(report: report, request: nil) }
        let request = CreateWebhookRequest(name: draft.name, url: draft.url, events: events, status: status,
                                           filterUsers: users, filterDomains: domains)
        return Outcome(report: report, request: request)
    }

    /// Filters only apply to events of their direction; a filter with no such event does nothing.
    static func crossFieldWarnings(events: [EventType], users: [String]?, domains: [String]?) -> [ValidationProblem] {
        guard !events.isEmpty else { return [] }
        var out: [ValidationProblem] = []
        if users != nil, !events.contains(where: { $0.direction == .outbound }) {
            out.append(.init(.filterUsers, .warning, "Filter users only apply to outbound events, and none is chosen."))
        }
        if domains != nil, !events.contains(where: { $0.direction == .inbound }) {
            out.append(.init(.filterDomains, .warning, "Filter domains only apply to inbound events, and none is chosen."))
        }
        return out
    }

    private static func order(_ field: WebhookField) -> Int { WebhookField.allCases.firstIndex(of: field)! }
}
