import JetEmailClient
import TerminalUI

/// `Ctrl-R` on the log of one webhook (or on the list's selected one): the plan is asked for (every page read, or the journal
/// of the same recover found), and the plan is the question. While a recover runs, `Ctrl-R`
/// shows it instead.
enum RecoverQuestion {
    static func plan(from log: DeliveryLogScreen, _ context: ScreenContext) -> Outcome {
        if let running = context.job(RecoverStatus.self)?.state, running.isRunning { return showRun(running, asking: log.webhook?.uuid) }
        guard let webhook = log.webhook, let filter = log.recoverFilter else {
            return .status(.warning, "A recover replays to one webhook: open its log from the list (L).")
        }
        if log.lookup != nil {
            return .status(.warning, "A recover replays by status, type and time, not one lookup: Esc clears the lookup first.")
        }
        return plan(filter, of: webhook.uuid, named: webhook.name)
    }

    /// `Ctrl-R` on the list: the failed deliveries of the selected webhook's latest outage (its
    /// latest run of failures, found for the plan); the question offers the whole log (`w`).
    static func plan(forWebhook webhook: Webhook, _ context: ScreenContext) -> Outcome {
        if let running = context.job(RecoverStatus.self)?.state, running.isRunning { return showRun(running, asking: webhook.uuid) }
        return plan(RecoverFilter(uuid: webhook.uuid, since: RecoverFilter.outageWord), of: webhook.uuid, named: webhook.name)
    }

    /// Marked webhooks and `Ctrl-R`: one recover of them all (each from its own latest outage),
    /// one journal, one budget.
    static func plan(forWebhooks webhooks: [Webhook], _ context: ScreenContext) -> Outcome {
        if let running = context.job(RecoverStatus.self)?.state, running.isRunning { return showRun(running, asking: nil) }
        guard let first = webhooks.first else { return .none }
        var filter = RecoverFilter(uuid: first.uuid, since: RecoverFilter.outageWord)
        filter.otherUUIDs = webhooks.dropFirst().map(\.uuid)
        return plan(filter, of: first.uuid, named: RecoverFilter.joinedNames(webhooks.map(\.name)))
    }

    /// `w` in a question about an outage: every failed delivery of the webhook, whenever.
    static let widen = ConfirmDialog.Alternative(key: "w", label: "the whole log instead")

    /// One at a time: while a recover runs, `Ctrl-R` shows it.
    private static func showRun(_ running: RecoverStatus, asking uuid: String?) -> Outcome {
        // Said on the run's screen, where the person now is (the asker's status line is hidden under it).
        let other = running.filter.uuid != uuid
        return .push(RecoverScreen(notice: other ? "A recover of \(TerminalSafe.escaped(running.webhookName)) is running; one at a time." : nil))
    }

    static func plan(_ filter: RecoverFilter, of uuid: String, named webhookName: String) -> Outcome {
        let name = TerminalSafe.escaped(webhookName)
        let progress = filter.sinceOutage ? "Finding when the failures of \(name) began, to plan the recover…"
            : "Reading the log of \(name) to plan the recover (\(TerminalSafe.escaped(filter.describe(webhookName: webhookName))))…"
        return .send(Request(RecoverPlanTag(), .recoverPlan(filter, webhookName: webhookName), progress: progress))
    }

    static func answered(_ result: Result<RecoverProposal, JetEmailError>, _ context: ScreenContext) -> Outcome {
        switch result {
        case .failure(let error):
            return .status(.error, "The recover was not planned: " + error.message(doing: .read))
        case .success(let proposal):
            return ask(proposal, context)
        }
    }

    /// The plan in a box: what, how many, of which types and codes, from when to when, how long;
    /// `y` starts it.
    static func ask(_ proposal: RecoverProposal, _ context: ScreenContext) -> Outcome {
        let name = TerminalSafe.escaped(proposal.webhookName)
        let filter = proposal.filter
        let what = "\(filter.status.rawValue) deliveries"
        let since = filter.sinceOutage ? " (latest outage)" : filter.since.map { " (since \(TerminalSafe.escaped($0)))" } ?? ""
        let about = DurationText.words(proposal.estimatedSeconds)
        let count = proposal.toReplay.count
        switch proposal.kind {
        case .fresh(let plan):
            guard count > 0 else {
                if filter.sinceOutage, plan.outage == nil { return .status(.info, "Nothing to recover: \(name) has no failed delivery in the log.") }
                return .status(.info, "Nothing to recover: no \(TerminalSafe.escaped(filter.describe(webhookName: proposal.webhookName))).")
            }
            var message = ""
            let now = Int(context.clock.epochAtStart + context.now)
            if let outage = plan.outage { message += "Latest outage: \(outage.describe { context.clock.shortTime($0, now: now) }). " }
            message += "\(count) \(what) of \(name)"
            if filter.isSeveral {
                let each = filter.uuids.map { uuid in
                    "\(TerminalSafe.escaped(proposal.webhookNames[uuid] ?? uuid)) \(plan.perWebhook[uuid] ?? 0)"
                        + (plan.outages[uuid].map { " (since \(context.clock.shortTime($0.began, now: now)))" } ?? "")
                }
                message += " (" + each.joined(separator: ", ") + ")"
            }
            if let oldest = plan.oldest, let newest = plan.newest { message += ", \(context.clock.local(oldest)) to \(context.clock.local(newest))" }
            message += ". By type: " + top(plan.byType) + ". By last response: " + top(plan.byCode) + "."
            message += " One event at a time, \(filter.isSeveral ? "each to its own webhook only, in one journal" : "to this webhook only"), at most \(proposal.perMinute) requests a minute; a journal keeps what was sent."
            if filter.sinceOutage {
                message += " w plans the whole log instead; a time of your own: s in the webhook's log (l), then Ctrl-R."
            } else if filter.since == nil {
                message += " A time filter (s in the webhook's log) narrows it."
            }
            if let cut = plan.cutOff, cut > 0 {
                message += " The time filter cuts a run of failures: \(cut) failed before it"
                    + (plan.cutOffBegan.map { " (from \(context.clock.local($0)))" } ?? "") + " \(cut == 1 ? "is" : "are") left out."
            }
            if plan.discarded4xx > 0 {
                message += " \(plan.discarded4xx) left out: the receiver answered a 4xx (not 408 or 429), which JetEmail discards on purpose"
                    + " (jetemail-webhooks recover --include-4xx takes them)."
            }
            if plan.dropped > 0 {
                message += " \(plan.dropped) row\(plan.dropped == 1 ? "" : "s") JetEmail sent \(plan.dropped == 1 ? "is" : "are") not \(plan.filter.status.rawValue) "
                    + "deliveries of this webhook: left out, never replayed."
            }
            if let total = plan.shortOf {
                message += " JetEmail counted \(total), but fewer came back distinct while paging: the plan may be short."
            }
            if plan.totalChanged {
                message += " The log changed while it was read (totals \(plan.totalsSeen.map(String.init).joined(separator: ", "))): the plan has what was seen."
            }
            if let before = proposal.finishedBefore {
                message += " A recover of the same filter finished" + (before.at.map { " at \(context.clock.local($0))" } ?? "")
                    + " (\(before.enqueued) enqueued); these failed since."
            }
            let widen = filter.sinceOutage ? Self.widen : nil
            let dialog = ConfirmDialog(title: "Recover", message: message,
                                       question: "Replay \(count) \(what) of \(name)\(since), oldest first, about \(about)? y/N" + (widen == nil ? "" : ", w: whole log"),
                                       confirmLabel: "replay them all", alternative: widen)
            var wider = filter
            wider.since = nil
            wider.dateFrom = nil
            return .open(ConfirmModal(dialog, onYes: .tell(RecoverConfirmed(proposal: proposal)),
                                      onAlternative: widen == nil ? nil : ScreenMessage(RecoverWidened(filter: wider, webhookName: proposal.webhookName))))
        case .resume(let state):
            var message = "A recover of these stopped before its end: \(state.results.count) of \(state.events.count) answered "
                + "(\(state.count(.enqueued)) enqueued)."
            let uncertain = state.uncertain.count
            if uncertain > 0 {
                message += " \(uncertain) may have been replayed (sent, no answer seen) and \(uncertain == 1 ? "is" : "are") skipped; "
                    + "jetemail-webhooks recover --retry-uncertain replays them."
            }
            message += " Journal: \(TerminalSafe.escaped(state.path))."
            guard count > 0 else {
                return .status(.info, "That recover has nothing left to replay (journal \(TerminalSafe.escaped(state.path))).")
            }
            let dialog = ConfirmDialog(title: "Recover: go on", message: message,
                                       question: "Go on: replay the \(count) left of \(name)\(since), oldest first, about \(about)? y/N",
                                       confirmLabel: "go on")
            return .open(ConfirmModal(dialog, onYes: .tell(RecoverConfirmed(proposal: proposal))))
        }
    }

    /// `outbound.bounced 200, outbound.failed 112` (the four largest, then how many more).
    static func top(_ counts: [String: Int]) -> String {
        let sorted = RecoverPlan.ranked(counts)
        let shown = sorted.prefix(4).map { "\(TerminalSafe.escaped($0.key)) \($0.count)" }.joined(separator: ", ")
        return sorted.count > 4 ? shown + " and \(sorted.count - 4) more" : shown
    }
}

/// Planning a recover (reading the log, or finding its journal), from any screen that asks.
struct RecoverPlanTag: RequestTagKind {}

/// `w` in the question about an outage: plan the whole log of the webhook instead.
struct RecoverWidened: ScreenMessageKind {
    var filter: RecoverFilter
    var webhookName: String

    func plan() -> Outcome { RecoverQuestion.plan(filter, of: filter.uuid, named: webhookName) }
}

/// Yes to the recover question: start the recover it described.
struct RecoverConfirmed: ScreenMessageKind {
    var proposal: RecoverProposal

    /// The run, as a job of the app's (it goes on when the screen that asked goes).
    func start(_ context: ScreenContext) -> Outcome {
        var status = RecoverStatus(proposal)
        status.connectionWords = context.connectionWords
        return .startJob(status, RecoverOrder.start(proposal))
    }
}
