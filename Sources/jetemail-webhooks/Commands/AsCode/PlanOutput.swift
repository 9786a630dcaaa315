import JetEmailClient

/// A plan in words (a diff to read in a terminal or a pull request) or as JSON (for CI).
enum PlanOutput {
    static func text(_ plan: WebhookPlan, file: String, target: String) -> String {
        let e = { (text: String) in TerminalSafe.escaped(text) }
        var lines = ["Plan for \(e(file)) against \(e(target)):"]
        var unchanged: [String] = [], kept: [String] = []
        for change in plan.changes {
            switch change {
            case .create(let name, let request):
                lines.append("  + create  \(e(name))")
                lines.append("      url             \(e(request.url))")
                lines.append("      events          \(request.events.map(\.rawValue).joined(separator: ", "))")
                lines.append("      status          \(request.status.word)")
                if let users = request.filterUsers { lines.append("      filter_users    \(users.map(e).joined(separator: ", "))") }
                if let domains = request.filterDomains { lines.append("      filter_domains  \(domains.map(e).joined(separator: ", "))") }
            case .update(let uuid, let name, let diffs, _):
                lines.append("  ~ update  \(e(name)) (\(e(uuid)))")
                for diff in diffs {
                    lines.append("      " + diff.field + String(repeating: " ", count: max(1, 16 - diff.field.count)) + "\(e(diff.old)) -> \(e(diff.new))")
                }
            case .delete(let uuid, let name, let url):
                lines.append("  - delete  \(e(name)) (\(e(uuid))) \(e(url))")
            case .unchanged(_, let name): unchanged.append(e(name))
            case .notInFile(_, let name): kept.append(e(name))
            }
        }
        if !unchanged.isEmpty { lines.append("  = unchanged: \(unchanged.count) (\(unchanged.joined(separator: ", ")))") }
        if !kept.isEmpty { lines.append("  · not in the file, kept: \(kept.count) (\(kept.joined(separator: ", "))); --prune deletes them") }
        lines.append(plan.sendsAnything ? "\(plan.creates) to create, \(plan.updates) to update, \(plan.deletes) to delete." : "Nothing to change: the account matches the file.")
        return lines.joined(separator: "\n")
    }

    struct JSONPlan: Encodable {
        struct Change: Encodable {
            var action: String
            var uuid: String?
            var name: String
            var url: String?
            var events: [String]?
            var status: String?
            var filter_users: [String]?
            var filter_domains: [String]?
            var diffs: [[String: String]]?
        }
        var file: String
        var changes_anything: Bool
        var create: Int, update: Int, delete: Int
        var changes: [Change]
    }

    static func json(_ plan: WebhookPlan, file: String) -> String {
        let changes = plan.changes.map { change -> JSONPlan.Change in
            switch change {
            case .create(let name, let r):
                JSONPlan.Change(action: "create", name: name, url: r.url, events: r.events.map(\.rawValue), status: r.status.word,
                                filter_users: r.filterUsers ?? [], filter_domains: r.filterDomains ?? [])
            case .update(let uuid, let name, let diffs, _):
                JSONPlan.Change(action: "update", uuid: uuid, name: name, diffs: diffs.map { ["field": $0.field, "old": $0.old, "new": $0.new] })
            case .unchanged(let uuid, let name): JSONPlan.Change(action: "unchanged", uuid: uuid, name: name)
            case .delete(let uuid, let name, let url): JSONPlan.Change(action: "delete", uuid: uuid, name: name, url: url)
            case .notInFile(let uuid, let name): JSONPlan.Change(action: "not_in_file", uuid: uuid, name: name)
            }
        }
        return WebhookOutput.json(JSONPlan(file: file, changes_anything: plan.sendsAnything, create: plan.creates, update: plan.updates,
                                           delete: plan.deletes, changes: changes))
    }
}
