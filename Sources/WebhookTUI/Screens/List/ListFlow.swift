import JetEmailClient
import TerminalUI

/// The list's requests and their answers: loading, enabling/disabling, deleting. A change shows
/// as pending until the server agrees, goes back (with the error) if it refuses, and shows as
/// uncertain (`?`) when no clear answer came, until the next load.
enum ListFlow {
    static func load(_ list: inout ListState, screen: Int, app s: inout AppState) -> [Effect] {
        if let refusal = refusal(&s, doing: "loading") { s.status = refusal; return [] }
        var effects: [Effect] = []
        if let old = list.loading { effects.append(.cancelSubmit(id: old)); s.requests[old] = nil }
        let id = s.makeRequestID()
        s.requests[id] = screen
        list.loading = id
        list.loadingSince = s.now
        // Changes confirmed from now on are newer than this load's answer; older ones are in it.
        list.changedDuringLoad = [:]
        return effects + [.call(id: id, .list)]
    }

    static func setStatus(_ list: inout ListState, screen: Int, _ webhook: Webhook, _ status: WebhookStatus, app s: inout AppState) -> [Effect] {
        if let refusal = refusal(&s, doing: "changing anything") { s.status = refusal; return [] }
        let id = s.makeRequestID()
        s.requests[id] = screen
        list.pending[webhook.uuid] = .init(request: id, change: .status(status))
        list.refreshRows()
        let name = TerminalSafe.escaped(webhook.name)
        s.status = StatusMessage(.info, "\(status == .enabled ? "Enabling" : "Disabling") \(name)…")
        s.changesInFlight[id] = "\(status == .enabled ? "enabling" : "disabling") \(name) (\(webhook.uuid))"
        return [.call(id: id, .update(WebhookPatch(uuid: webhook.uuid, status: status)))]
    }

    static func delete(_ list: inout ListState, screen: Int, uuid: String, app s: inout AppState) -> [Effect] {
        guard let webhook = list.webhooks.first(where: { $0.uuid == uuid }) else { return [] }
        if let refusal = refusal(&s, doing: "changing anything") { s.status = refusal; return [] }
        let id = s.makeRequestID()
        s.requests[id] = screen
        list.pending[uuid] = .init(request: id, change: .deleting)
        list.refreshRows()
        let name = TerminalSafe.escaped(webhook.name)
        s.status = StatusMessage(.info, "Deleting \(name)…")
        s.changesInFlight[id] = "the delete of \(name) (\(uuid))"
        return [.call(id: id, .delete(uuid: uuid))]
    }

    /// Esc: stop waiting for every request of the list. A change may still have reached
    /// JetEmail: its row shows `?` until the next load.
    static func cancelAll(_ list: inout ListState, app s: inout AppState) -> [Effect] {
        var ids = list.pending.values.map(\.request)
        if let loading = list.loading { ids.append(loading) }
        let changed = !list.pending.isEmpty
        list.uncertain.formUnion(list.pending.keys)
        list.loading = nil
        list.loadingSince = nil
        list.pending = [:]
        list.refreshRows()
        for id in ids {
            s.requests[id] = nil
            s.changesInFlight[id] = nil
        }
        s.status = StatusMessage(.warning, changed ? "Cancelled. The change may still have reached JetEmail (marked ?): r reloads the list." : "Cancelled.")
        return ids.sorted().map { .cancelSubmit(id: $0) }
    }

    /// A 429 holds every network action until it passes.
    private static func refusal(_ s: inout AppState, doing: String) -> StatusMessage? {
        guard let limit = s.rateLimit, let text = limit.refusal(now: s.now, doing: doing) else { return nil }
        return StatusMessage(.error, text)
    }

    static func confirmed(_ list: inout ListState, screen: Int, _ action: ConfirmAction, app s: inout AppState) -> [Effect] {
        switch action {
        case .disable(let uuid), .enable(let uuid):
            guard let webhook = list.webhooks.first(where: { $0.uuid == uuid }) else { return [] }
            if case .enable = action { return setStatus(&list, screen: screen, webhook, .enabled, app: &s) }
            return setStatus(&list, screen: screen, webhook, .disabled, app: &s)
        case .delete(let uuid):
            return delete(&list, screen: screen, uuid: uuid, app: &s)
        case .leaveForm, .replay:
            return []
        }
    }

    static func answered(_ list: inout ListState, id: Int, _ answer: APIAnswer, app s: inout AppState) {
        switch answer {
        case .list(let result):
            guard list.loading == id else { return }
            list.loading = nil
            list.loadingSince = nil
            switch result {
            case .success(let webhooks):
                list.loaded = true
                list.failed = false
                list.arrived(webhooks)
                if case .info? = s.status?.tone { s.status = nil }
            case .failure(let error):
                list.failed = true
                s.status = StatusMessage(.error, error.readMessage)
            }
        case .webhook(let result):
            guard let (uuid, pending) = list.pending.first(where: { $0.value.request == id }) else { return }
            list.pending[uuid] = nil
            let name = list.webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
            switch result {
            case .success(let webhook):
                list.confirmed(uuid: uuid, now: webhook)
                s.status = StatusMessage(.success, "\(TerminalSafe.escaped(webhook.name)) is \(webhook.status?.word ?? "changed").")
            case .failure(.savedButNotRead(let reason)):
                // Saved: the row shows the status sent; the next load brings the rest.
                if case .status(let status) = pending.change, var webhook = list.webhooks.first(where: { $0.uuid == uuid }) {
                    webhook.status = status
                    list.confirmed(uuid: uuid, now: webhook)
                    s.status = StatusMessage(.warning, "\(name) is \(status.word); the fresh copy could not be read (\(reason)).")
                } else {
                    list.refreshRows()
                }
            case .failure(.notFound):
                gone(&list, uuid: uuid, app: &s)
            case .failure(let error):
                unclear(&list, uuid: uuid, error, what: "change", app: &s)
            }
        case .deleted(let uuid, let result):
            guard list.pending[uuid]?.request == id else { return }
            let name = list.webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
            list.pending[uuid] = nil
            switch result {
            case .success:
                list.confirmed(uuid: uuid, now: nil)
                s.status = StatusMessage(.success, "Deleted \(name).")
            case .failure(.notFound):
                gone(&list, uuid: uuid, app: &s)
            case .failure(let error):
                unclear(&list, uuid: uuid, error, what: "delete", app: &s)
            }
        case .deliveries, .replayed, .choices:
            break
        }
    }

    /// A change failed. When the answer says it may still have happened (none came, or one that
    /// could not be read), the row is marked `?` instead of snapping back as if nothing happened.
    private static func unclear(_ list: inout ListState, uuid: String, _ error: JetEmailError, what: String, app s: inout AppState) {
        let operation: JetEmailError.Operation = what == "delete" ? .delete : .change
        if error.outcomeUnknown { list.uncertain.insert(uuid) }
        list.refreshRows()
        s.status = StatusMessage(.error, error.message(doing: operation) + (error.outcomeUnknown ? " (marked ?; r reloads)" : ""))
    }

    /// 404: deleted elsewhere. The row goes, and the person is told.
    private static func gone(_ list: inout ListState, uuid: String, app s: inout AppState) {
        let name = list.webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
        list.confirmed(uuid: uuid, now: nil)
        s.status = StatusMessage(.warning, "\(name) no longer exists (deleted elsewhere?); it was removed from the list.")
    }
}
