import JetEmailClient
import TerminalUI

/// Marks on the list (k9s's): `m` marks or unmarks a row (Space keeps enabling and disabling),
/// `V` marks the rows from the last mark to the selection, `*` every row the filter shows; Esc
/// clears them first. With marks, Space and `d` act on the marked webhooks after one question
/// naming how many and the first names.
extension ListScreen {
    mutating func toggleMark() -> Outcome {
        guard let uuid = selected?.uuid else { return .none }
        if marks.remove(uuid) == nil { marks.insert(uuid) }
        lastMark = table.selection
        refreshRows()
        return .status(.info, markSummary)
    }

    mutating func markRange() -> Outcome {
        guard let from = lastMark else { return toggleMark() }
        let rows = table.rows
        for row in min(from, table.selection)...max(from, table.selection) where rows.indices.contains(row) {
            marks.insert(rows[row].webhook.uuid)
        }
        lastMark = table.selection
        refreshRows()
        return .status(.info, markSummary)
    }

    mutating func markAllShown() -> Outcome {
        marks.formUnion(table.rows.map(\.webhook.uuid))
        refreshRows()
        return .status(.info, markSummary)
    }

    mutating func clearMarks() -> Outcome {
        marks = []
        lastMark = nil
        refreshRows()
        return .status(.info, "Marks cleared.")
    }

    var markSummary: String { marks.isEmpty ? "No webhook marked." : "\(marks.count) marked: Space enables or disables them, d deletes them, Esc clears." }

    /// The marked webhooks in the list's order (marks of webhooks gone are left out).
    var marked: [Webhook] { webhooks.filter { marks.contains($0.uuid) } }

    /// "Billing, Orders, CRM sync and 4 more".
    static func names(_ hooks: [Webhook]) -> String {
        let first = hooks.prefix(3).map { TerminalSafe.escaped($0.name) }.joined(separator: ", ")
        return hooks.count > 3 ? first + " and \(hooks.count - 3) more" : first
    }

    /// Space with marks: disable them (or enable them, the second choice); when none is
    /// enabled, enable them.
    func askToToggleMarked() -> Outcome {
        let hooks = marked
        guard !hooks.isEmpty else { return .none }
        let uuids = hooks.map(\.uuid)
        let n = hooks.count, plural = hooks.count == 1 ? "" : "s"
        if hooks.contains(where: { $0.status == .enabled }) {
            let dialog = ConfirmDialog(title: "Disable marked?", message: "Disable \(n) webhook\(plural) (\(Self.names(hooks)))? "
                                       + "Events are not delivered while a webhook is disabled. Or press e to enable them all.",
                                       question: "Disable \(n) webhook\(plural)? y/N, e: enable", confirmLabel: "disable them",
                                       alternative: ConfirmDialog.Alternative(key: "e", label: "enable them"))
            return .open(ConfirmModal(dialog, onYes: .tell(ListMessage.setStatusOfMarked(uuids, .disabled)),
                                      onAlternative: ScreenMessage(ListMessage.setStatusOfMarked(uuids, .enabled))))
        }
        let dialog = ConfirmDialog(title: "Enable marked?", message: "Enable \(n) webhook\(plural) (\(Self.names(hooks)))?",
                                   question: "Enable \(n) webhook\(plural)? y/N", confirmLabel: "enable them")
        return .open(ConfirmModal(dialog, onYes: .tell(ListMessage.setStatusOfMarked(uuids, .enabled))))
    }

    func askToDeleteMarked() -> Outcome {
        let hooks = marked
        guard !hooks.isEmpty else { return .none }
        let n = hooks.count, plural = hooks.count == 1 ? "" : "s"
        let dialog = ConfirmDialog(title: "Delete marked?", message: "Delete \(n) webhook\(plural) (\(Self.names(hooks)))? This cannot be undone.",
                                   question: "Delete \(n) webhook\(plural)? y/N", confirmLabel: "delete them", style: .error)
        return .open(ConfirmModal(dialog, onYes: .tell(ListMessage.deleteMarked(hooks.map(\.uuid)))))
    }

    /// Yes: a change each (each shows pending, then its answer); the marks go.
    mutating func actOnMarked(_ message: ListMessage, _ context: ScreenContext) -> Outcome {
        marks = []
        lastMark = nil
        var outcome = Outcome.none
        switch message {
        case .setStatusOfMarked(let uuids, let status):
            for uuid in uuids {
                guard let webhook = webhooks.first(where: { $0.uuid == uuid }), pending[uuid] == nil, webhook.status != status else { continue }
                outcome += setStatus(webhook, status, context)
            }
        case .deleteMarked(let uuids):
            for uuid in uuids { outcome += delete(uuid: uuid) }
        default:
            break
        }
        refreshRows()
        return outcome
    }
}
