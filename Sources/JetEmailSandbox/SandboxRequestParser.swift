import JetEmailClient

/// Turns a JSON body into a draft, with the type errors the API reports before its field
/// rules ("URL is required and must be a string").
enum SandboxRequestParser {
    enum Outcome { case draft(WebhookDraft, present: Set<WebhookField>), error(String) }

    /// `requireAll` for create (name, url, events required); false for update.
    static func draft(from object: [String: JSONValue], requireAll: Bool) -> Outcome {
        var draft = WebhookDraft()
        var present = Set<WebhookField>()
        if let name = object["name"] ?? (requireAll ? .null : nil) {
            guard let text = name.string else { return .error("Name is required and must be a string") }
            draft.name = text; present.insert(.name)
        }
        if let url = object["url"] ?? (requireAll ? .null : nil) {
            guard let text = url.string else { return .error("URL is required and must be a string") }
            draft.url = text; present.insert(.url)
        }
        if let events = object["events"] ?? (requireAll ? .null : nil) {
            guard let list = events.strings else { return .error("Events must be a non-empty array of event types") }
            draft.events = list; present.insert(.events)
        }
        if let status = object["status"] {
            guard let n = status.integer else { return .error("Status must be 0 or 1") }
            draft.status = n; present.insert(.status)
        }
        for (key, field) in [("filter_users", WebhookField.filterUsers), ("filter_domains", .filterDomains)] {
            guard let value = object[key] else { continue }
            guard value.isNull || value.strings != nil else { return .error("\(key) must be an array of strings or null") }
            if field == .filterUsers { draft.filterUsers = value.strings ?? [] } else { draft.filterDomains = value.strings ?? [] }
            present.insert(field)
        }
        return .draft(draft, present: present)
    }
}
