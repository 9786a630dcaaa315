/// What `apply` would do to make the account match a file of webhooks, matched by name: create,
/// update field by field, leave alone, and (only when pruning) delete. Made from the file and the
/// account as read, before anything is sent; the whole file is checked first, and every
/// problem is tied to its line.
public struct WebhookPlan: Sendable, Equatable {
    /// One field that differs: as the account has it, and as the file says.
    public struct Diff: Sendable, Equatable {
        public var field: String
        public var old: String
        public var new: String
    }

    public enum Change: Sendable, Equatable {
        case create(name: String, request: CreateWebhookRequest)
        case update(uuid: String, name: String, diffs: [Diff], patch: WebhookPatch)
        case unchanged(uuid: String, name: String)
        /// In the account, not in the file: deleted with `--prune`…
        case delete(uuid: String, name: String, url: String)
        /// …and left alone without it (said, so that nothing is a surprise).
        case notInFile(uuid: String, name: String)

        public var sends: Bool {
            switch self {
            case .create, .update, .delete: true
            case .unchanged, .notInFile: false
            }
        }
    }

    /// The account's filter values (the pickers' lists): nil when they could not be read, and
    /// then not checked here (the API checks them, with a 403).
    public struct Owned: Sendable, Equatable {
        public var users: Set<String>?
        public var domains: Set<String>?
        public init(users: Set<String>?, domains: Set<String>?) { self.users = users; self.domains = domains }
    }

    public var changes: [Change]
    public var warnings: [WebhookFile.Problem] = []

    public var sendsAnything: Bool { changes.contains { $0.sends } }
    public func count(_ kind: (Change) -> Bool) -> Int { changes.filter(kind).count }
    public var creates: Int { count { if case .create = $0 { true } else { false } } }
    public var updates: Int { count { if case .update = $0 { true } else { false } } }
    public var deletes: Int { count { if case .delete = $0 { true } else { false } } }

    /// The plan, or every problem of the file against the account.
    public static func make(_ file: WebhookFile, account: [Webhook], owned: Owned, prune: Bool) -> (plan: WebhookPlan?, problems: [WebhookFile.Problem]) {
        var problems: [WebhookFile.Problem] = []
        var warnings: [WebhookFile.Problem] = []
        var changes: [Change] = []
        var seen: [String: Int] = [:]
        let queued = "outbound.queued"
        func problem(_ entry: WebhookFile.Entry, _ field: WebhookField?, _ message: String) {
            problems.append(WebhookFile.Problem(path: file.path, line: field.map(entry.line(of:)) ?? entry.line, field: field?.apiName, message: message))
        }
        for entry in file.entries {
            guard let name = entry.name else { problem(entry, nil, "this webhook has no name (name = \"…\"): a file matches webhooks by name"); continue }
            if let first = seen[name] { problem(entry, .name, "\"\(name)\" is also the name of the webhook at line \(first): names must be unique"); continue }
            seen[name] = entry.line
            let events = entry.events ?? []
            let keepsQueued = events.contains(queued)
            let draft = WebhookDraft(name: name, url: entry.url ?? "", events: events.filter { $0 != queued }, status: entry.status ?? 1,
                                     filterUsers: entry.filterUsers ?? [], filterDomains: entry.filterDomains ?? [])
            let outcome = WebhookValidator.validate(draft)
            let same = account.filter { $0.name == name }
            // A webhook the account has is checked only in the fields the file changes, as an
            // edit is: a name the create rules would now refuse, left alone, stays.
            let update = same.count == 1 ? difference(same[0], wanted(entry), keepsQueued: keepsQueued) : nil
            let changing = update.map { Set($0.0.map(\.field)) }
            for found in outcome.report.problems where changing?.contains(found.field.apiName) ?? true {
                let at = WebhookFile.Problem(path: file.path, line: entry.line(of: found.field), field: found.field.apiName, message: found.message)
                if found.severity == .error { problems.append(at) } else { warnings.append(at) }
            }
            if let users = owned.users, let bad = Optional((entry.filterUsers ?? []).filter { !users.contains($0) }), !bad.isEmpty {
                problem(entry, .filterUsers, "not a user of this account: \(bad.joined(separator: ", ")) (yours: \(users.sorted().joined(separator: ", ")))")
            }
            if let domains = owned.domains, let bad = Optional((entry.filterDomains ?? []).filter { !domains.contains($0.lowercased()) }), !bad.isEmpty {
                problem(entry, .filterDomains, "not an inbound domain of this account: \(bad.joined(separator: ", ")) (yours: \(domains.sorted().joined(separator: ", ")))")
            }
            if same.count > 1 {
                problem(entry, .name, "\(same.count) webhooks of the account are named \"\(name)\" (\(same.map(\.uuid).joined(separator: ", "))): "
                        + "rename all but one, since a file matches webhooks by name")
                continue
            }
            guard let current = same.first else {
                if keepsQueued { problem(entry, .events, "'\(queued)' cannot be subscribed to: a new webhook cannot have it (JetEmail's create refuses it)") }
                if let request = outcome.request { changes.append(.create(name: name, request: request)) }
                continue
            }
            guard let (diffs, patch) = update else { continue }
            changes.append(diffs.isEmpty ? .unchanged(uuid: current.uuid, name: name) : .update(uuid: current.uuid, name: name, diffs: diffs, patch: patch))
        }
        for webhook in account.sorted(by: { $0.name < $1.name }) where seen[webhook.name] == nil {
            changes.append(prune ? .delete(uuid: webhook.uuid, name: webhook.name, url: webhook.url) : .notInFile(uuid: webhook.uuid, name: webhook.name))
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (WebhookPlan(changes: changes, warnings: warnings), [])
    }

    /// What an entry says the webhook should be, as written (unchecked: an update checks only
    /// the fields it changes): the events the create list knows, enabled unless it says otherwise.
    public static func wanted(_ entry: WebhookFile.Entry) -> CreateWebhookRequest {
        CreateWebhookRequest(name: entry.name ?? "", url: entry.url ?? "", events: (entry.events ?? []).compactMap(EventType.init(rawValue:)),
                             status: WebhookStatus(rawValue: entry.status ?? 1) ?? .enabled, filterUsers: entry.filterUsers, filterDomains: entry.filterDomains)
    }

    /// The fields of `current` that the file changes, and the patch that changes them (only those).
    static func difference(_ current: Webhook, _ wanted: CreateWebhookRequest, keepsQueued: Bool) -> ([Diff], WebhookPatch) {
        var diffs: [Diff] = []
        var patch = WebhookPatch(uuid: current.uuid)
        if current.url != wanted.url {
            diffs.append(Diff(field: "url", old: current.url, new: wanted.url))
            patch.url = wanted.url
        }
        let have = Set(current.events.map(\.rawValue))
        let want = Set(wanted.events.map(\.rawValue) + (keepsQueued ? ["outbound.queued"] : []))
        if have != want {
            diffs.append(Diff(field: "events", old: words(current.events.map(\.rawValue)), new: words(wanted.events.map(\.rawValue) + (keepsQueued ? ["outbound.queued"] : []))))
            // outbound.queued is never sent (the update refuses it): the new set without it.
            patch.events = wanted.events.map(EventName.init)
        }
        if current.status != wanted.status {
            diffs.append(Diff(field: "status", old: current.status?.word ?? "unreadable", new: wanted.status.word))
            patch.status = wanted.status
        }
        for (field, had, wants, set) in [("filter_users", current.filterUsers ?? [], wanted.filterUsers ?? [], \WebhookPatch.filterUsers),
                                         ("filter_domains", current.filterDomains ?? [], wanted.filterDomains ?? [], \WebhookPatch.filterDomains)]
        where Set(had) != Set(wants) {
            diffs.append(Diff(field: field, old: words(had), new: words(wants)))
            patch[keyPath: set] = wants.isEmpty ? .clear : .set(wants)
        }
        return (diffs, patch)
    }

    static func words(_ list: [String]) -> String { list.isEmpty ? "(none)" : list.joined(separator: ", ") }
}
