import JetEmailClient
import TerminalUI

/// The list's requests and their answers: loading, enabling/disabling, deleting. A change shows
/// as pending until the server agrees, and goes back (with the error) if it refuses.
enum ListFlow {
    static func load(_ list: inout ListState, screen: Int, app s: inout AppState) -> [Effect] {
        if let refusal = refusal(&s, doing: "loading") { s.status = refusal; return [] }
        var effects: [Effect] = []
        if let old = list.loading { effects.append(.cancelSubmit(id: old)) }
        let id = s.makeRequestID()
        s.requests[id] = screen
        list.loading = id
        return effects + [.call(id: id, .list)]
    }

    static func setStatus(_ list: inout ListState, screen: Int, _ webhook: Webhook, _ status: WebhookStatus, app s: inout AppState) -> [Effect] {
        if let refusal = refusal(&s, doing: "changing anything") { s.status = refusal; return [] }
        let id = s.makeRequestID()
        s.requests[id] = screen
        list.pending[webhook.uuid] = .init(request: id, change: .status(status))
        list.refreshRows()
        s.status = StatusMessage(.info, "\(status == .enabled ? "Enabling" : "Disabling") \(TerminalSafe.escaped(webhook.name))…")
        return [.call(id: id, .update(WebhookPatch(uuid: webhook.uuid, status: status)))]
    }

    static func delete(_ list: inout ListState, screen: Int, uuid: String, app s: inout AppState) -> [Effect] {
        guard let webhook = list.webhooks.first(where: { $0.uuid == uuid }) else { return [] }
        if let refusal = refusal(&s, doing: "changing anything") { s.status = refusal; return [] }
        let id = s.makeRequestID()
        s.requests[id] = screen
        list.pending[uuid] = .init(request: id, change: .deleting)
        list.refreshRows()
        s.status = StatusMessage(.info, "Deleting \(TerminalSafe.escaped(webhook.name))…")
        return [.call(id: id, .delete(uuid: uuid))]
    }

    /// Esc: stop waiting for every request of the list. A change may still have reached JetEmail.
    static func cancelAll(_ list: inout ListState, app s: inout AppState) -> [Effect] {
        var ids = list.pending.values.map(\.request)
        if let loading = list.loading { ids.append(loading) }
        let changed = !list.pending.isEmpty
        list.loading = nil
        list.pending = [:]
        list.refreshRows()
        for id in ids { s.requests[id] = nil }
        s.status = StatusMessage(.warning, changed ? "Cancelled. A change may still have reached JetEmail: r reloads the list." : "Cancelled.")
        return ids.sorted().map { .cancelSubmit(id: $0) }
    }

    /// A 429 holds every network action until it passes.
    private static func refusal(_ s: inout AppState, doing: String) -> StatusMessage? {
        guard let limit = s.rateLimit, let text = limit.refusal(now: s.now, doing: doing) else { return nil }
        return StatusMessage(.error, text)
    }

    static func confirmed(_ list: inout ListState, screen: Int, _ action: ConfirmAction, app s: inout AppState) -> [Effect] {
        switch action {
        case .disable(let uuid):
            guard let webhook = list.webhooks.first(where: { $0.uuid == uuid }) else { return [] }
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
            switch result {
            case .success(let webhooks):
                list.loaded = true
                list.failed = false
                list.setWebhooks(webhooks)
                if case .info? = s.status?.tone { s.status = nil }
            case .failure(let error):
                list.failed = true
                show(error, message: error.readMessage, app: &s)
            }
        case .webhook(let result):
            guard let (uuid, _) = list.pending.first(where: { $0.value.request == id }) else { return }
            list.pending[uuid] = nil
            switch result {
            case .success(let webhook):
                list.replace(webhook)
                s.status = StatusMessage(.success, "\(TerminalSafe.escaped(webhook.name)) is \(webhook.status?.word ?? "changed").")
            case .failure(.notFound):
                gone(&list, uuid: uuid, app: &s)
            case .failure(let error):
                list.refreshRows()
                show(error, app: &s)
            }
        case .deleted(let uuid, let result):
            guard list.pending[uuid]?.request == id else { return }
            let name = list.webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
            switch result {
            case .success:
                list.remove(uuid: uuid)
                s.status = StatusMessage(.success, "Deleted \(name).")
            case .failure(.notFound):
                gone(&list, uuid: uuid, app: &s)
            case .failure(let error):
                list.pending[uuid] = nil
                list.refreshRows()
                show(error, app: &s)
            }
        case .deliveries, .replayed, .choices:
            break
        }
    }

    /// 404: deleted elsewhere. The row goes, and the person is told.
    private static func gone(_ list: inout ListState, uuid: String, app s: inout AppState) {
        let name = list.webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
        list.remove(uuid: uuid)
        s.status = StatusMessage(.warning, "\(name) no longer exists (deleted elsewhere?); it was removed from the list.")
    }

    /// `message`: the error's own unless the request changes nothing (a read says so).
    private static func show(_ error: JetEmailError, message: String? = nil, app s: inout AppState) {
        if case .rateLimited(let retryAfter, _) = error { s.rateLimit = RateLimit(retryAfter: retryAfter, now: s.now) }
        s.status = StatusMessage(.error, message ?? error.message)
    }
}
