import JetEmailClient
import WebhookTUI
import PosixSupport

/// What a recover prints: the plan (or what a journal has left), the summary, the events not
/// enqueued, and the command that watches the replays delivered.
extension RecoverCommand {
    func printPlan(_ plan: RecoverPlan, webhookName: String, perMinute: Int, names: [String: String] = [:]) throws {
        let clock = SystemClock.wallClock()
        if asJSON {
            struct PlanJSON: Encodable {
                var webhook: String, webhook_name: String, status: String, count: Int, by_type: [String: Int], by_code: [String: Int]
                var oldest: Int?, newest: Int?, estimated_seconds: Int, total_changed: Bool, totals_seen: [Int], dry_run: Bool
                var dropped: Int, short_of: Int?
                /// The webhook's latest run of failures: when it began, the success before it.
                var outage_began: Int?, last_success_before: Int?, outage_over: Bool?
                /// Failed deliveries of that run before --since (left out), and 4xx left out.
                var cut_off: Int?, discarded_4xx: Int
                /// A recover of several webhooks: each one's part.
                var webhooks: [Part]?
            }
            struct Part: Encodable {
                var webhook: String, webhook_name: String, count: Int, outage_began: Int?, last_success_before: Int?
            }
            let parts = plan.filter.isSeveral ? plan.filter.uuids.map { uuid in
                Part(webhook: uuid, webhook_name: names[uuid] ?? uuid, count: plan.perWebhook[uuid] ?? 0, outage_began: plan.outages[uuid]?.began,
                     last_success_before: plan.outages[uuid]?.lastSuccessBefore)
            } : nil
            try APIAccess.print(WebhookOutput.jsonLine(PlanJSON(webhook: plan.filter.uuid, webhook_name: webhookName, status: plan.filter.status.rawValue,
                                                            count: plan.count, by_type: plan.byType, by_code: plan.byCode, oldest: plan.oldest,
                                                            newest: plan.newest, estimated_seconds: plan.estimatedSeconds(perMinute: perMinute, priority: .background),
                                                            total_changed: plan.totalChanged, totals_seen: plan.totalsSeen, dry_run: dryRun,
                                                            dropped: plan.dropped, short_of: plan.shortOf, outage_began: plan.outage?.began,
                                                            last_success_before: plan.outage?.lastSuccessBefore, outage_over: plan.outage?.over,
                                                            cut_off: plan.cutOff ?? 0, discarded_4xx: plan.discarded4xx, webhooks: parts))
                                    )
            return
        }
        var lines = ["Plan: \(plan.count) \(TerminalSafe.escaped(plan.filter.describe(webhookName: webhookName)))"]
        if plan.dropped > 0 {
            lines.append("  ! \(plan.dropped) row\(plan.dropped == 1 ? "" : "s") JetEmail sent \(plan.dropped == 1 ? "is" : "are") not \(plan.filter.status.rawValue) deliveries of this webhook "
                         + "(another webhook, status, type or time, or no usable id): left out, never replayed")
        }
        if let total = plan.shortOf { lines.append("  ! JetEmail counted \(total), but fewer came back distinct while paging: the plan may be short") }
        if plan.filter.isSeveral {
            // Each webhook's part: its count and its own outage.
            let now = Int(clock.epochAtStart)
            for uuid in plan.filter.uuids {
                let outage = plan.outages[uuid].map { "; " + $0.describe { clock.shortTime($0, now: now) } } ?? ""
                lines.append("  \(TerminalSafe.escaped(names[uuid] ?? uuid)): \(plan.perWebhook[uuid] ?? 0)\(outage)")
            }
            if let cut = plan.cutOff, cut > 0 { lines.append("  ! --since cuts a run of failures: \(cut) failed before it are left out; --since outage takes each webhook's") }
            if plan.discarded4xx > 0 {
                lines.append("  \(plan.discarded4xx) left out: the receiver answered a 4xx (not 408 or 429), which JetEmail discards on purpose; --include-4xx takes them")
            }
        } else {
            lines += outageLines(plan, clock: clock)
        }
        guard plan.count > 0 else { try APIAccess.print(([lines[0] + ": nothing to replay."] + lines.dropFirst()).joined(separator: "\n")); return }
        lines.append("  by type: " + RecoverPlan.ranked(plan.byType).map { "\(TerminalSafe.escaped($0.key)) \($0.count)" }.joined(separator: ", "))
        lines.append("  by last response: " + RecoverPlan.ranked(plan.byCode).map { "\(TerminalSafe.escaped($0.key)) \($0.count)" }.joined(separator: ", "))
        if let oldest = plan.oldest, let newest = plan.newest { lines.append("  from \(clock.local(oldest)) to \(clock.local(newest))") }
        lines.append("  about \(DurationText.words(plan.estimatedSeconds(perMinute: perMinute, priority: .background))) at \(perMinute) requests a minute")
        if plan.totalChanged { lines.append("  ! the log changed while it was read (totals \(plan.totalsSeen.map(String.init).joined(separator: ", "))): the plan has what was seen") }
        try APIAccess.print(lines.joined(separator: "\n"))
    }

    /// The webhook's run of failures, what --since cut from it, and the 4xx left out: each with
    /// the option that changes it.
    func outageLines(_ plan: RecoverPlan, clock: WallClock) -> [String] {
        var lines: [String] = []
        if let outage = plan.outage {
            lines.append("  latest outage: \(outage.describe { clock.shortTime($0, now: Int(clock.epochAtStart)) })"
                         + (plan.filter.sinceOutage ? "" : "; --since outage plans that run alone"))
        } else if plan.filter.sinceOutage {
            lines.append("  no failed delivery of this webhook is in the log: no outage to recover")
        }
        if let cut = plan.cutOff, cut > 0 {
            let from = plan.cutOffBegan.map { " (from \(clock.local($0)))" } ?? ""
            // `--since outage` takes them only when the run cut is the latest one.
            let ways = (plan.cutOffBegan != nil && plan.cutOffBegan == plan.outage?.began ? ["--since outage"] : [])
                + (plan.cutOffBegan.map { ["--since \(clock.iso($0))"] } ?? [])
            lines.append("  ! --since cuts a run of failures: \(cut) failed before it\(from) \(cut == 1 ? "is" : "are") left out"
                         + (ways.isEmpty ? "" : "; " + ways.joined(separator: " or ") + " takes them"))
        }
        if plan.discarded4xx > 0 {
            lines.append("  \(plan.discarded4xx) left out: the receiver answered a 4xx (not 408 or 429), which JetEmail discards on purpose; --include-4xx takes them")
        }
        return lines
    }

    /// The recover in numbers: JSON on stdout, or a line on stderr (stdout stays for data).
    func printSummary(_ journal: RecoverJournal.State, ran: RecoverRun.Progress?, headline: String, resume: String?, stoppedBecause: String? = nil) throws {
        let uncertain = journal.uncertain.count
        if asJSON {
            struct Summary: Encodable {
                var summary = true
                var total, enqueued, not_found, refused, uncertain: Int
                var this_run_enqueued: Int?
                var journal: String, finished: Bool, resume: String?
                /// Why the run stopped before its end, when it did.
                var stopped: String?
                /// The `stats` command that shows the replayed range's deliveries as they are now.
                var watch: String?
            }
            try APIAccess.print(WebhookOutput.jsonLine(Summary(total: journal.events.count, enqueued: journal.count(.enqueued), not_found: journal.count(.notFound),
                                                               refused: journal.count(.refused), uncertain: uncertain, this_run_enqueued: ran?.enqueued,
                                                               journal: journal.path, finished: journal.finished, resume: resume, stopped: stoppedBecause,
                                                               watch: watchCommand(journal))))
        } else {
            var text = "\(headline): \(journal.count(.enqueued)) of \(journal.events.count) enqueued"
            if let ran, ran.enqueued != journal.count(.enqueued) { text += " (\(ran.enqueued) by this run)" }
            text += ", \(journal.count(.notFound)) not found (404), \(journal.count(.refused)) refused"
            if uncertain > 0 { text += ", \(uncertain) may have been replayed (no answer seen; --retry-uncertain sends them again)" }
            StandardError.write(text + ". Journal: \(TerminalSafe.escaped(journal.path))")
        }
    }

    /// A dry run over a journal that stopped before its end: what going on would send, and nothing is.
    func printLeft(_ journal: RecoverJournal.State) throws {
        let left = journal.remaining(retryUncertain: retryUncertain)
        if asJSON {
            struct LeftJSON: Encodable {
                var journal: String, webhook: String, webhook_name: String, status: String, count: Int, answered: Int, uncertain: Int, dry_run = true
            }
            try APIAccess.print(WebhookOutput.jsonLine(LeftJSON(journal: journal.path, webhook: journal.filter.uuid, webhook_name: journal.webhookName,
                                                                status: journal.filter.status.rawValue, count: left.count, answered: journal.results.count,
                                                                uncertain: journal.uncertain.count)))
            return
        }
        try APIAccess.print("Plan: \(left.count) left of \(TerminalSafe.escaped(journal.filter.describe(webhookName: journal.webhookName))), "
                            + "going on with \(TerminalSafe.escaped(journal.path)) (\(journal.results.count) of \(journal.events.count) answered"
                            + (journal.uncertain.isEmpty ? "" : ", \(journal.uncertain.count) may have been replayed") + "). "
                            + (RecoverJournal.holder(of: journal.path).map { "Another run (\($0)) is going on with it now. " } ?? "")
                            + "Dry run: nothing was sent.")
    }

    /// `stats` over the range of the events replayed: the figures that show them delivered (or
    /// failing again) as JetEmail works through them.
    func watchCommand(_ journal: RecoverJournal.State) -> String? {
        // One stats command watches one webhook: a recover of several has one a webhook.
        guard !journal.filter.isSeveral else { return nil }
        let times = journal.events.compactMap(\.createdAt)
        guard let from = times.min(), let to = times.max() else { return nil }
        return RecoverCommandLine.watch(uuid: journal.filter.uuid, since: from, until: to, connection: access.connection.words)
    }

    /// The events that are not known to be enqueued, on stderr.
    func listNotDone(_ journal: RecoverJournal.State) {
        let doubtful = Set(journal.uncertain)
        let missed = journal.events.map(\.ref).filter { (journal.results[$0] != nil && journal.results[$0] != .enqueued) || doubtful.contains($0) }
        for id in missed.prefix(20) {
            let result = doubtful.contains(id) ? "may have been replayed" : journal.results[id]?.rawValue ?? ""
            StandardError.write("  \(TerminalSafe.escaped(id)): \(result)\(journal.details[id].map { " (\(TerminalSafe.escaped($0)))" } ?? "")")
        }
        if missed.count > 20 { StandardError.write("  … and \(missed.count - 20) more (in the journal)") }
    }

}
