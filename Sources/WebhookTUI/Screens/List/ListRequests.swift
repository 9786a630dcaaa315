import JetEmailClient
import TerminalUI

/// The list's requests and their answers: loading, enabling and disabling, deleting, and what
/// other screens tell it (a webhook saved or created, a question answered, a key from details).
extension ListScreen {
    mutating func load(_ context: ScreenContext) -> Outcome {
        var outcome = loading ? Outcome.cancel(ListTag.list) : .none
        loading = true
        loadCancelled = false
        loadingSince = context.now
        // Changes confirmed from now on are newer than this load's answer; older ones are in it.
        changedDuringLoad = [:]
        outcome.requests.append(.api(ListTag.list, .list))
        return outcome
    }

    /// At most this many health queries out at once: they go at background priority, and a
    /// short queue leaves the budget to what the person asks for.
    static let healthInFlight = 8
    /// Below this many webhooks every row's figures are fetched (rows on screen first), so that
    /// sorting by failures sees them all; above it, only the rows on screen, unless the list is
    /// sorted by failures (then every row's, off-screen ones refreshed seldom: `freshFor`).
    static let healthForAllUpTo = 100

    /// How long figures stay fresh: a minute for a row on screen; off screen, where only the sort
    /// reads them, at least five minutes and long enough that they take about 60 requests a
    /// minute whatever the account's size (two a webhook), a third of the default budget.
    static func freshFor(onScreen: Bool, webhooks: Int) -> Double {
        onScreen ? DeliveryHealth.freshFor : max(300, Double(webhooks) * 2)
    }

    /// The webhooks whose figures are wanted, each with how long its figures stay fresh: the rows
    /// on screen first, then the rest when the account is small or the list is sorted by failures.
    func healthWanted() -> [(uuid: String, freshFor: Double)] {
        let rows = table.rows
        let visible = table.cursor.visible
        var wanted = visible.map { (rows[$0].webhook.uuid, Self.freshFor(onScreen: true, webhooks: webhooks.count)) }
        if webhooks.count <= Self.healthForAllUpTo || sort == .failures {
            let offScreen = Self.freshFor(onScreen: false, webhooks: webhooks.count)
            wanted += rows.indices.filter { !visible.contains($0) }.map { (rows[$0].webhook.uuid, offScreen) }
        }
        return wanted
    }

    /// Sorted by failures with some figures still unknown: how many are known, for the header.
    var failuresCounted: (known: Int, of: Int)? {
        guard sort == .failures else { return nil }
        let known = table.rows.count { health[$0.webhook.uuid]?.failed != nil || health[$0.webhook.uuid]?.couldNotFetch == true }
        return known < table.rows.count ? (known, table.rows.count) : nil
    }

    /// The rows on screen changed: their figures are asked for at the next tick.
    mutating func healthDue(_ context: ScreenContext) {
        if loaded { healthDueAt = context.now }
    }

    /// Asks for the figures that are missing or stale, rows on screen first, while the list is
    /// seen (else it looks again in a few seconds). A 429's hold is waited out in the request path.
    mutating func askHealth(_ context: ScreenContext) -> Outcome {
        guard loaded else { return .none }
        guard context.isOnTop else {
            healthDueAt = context.now + 5
            return .none
        }
        healthDueAt = nil
        var out = health.values.reduce(0) { $0 + $1.outstanding }
        var outcome = Outcome.none
        for (uuid, freshFor) in healthWanted() where !uuid.isEmpty {
            guard out + 2 <= Self.healthInFlight else { break }
            if let known = health[uuid], !known.isStale(now: context.now, freshFor: freshFor) { continue }
            var entry = health[uuid] ?? DeliveryHealth(askedAt: context.now)
            entry.askedAt = context.now
            entry.asking(uuid: uuid, nowUnix: context.unixNow)
            entry.outstanding = 2
            health[uuid] = entry
            out += 2
            for (failedOnly, query) in DeliveryHealth.queries(uuid: uuid, nowUnix: context.unixNow) {
                outcome.requests.append(.api(ListTag.health(uuid: uuid, failedOnly: failedOnly), .query(query), priority: .background))
            }
        }
        // Rows asked about show `…` until their figures come.
        if !outcome.requests.isEmpty { refreshRows() }
        return outcome
    }

    /// `o`: by name, by failures (most first), by status.
    mutating func cycleSort(_ context: ScreenContext) -> Outcome {
        sort = sort.next
        refreshRows()
        healthDue(context)
        return .status(.info, "Sorted \(sort.words).")
    }

    mutating func setStatus(_ webhook: Webhook, _ status: WebhookStatus, _ context: ScreenContext) -> Outcome {
        pending[webhook.uuid] = .status(status)
        refreshRows()
        let name = TerminalSafe.escaped(webhook.name)
        let doing = status == .enabled ? "enabling" : "disabling"
        return .send(.api(ListTag.change(uuid: webhook.uuid), .update(WebhookPatch(uuid: webhook.uuid, status: status)),
                          progress: "\(doing.prefix(1).uppercased() + doing.dropFirst()) \(name)…", change: "\(doing) \(name) (\(webhook.uuid))",
                          subject: "\(doing.prefix(1).uppercased() + doing.dropFirst()) \(name)"))
    }

    mutating func delete(uuid: String) -> Outcome {
        guard let webhook = webhooks.first(where: { $0.uuid == uuid }), pending[uuid] == nil else { return .none }
        pending[uuid] = .deleting
        refreshRows()
        let name = TerminalSafe.escaped(webhook.name)
        return .send(.api(ListTag.change(uuid: uuid), .delete(uuid: uuid), progress: "Deleting \(name)…", change: "the delete of \(name) (\(uuid))",
                          subject: "The delete of \(name)"))
    }

    /// Esc: stop waiting for every request of the list. A change may still have reached
    /// JetEmail: its row shows `?` until the next load.
    mutating func cancelAll() -> Outcome {
        var tags = pending.keys.sorted().map { RequestTag(ListTag.change(uuid: $0)) }
        if loading { tags.append(RequestTag(ListTag.list)) }
        let changed = !pending.isEmpty
        uncertain.formUnion(pending.keys)
        if loading && !loaded { loadCancelled = true }
        loading = false
        loadingSince = nil
        pending = [:]
        refreshRows()
        return .cancel(tags).with(.warning, changed ? "Cancelled. The change may still have reached JetEmail (marked ?): r reloads the list." : "Cancelled.")
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        switch answer {
        case .recoverPlanned(let result):
            return RecoverQuestion.answered(result, context)
        case .api(.deliveries(let result)):
            if case .sparkBucket(let uuid, let index)? = tag.as(ListTag.self) {
                if case .success(let page) = result { health[uuid]?.spark?.fill(.failed, bucket: index, page: page) }
                refreshRows()
                return .none
            }
            guard case .health(let uuid, let failedOnly)? = tag.as(ListTag.self), health[uuid] != nil else { return .none }
            health[uuid]?.answered(failedOnly: failedOnly, result)
            refreshRows()
            var outcome = askHealth(context)
            // The sparkline's buckets the failed rows did not reach: a count each, in the background.
            if failedOnly, case .success = result, let spark = health[uuid]?.spark {
                for index in spark.missing(.failed) {
                    outcome.requests.append(.api(ListTag.sparkBucket(uuid: uuid, index: index), .query(spark.countQuery(.failed, bucket: index)),
                                                 priority: .background))
                }
            }
            return outcome
        case .api(.list(let result)):
            guard loading else { return .none }
            loading = false
            loadingSince = nil
            switch result {
            case .success(let webhooks):
                loaded = true
                failed = false
                arrived(webhooks)
                // Figures of webhooks gone are dropped; the rest stay until they go stale.
                let present = Set(webhooks.map(\.uuid))
                health = health.filter { present.contains($0.key) }
                healthDue(context)
                return context.status?.tone == .info ? .clearStatus : .none
            case .failure(let error):
                failed = true
                return .status(.error, error.readMessage)
            }
        case .api(.webhook(let result)):
            guard case .change(let uuid)? = tag.as(ListTag.self), let change = pending.removeValue(forKey: uuid) else { return .none }
            let name = webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
            switch result {
            case .success(let webhook):
                confirmed(uuid: uuid, now: webhook)
                return .status(.success, "\(TerminalSafe.escaped(webhook.name)) is \(webhook.status?.word ?? "changed").")
            case .failure(.savedButNotRead(let reason)):
                // Saved: the row shows the status sent; the next load brings the rest.
                guard case .status(let status) = change, var webhook = webhooks.first(where: { $0.uuid == uuid }) else { refreshRows(); return .none }
                webhook.status = status
                confirmed(uuid: uuid, now: webhook)
                return .status(.warning, "\(name) is \(status.word); the fresh copy could not be read (\(reason)).")
            case .failure(.notFound):
                return gone(uuid: uuid)
            case .failure(let error):
                return unclear(uuid: uuid, error, operation: .change)
            }
        case .api(.deleted(let uuid, let result)):
            guard pending.removeValue(forKey: uuid) != nil else { return .none }
            let name = webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
            switch result {
            case .success:
                confirmed(uuid: uuid, now: nil)
                return .status(.success, "Deleted \(name).")
            case .failure(.notFound):
                return gone(uuid: uuid)
            case .failure(let error):
                return unclear(uuid: uuid, error, operation: .delete)
            }
        default:
            return .none
        }
    }

    /// A key pressed on a webhook's details acts on that webhook alone: never on the marked ones,
    /// never on another row because a filter hid this one.
    mutating func act(_ key: Key, onWebhook uuid: String, _ context: ScreenContext) -> Outcome {
        guard webhooks.contains(where: { $0.uuid == uuid }) else {
            return .status(.warning, "That webhook is no longer in the list; nothing was done.")
        }
        if !table.rows.contains(where: { $0.webhook.uuid == uuid }) {
            filter = TextInput()
            refreshRows(select: uuid)
        }
        select(uuid: uuid)
        guard selected?.uuid == uuid else { return .none }
        let keptMarks = marks
        marks = []
        defer { marks = keptMarks }
        return handle(key, context) ?? .none
    }

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        if let recover = message.as(RecoverConfirmed.self) {
            // Nothing on the list shows a replay land (a log turns its rows pending): the run's
            // screen opens, to watch the webhook recover; Esc is back on the list.
            return recover.start(context) + .push(RecoverScreen())
        }
        if let widened = message.as(RecoverWidened.self) { return widened.plan() }
        if let found = message.as(StoppedRecoversFound.self) {
            stoppedRecovers = found.recovers
            fit(context)
            return .none
        }
        if message.as(JobsChanged.self) != nil {
            // A stopped recover gone on with is no longer stopped.
            if let journal = context.job(RecoverStatus.self)?.state.journal, stoppedRecovers.contains(where: { $0.path == journal }) {
                stoppedRecovers.removeAll { $0.path == journal }
            }
            // Stopped rotations (in the context) come and go with the jobs too.
            fit(context)
            let rotating = context.job(RotationStatus.self)?.state.isRunning ?? false
            defer { rotationWasRunning = rotating }
            return rotationWasRunning && !rotating ? load(context) : .none
        }
        guard let message = message.as(ListMessage.self) else { return .none }
        switch message {
        case .disable(let uuid), .enable(let uuid):
            guard let webhook = webhooks.first(where: { $0.uuid == uuid }), pending[uuid] == nil else { return .none }
            if case .enable = message { return setStatus(webhook, .enabled, context) }
            return setStatus(webhook, .disabled, context)
        case .delete(let uuid):
            return delete(uuid: uuid)
        case .setStatusOfMarked, .deleteMarked:
            return actOnMarked(message, context)
        case .changed(let webhook, let select, let say):
            if loading { changedDuringLoad[webhook.uuid] = .some(webhook.withoutSecret) }
            replace(webhook, select: select)
            return say.map { .status($0.tone, $0.text) } ?? .none
        case .gone(let uuid):
            confirmed(uuid: uuid, now: nil)
            return .none
        case .act(let key, let uuid):
            return act(key, onWebhook: uuid, context)
        }
    }

    /// A change failed. When the answer says it may still have happened (none came, or one that
    /// could not be read), the row is marked `?` instead of snapping back as if nothing happened.
    private mutating func unclear(uuid: String, _ error: JetEmailError, operation: JetEmailError.Operation) -> Outcome {
        if error.outcomeUnknown { uncertain.insert(uuid) }
        refreshRows()
        return .status(.error, error.message(doing: operation) + (error.outcomeUnknown ? " (marked ?; r reloads)" : ""))
    }

    /// 404: deleted elsewhere. The row goes, and the person is told.
    private mutating func gone(uuid: String) -> Outcome {
        let name = webhooks.first { $0.uuid == uuid }.map { TerminalSafe.escaped($0.name) } ?? uuid
        confirmed(uuid: uuid, now: nil)
        return .status(.warning, "\(name) no longer exists (deleted elsewhere?); it was removed from the list.")
    }
}
