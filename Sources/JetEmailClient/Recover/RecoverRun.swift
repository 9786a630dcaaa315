/// Replaying a plan: oldest first, one `event_id` at a time, to the plan's webhook only (never by
/// `source_uid`, which would send the message's other events again), through the client and so
/// the request budget. Each event is journaled as it is sent and as it is answered. A 429 caused
/// elsewhere is waited out (said through `progress`) and the same event sent again; a 404 is
/// counted and skipped; other refusals are counted, listed, and the run goes on.
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
        /// A 429 holds the run for this many seconds more…
        public var waitingSeconds: Int?
        /// …of this long a wait (its Retry-After, or the back-off's).
        public var waitTotal: Int?
        /// Replays answered, with their times (seconds since the run started), for the rate.
        public var startedAt: Double = 0
        public var answeredAt: [Double] = []
        /// The request budget, a minute: a burst at the start goes faster, the rest cannot.
        public var budgetPerMinute: Int?

        public init(total: Int) { self.total = total }

        public static func == (a: Progress, b: Progress) -> Bool {
            a.total == b.total && a.done == b.done && a.enqueued == b.enqueued && a.notFound == b.notFound && a.refused == b.refused
                && a.uncertain == b.uncertain && a.last?.id == b.last?.id && a.waitingSeconds == b.waitingSeconds
        }

        /// Replays answered in the last minute: what the budget counts, as it counts it.
        public func perMinute(now: Double) -> Double {
            Double(answeredAt.filter { now - $0 <= 60 }.count)
        }

        /// Seconds left at the present rate (over the last minute, or since the start if shorter,
        /// never above the budget's), or nil while there is none yet.
        public func secondsLeft(now: Double) -> Int? {
            let window = min(60, max(1, now - startedAt))
            let measured = Double(answeredAt.filter { now - $0 <= window }.count) * 60 / window
            let rate = min(measured, budgetPerMinute.map(Double.init) ?? .infinity)
            guard rate > 0 else { return nil }
            return Int((Double(total - done) / rate * 60).rounded(.up))
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
    }

    /// Replays `events` (the plan, or what is left of it) and journals them. `shouldStop` is asked
    /// before each event; `clock` gives seconds (monotonic) and `wallClock` unix seconds for the
    /// journal. `madeBefore`: how many seconds ago earlier runs of the journal made their latest
    /// requests (a run killed a moment ago): the budget counts them, so that going on at once
    /// does not pass JetEmail's limit.
    public static func run(_ events: [RecoverPlan.Event], uuid: String, journal: RecoverJournal, client: JetEmailClient,
                           madeBefore: [Double] = [],
                           progress report: @Sendable (Progress) -> Void, shouldStop: @Sendable () -> Bool,
                           clock: @Sendable () -> Double, wallClock: @Sendable () -> Int,
                           sleep: @Sendable (Int) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) async -> (End, Progress) {
        await client.pacer?.assumeMade(secondsAgo: madeBefore)
        var progress = Progress(total: events.count)
        progress.startedAt = clock()
        progress.budgetPerMinute = client.pacer?.limit
        var backoff = RateLimitBackoff()
        var index = 0
        while index < events.count {
            if shouldStop() || Task.isCancelled { return (.stopped, progress) }
            let event = events[index]
            // The budget's wait is waited here, a moment at a time, before the event is journaled
            // as sent: a stop meanwhile leaves nothing in doubt.
            if let pacer = client.pacer {
                var free = await pacer.secondsUntilFree()
                while free > 0 {
                    if shouldStop() || Task.isCancelled { return (.stopped, progress) }
                    do { try await Task.sleep(for: .milliseconds(Int(min(free, 0.5) * 1000) + 1)) } catch { return (.stopped, progress) }
                    free = await pacer.secondsUntilFree()
                }
            }
            if shouldStop() { return (.stopped, progress) }
            do { try journal.sent(event.id, now: wallClock()) } catch { return (.journalFailed(error.description), progress) }
            let result: RecoverJournal.Result
            var detail: String?
            do {
                _ = try await client.replay(ReplayTarget(.eventID(event.id), uuid: uuid))
                backoff.answered()
                result = .enqueued
            } catch {
                switch error {
                case .rateLimited(let retryAfter, _):
                    // Nothing was done: the same event goes again once the wait is over.
                    do { try journal.unsent(event.id, now: wallClock()) } catch { return (.journalFailed(error.description), progress) }
                    guard let wait = backoff.wait(retryAfter: retryAfter), wait <= RetryAfter.longestWait else {
                        return (.rateLimited(backoff.gaveUpMessage()), progress)
                    }
                    // Waited a second at a time, so that a stop asked meanwhile is heard.
                    progress.waitTotal = wait
                    for left in stride(from: wait, to: 0, by: -1) {
                        if shouldStop() { return (.stopped, progress) }
                        progress.waitingSeconds = left
                        report(progress)
                        do { try await sleep(1) } catch { return (.stopped, progress) }
                    }
                    progress.waitingSeconds = nil
                    progress.waitTotal = nil
                    continue
                case .cancelled:
                    // Sent, and never answered: the journal keeps it as may-have-been-replayed.
                    return (.stopped, progress)
                case .eventNotFound:
                    result = .notFound
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
            do { try journal.done(event.id, result, detail: detail, now: wallClock()) } catch { return (.journalFailed(error.description), progress) }
            progress.done += 1
            switch result {
            case .enqueued: progress.enqueued += 1
            case .notFound: progress.notFound += 1
            case .refused: progress.refused += 1
            case .uncertain: progress.uncertain += 1
            }
            progress.last = (event.id, result, detail)
            progress.answeredAt.append(clock())
            if progress.answeredAt.count > 400 { progress.answeredAt.removeFirst(progress.answeredAt.count - 400) }
            report(progress)
            index += 1
        }
        try? journal.finished(now: wallClock())
        return (.finished, progress)
    }
}
