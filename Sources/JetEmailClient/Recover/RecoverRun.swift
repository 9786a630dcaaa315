/// Replaying a plan: oldest first, one `event_id` at a time, to the plan's webhook only (never by
/// `source_uid`, which would send the message's other events again), through the client and so
/// the request budget. Each event is journaled as it is sent and as it is answered. A 429 (met by
/// this run or by another process of the program) holds every process: the run waits it out,
/// said through `progress`, and sends the same event again; a 404 is counted and skipped; a key
/// refused (401, 403) stops the run; other refusals are counted, listed, and the run goes on.
public enum RecoverRun {
    /// How far a run has come, for a progress bar or a JSON line.
    public struct Progress: Sendable, Equatable {
        public var total: Int
        public var done = 0
        public var enqueued = 0
        public var notFound = 0
        public var refused = 0
        public var uncertain = 0
        /// The event just answered, and what it came to.
        public var last: (id: String, result: RecoverJournal.Result, detail: String?)?
        /// The webhook it was replayed to.
        public var lastUUID: String?
        /// A 429 (this run's or another process's) holds the run for this many seconds more.
        public var waitingSeconds: Int?
        /// The budget holds the next event this many seconds more: a report while it waits, so
        /// that the rate and the time left shown stay true; nothing new was answered.
        public var budgetWait: Double?
        /// Other processes of the program using the budget, as of the latest wait.
        public var otherProcesses = 0

        /// Whether this report brings `last` just answered (not a report while waiting).
        public var answeredJustNow: Bool { last != nil && waitingSeconds == nil && budgetWait == nil }
        /// Replays answered, with their times (seconds since the run started), for the rate.
        public var startedAt: Double = 0
        public var answeredAt: [Double] = []
        /// The latest round trips of a replay (sent to answered), for the time left.
        public var roundTrips: [Double] = []
        /// When (on the run's clock) the budget lets the last event go, as of the latest answer.
        public var budgetDoneAt: Double?

        public init(total: Int) { self.total = total }

        public static func == (a: Progress, b: Progress) -> Bool {
            a.total == b.total && a.done == b.done && a.enqueued == b.enqueued && a.notFound == b.notFound && a.refused == b.refused
                && a.uncertain == b.uncertain && a.last?.id == b.last?.id && a.waitingSeconds == b.waitingSeconds && a.budgetWait == b.budgetWait
        }

        /// Replays answered in the last minute: what the budget counts, as it counts it.
        public func perMinute(now: Double) -> Double {
            Double(answeredAt.filter { now - $0 <= 60 }.count)
        }

        /// The mean of the latest round trips, once there is one.
        public var roundTrip: Double? { roundTrips.isEmpty ? nil : roundTrips.reduce(0, +) / Double(roundTrips.count) }

        /// Seconds left: until the budget lets the last event go (at one round trip each at
        /// best), then its round trip; nil before the first answer.
        public func secondsLeft(now: Double) -> Int? {
            guard total > done else { return 0 }
            guard let trip = roundTrip, let doneAt = budgetDoneAt else { return nil }
            let seconds = min(max(0, doneAt - now) + trip, 1e9)
            return seconds.isFinite ? Int(seconds.rounded(.up)) : nil
        }

        /// Records an answer at `now` to a replay sent at `sentAt`.
        mutating func answered(sentAt: Double, now: Double) {
            answeredAt.append(now)
            if answeredAt.count > 400 { answeredAt.removeFirst(answeredAt.count - 400) }
            roundTrips.append(max(0, now - sentAt))
            if roundTrips.count > 50 { roundTrips.removeFirst(roundTrips.count - 50) }
        }
    }

    /// How the run ended.
    public enum End: Sendable, Equatable {
        case finished
        /// Stopped on request (Ctrl-C, `c`) before the end; the journal resumes it.
        case stopped
        /// The journal could not be written: nothing more is sent.
        case journalFailed(String)
        /// JetEmail kept refusing (429 after 429).
        case rateLimited(String)
        /// The key was refused (401) or lacks the right (403): every other event would be
        /// refused the same way, so nothing more is sent.
        case keyRefused(String)
        /// What the run reports to could not take it (stdout closed: `| head`): nothing more is
        /// sent, since nobody would see what it did.
        case outputClosed(String)
    }

    /// A report's answer: go on, or stop now (after the event in flight is journaled).
    public enum Heard: Sendable, Equatable {
        case goOn
        case stop(String)
    }

    /// Replays `events` (the plan, or what is left of it) and journals them. `shouldStop` is asked
    /// before each event; `clock` gives seconds (monotonic) and `wallClock` unix seconds for the
    /// journal. `madeBefore`: how many seconds ago earlier runs of the journal made their latest
    /// requests (a run killed a moment ago): a budget of this process's own counts them (the
    /// shared ledger has them already), so that going on at once does not pass JetEmail's limit.
    public static func run(_ events: [RecoverPlan.Event], uuid: String, journal: RecoverJournal, client: JetEmailClient,
                           madeBefore: [Double] = [],
                           progress report: @Sendable (Progress) -> Heard, shouldStop: @Sendable () -> Bool,
                           clock: @Sendable () -> Double, wallClock: @Sendable () -> Int) async -> (End, Progress) {
        await client.pacer?.assumeMade(secondsAgo: madeBefore)
        var progress = Progress(total: events.count)
        progress.startedAt = clock()
        var index = 0
        while index < events.count {
            if shouldStop() || Task.isCancelled { return (.stopped, progress) }
            let event = events[index]
            // A slot of the budget is taken here, a moment at a time, before the event is
            // journaled as sent: a stop meanwhile leaves nothing in doubt, and the wait is said.
            var ticket: Int?
            if let pacer = client.pacer {
                while true {
                    if shouldStop() || Task.isCancelled { return (.stopped, progress) }
                    switch await pacer.tryAdmit(client.priority) {
                    case .admitted(let admitted): ticket = admitted
                    case .wait(let wait):
                        if wait.reason == .gaveUp { return (.rateLimited(await pacer.gaveUpMessage()), progress) }
                        progress.otherProcesses = wait.otherProcesses
                        if wait.reason == .rateLimited {
                            progress.waitingSeconds = wait.wholeSeconds
                            progress.budgetWait = nil
                        } else {
                            progress.budgetWait = wait.seconds
                        }
                        if case .stop(let why) = report(progress) { return (.outputClosed(why), progress) }
                        do { try await Task.sleep(for: .milliseconds(Int(min(wait.seconds, 0.5) * 1000) + 1)) } catch { return (.stopped, progress) }
                    }
                    if ticket != nil { break }
                }
                progress.budgetWait = nil
                progress.waitingSeconds = nil
            }
            if shouldStop() {
                if let ticket { await client.pacer?.finished(ticket) }
                return (.stopped, progress)
            }
            do { try journal.sent(event.ref, now: wallClock()) } catch {
                if let ticket { await client.pacer?.finished(ticket) }
                return (.journalFailed(error.description), progress)
            }
            let result: RecoverJournal.Result
            var detail: String?
            let sentAt = clock()
            var stopFor: String?
            do {
                let receipt = try await client.replay(ReplayTarget(.eventID(event.id), uuid: event.uuid ?? uuid), admitted: ticket)
                // Only "enqueued" says JetEmail will deliver it again; any other word is a refusal.
                if receipt.isEnqueued {
                    result = .enqueued
                } else {
                    result = .refused
                    detail = receipt.refusal
                }
            } catch {
                switch error {
                case .rateLimited, .heldByRateLimit:
                    // Nothing was done: the same event goes again once the hold (which the
                    // request path wrote for every process) is over, or the run stops if the
                    // pacer gave up.
                    do { try journal.unsent(event.ref, now: wallClock()) } catch { return (.journalFailed(error.description), progress) }
                    if client.pacer == nil { return (.rateLimited(error.message(doing: .replay)), progress) }
                    continue
                case .cancelled:
                    // Sent, and never answered: the journal keeps it as may-have-been-replayed.
                    return (.stopped, progress)
                case .eventNotFound:
                    result = .notFound
                case .unauthorized, .forbiddenFilters:
                    result = .refused
                    detail = error.message(doing: .replay)
                    stopFor = detail
                case .noAnswer, .answerUnusable, .malformedResponse, .server, .redirected:
                    // It reached JetEmail (or a proxy before it) and the answer does not say what
                    // was done: it may have been replayed, so it is not sent again unless asked.
                    result = .uncertain
                    detail = error.message(doing: .replay)
                default:
                    result = .refused
                    detail = error.message(doing: .replay)
                }
            }
            do { try journal.done(event.ref, result, detail: detail, now: wallClock()) } catch { return (.journalFailed(error.description), progress) }
            progress.done += 1
            switch result {
            case .enqueued: progress.enqueued += 1
            case .notFound: progress.notFound += 1
            case .refused: progress.refused += 1
            case .uncertain: progress.uncertain += 1
            }
            progress.last = (event.id, result, detail)
            progress.lastUUID = event.uuid ?? uuid
            progress.answered(sentAt: sentAt, now: clock())
            let left = events.count - index - 1
            let spacing = progress.roundTrip ?? 0
            let untilLast = await client.pacer?.secondsUntil(left, spacing: spacing, priority: client.priority) ?? Double(max(0, left - 1)) * spacing
            progress.budgetDoneAt = clock() + untilLast
            let heard = report(progress)
            if let stopFor { return (.keyRefused(stopFor), progress) }
            if case .stop(let why) = heard { return (.outputClosed(why), progress) }
            index += 1
        }
        try? journal.finished(now: wallClock())
        return (.finished, progress)
    }
}
