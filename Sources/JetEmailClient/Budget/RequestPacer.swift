import Glibc

/// Every API call of a process passes here and waits for a slot of the account's budget, which
/// every process of the program shares through the ledger: a request a person waits for goes
/// before background ones (in this process and in the others), first come first served within
/// each. A 429 is handled here alone: one back-off per process (`RateLimitBackoff`), and a hold
/// written to the ledger that stops every process until it is over. When the ledger cannot be
/// used (a link, a FIFO, a full disk, a lock held too long) the pacer goes on with a budget of
/// its own and says so once.
public actor RequestPacer {
    public nonisolated let limit: Int
    public nonisolated let window: Double
    private var ledger: any BudgetLedger
    /// Why the shared ledger was left for this process's own, once it was.
    public private(set) var fallbackReason: String?
    private let me: Int32
    private let isAlive: @Sendable (Int32) -> Bool
    private let clock: @Sendable () -> Double
    private var waiters: [Waiter] = []
    private var nextWaiter = 0
    private var nextTicket = 0
    /// This process's own requests in the window, kept to go on with when the ledger is left.
    private var own: [Int: Double] = [:]
    private var timer: Task<Void, Never>?
    private var onWait: (@Sendable (BudgetWait?) -> Void)?
    private var onWarning: (@Sendable (String) -> Void)?
    private var backoff = RateLimitBackoff()
    /// 429 after 429: requests that wait fail instead, until one is answered.
    public private(set) var gaveUp = false
    /// The end of the latest hold this process wrote.
    private var holdUntil = 0.0
    /// Gave up because the server asked for more than an hour, not for 429s in a row.
    private var askedTooLong = false
    /// How long the lock may be held by another process before this one goes on alone.
    public static let lockDeadline = 2.0

    /// The longest 429 wait this process sits out (`--max-wait`); a longer one gives up at once.
    public let longestWait: Int

    private struct Waiter {
        let id: Int
        let priority: RequestPriority
        let whileHeld: WhileHeld
        let ticket: Int
        let continuation: CheckedContinuation<Result<Int, JetEmailError>, Never>
    }

    public init(limit: Int = RequestBudget.defaultRate, window: Double = 60, ledger: (any BudgetLedger)? = nil,
                process: Int32 = getpid(), isAlive: @escaping @Sendable (Int32) -> Bool = ProcessLiveness.isAlive,
                clock: @escaping @Sendable () -> Double = BudgetClock.now, onWait: (@Sendable (BudgetWait?) -> Void)? = nil,
                longestWait: Int = RetryAfter.longestWait) {
        self.limit = max(1, limit)
        self.longestWait = min(max(0, longestWait), RetryAfter.longestWait)
        self.window = window
        self.ledger = ledger ?? LocalBudgetLedger()
        me = process
        self.isAlive = isAlive
        self.clock = clock
        self.onWait = onWait
    }

    /// Where the budget is kept ("this process only" once it went on alone).
    public var place: String { ledger.place }
    public var isShared: Bool { ledger.isShared }

    /// From now on, `onWait` hears how long requests wait and why (nil once none waits), and
    /// `onWarning` hears, once, that the shared ledger could not be used.
    public func observe(_ onWait: @escaping @Sendable (BudgetWait?) -> Void, warnings: (@Sendable (String) -> Void)? = nil) {
        self.onWait = onWait
        if let warnings {
            onWarning = warnings
            if let fallbackReason, !warned {
                warned = true
                warnings(Self.fallbackMessage(fallbackReason))
            }
        }
    }

    /// The fallback was said (once a process).
    private var warned = false

    static func fallbackMessage(_ reason: String) -> String {
        "The shared request budget cannot be used (\(reason)): this process keeps a budget of its own, "
            + "which other jetemail-webhooks processes do not see. `doctor` says more."
    }

    // MARK: Taking a slot

    /// Returns when the request may be sent, with its ticket for `finished`. Throws `.cancelled`
    /// when its task is cancelled first; while a 429 holds the account, `.heldByRateLimit` at
    /// once if it `fails` while held; after 429 after 429, `.rateLimited` if it would wait.
    public func admit(_ priority: RequestPriority, whileHeld: WhileHeld = .waits) async throws(JetEmailError) -> Int {
        if gaveUp, whileHeld == .waits { throw .rateLimited(retryAfter: nil, message: backoff.gaveUpMessage()) }
        let ticket = nextTicket
        nextTicket += 1
        if !waiters.contains(where: { $0.priority >= priority }) {
            let t = clock()
            let best = max(priority, waiters.map(\.priority).max() ?? priority)
            let admission = await transact(now: t) { budget in
                let admission = budget.take(priority, now: t, ticket: ticket)
                // A wait is in the ledger at once, where other processes see it (a person first).
                let failsNow = if case .held = admission { whileHeld == .fails } else { false }
                if admission != .go, !failsNow { budget.shared.setWaiting(me, best, now: t) }
                return admission
            }
            switch admission {
            case .go:
                own[ticket] = t
                return ticket
            case .held(let seconds) where whileHeld == .fails:
                throw .heldByRateLimit(seconds: BudgetWait.wholeSeconds(seconds))
            default: break
            }
        }
        let id = nextWaiter
        nextWaiter += 1
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Int, JetEmailError>, Never>) in
                waiters.append(Waiter(id: id, priority: priority, whileHeld: whileHeld, ticket: ticket, continuation: continuation))
                wake()
            }
        } onCancel: {
            Task { await self.withdraw(id) }
        }
        return try result.get()
    }

    /// A slot now if there is one, else why not and for how long: for a run that waits in its own
    /// loop, so that a stop asked meanwhile is heard and the wait is said (a recover).
    public func tryAdmit(_ priority: RequestPriority) async -> TryAdmission {
        let t = clock()
        if gaveUp { return .wait(BudgetWait(seconds: 0, reason: .gaveUp, otherProcesses: 0)) }
        let ticket = nextTicket
        nextTicket += 1
        let queued = waiters.contains { $0.priority >= priority }
        let (admission, others) = await transact(now: t) { budget in
            (queued ? .wait(RequestBudget.deferral) : budget.take(priority, now: t, ticket: ticket), budget.shared.others(than: me))
        }
        switch admission {
        case .go:
            own[ticket] = t
            return .admitted(ticket)
        case .wait(let seconds): return .wait(BudgetWait(seconds: seconds, reason: .window, otherProcesses: others))
        case .held(let seconds): return .wait(BudgetWait(seconds: seconds, reason: .rateLimited, otherProcesses: others))
        }
    }

    /// The request's answer is back (or it failed): it counts from now.
    public func finished(_ ticket: Int) async {
        let t = clock()
        if own[ticket] != nil { own[ticket] = t }
        own = own.filter { t - $0.value < window }
        await transact(now: t) { $0.finished(ticket, now: t) }
    }

    // MARK: 429s

    /// A 429 came back: the seconds every process now waits (this process's back-off, at least
    /// the server's Retry-After), written to the ledger as a hold; nil when this process gives up
    /// (429 after 429, or a wait longer than an hour), when requests that would wait fail instead.
    @discardableResult
    public func refused(retryAfter: Int?) async -> Int? {
        let t = clock()
        // Requests sent together meet the same lockout: a 429 while this process's hold lasts is
        // that refusal again, not one more in a row.
        if t < holdUntil { return gaveUp ? nil : Int((holdUntil - t).rounded(.up)) }
        let wait = backoff.wait(retryAfter: retryAfter)
        let seconds: Int
        if let wait, wait <= longestWait {
            seconds = wait
        } else {
            gaveUp = true
            askedTooLong = wait != nil
            seconds = min(wait ?? RateLimitBackoff.lockoutSeconds, RetryAfter.longestWait)
        }
        let until = t + Double(seconds)
        holdUntil = until
        await transact(now: t) { budget in
            if until > budget.shared.hold?.until ?? 0 { budget.shared.hold = AccountWindow.Hold(until: until, seconds: seconds, process: me) }
        }
        wake()
        return gaveUp ? nil : seconds
    }

    /// An answer that was not a 429: the back-off starts from the floor again.
    public func answered() {
        backoff.answered()
        gaveUp = false
        askedTooLong = false
    }

    /// The message for giving up, with what the person can do then.
    public func gaveUpMessage(then: String = "Try again in a few minutes.") -> String {
        askedTooLong ? "JetEmail answered 429 (rate limited) and asked for a wait of more than "
            + (longestWait >= RetryAfter.longestWait ? "an hour" : "\(longestWait) s (--max-wait)") + "; stopped asking. " + then
            : backoff.gaveUpMessage(then: then)
    }

    /// What holds the account now, whoever met it: for a screen that counts it down while
    /// nothing of its own waits.
    public func hold() async -> BudgetWait? {
        let t = clock()
        let (left, others) = await transact(now: t) { ($0.holdLeft(now: t), $0.shared.others(than: me)) }
        if gaveUp { return BudgetWait(seconds: left, reason: .gaveUp, otherProcesses: others) }
        return left > 0 ? BudgetWait(seconds: left, reason: .rateLimited, otherProcesses: others) : nil
    }

    // MARK: Estimates

    /// Seconds until the window has room for one more request of this priority (0: now).
    public func secondsUntilFree(_ priority: RequestPriority = .background) async -> Double {
        let t = clock()
        return await transact(now: t) { budget in max(budget.holdLeft(now: t), budget.nextSlot(now: t, cap: budget.cap(priority)) - t) }
    }

    /// Seconds until `count` more requests of this priority can have gone (what the budget alone allows).
    public func secondsUntil(_ count: Int, spacing: Double = 0, priority: RequestPriority = .background) async -> Double {
        let t = clock()
        return await transact(now: t) { budget in
            budget.holdLeft(now: t) + budget.secondsUntil(count, now: t, spacing: spacing, cap: budget.cap(priority))
        }
    }

    /// Other processes using the budget now.
    public func otherProcesses() async -> Int {
        let t = clock()
        return await transact(now: t) { $0.shared.others(than: me) }
    }

    /// Requests made before this process started (a run stopped a moment ago, by its journal),
    /// `secondsAgo` each: they count as JetEmail still counts them. A shared ledger has them
    /// already (the stopped run wrote them), so only a budget of this process's own takes them.
    public func assumeMade(secondsAgo: [Double]) async {
        guard !ledger.isShared else { return }
        let t = clock()
        let ages = secondsAgo.filter { $0 >= 0 && $0 < window }
        let first = nextTicket
        nextTicket += ages.count
        await transact(now: t) { budget in
            for (k, ago) in ages.enumerated() {
                budget.record(t, ticket: first + k)
                budget.finished(first + k, now: t - ago)
            }
        }
    }

    // MARK: The ledger

    /// Runs `change` on the window under the ledger's lock: waits a moment at a time while
    /// another process holds it, and goes on alone when that lasts past the deadline or the
    /// ledger cannot be used.
    @discardableResult
    private func transact<T>(now t: Double, _ change: (inout RequestBudget) -> T) async -> T {
        let started = clock()
        while true {
            do {
                let (limit, window, me, isAlive) = (self.limit, self.window, self.me, self.isAlive)
                return try ledger.update { (shared: inout AccountWindow) -> T in
                    shared.prune(now: t, window: window, isAlive: isAlive)
                    var budget = RequestBudget(limit: limit, window: window, shared: shared, process: me)
                    let result = change(&budget)
                    shared = budget.shared
                    return result
                }
            } catch {
                if error.kind == .busy, clock() - started < Self.lockDeadline {
                    try? await Task.sleep(for: .milliseconds(2))
                    continue
                }
                goAlone(error.kind == .busy ? "\(ledger.place) was locked by another process for more than \(Int(Self.lockDeadline)) s" : error.description)
            }
        }
    }

    /// Leaves the shared ledger for a budget of this process's own, holding what it knows.
    private func goAlone(_ reason: String) {
        let t = clock()
        let slots = own.filter { t - $0.value < window }.map { AccountWindow.Slot(process: me, ticket: $0.key, at: $0.value) }
        ledger = LocalBudgetLedger(AccountWindow(slots: slots))
        fallbackReason = reason
        if let onWarning, !warned {
            warned = true
            onWarning(Self.fallbackMessage(reason))
        }
    }

    // MARK: Waiters

    /// Lets through every waiter a slot is free for, best first, fails those that fail while
    /// held, says how long the rest wait, and sleeps until they may go.
    private func wake() {
        timer?.cancel()
        timer = nil
        Task { await self.wakeNow() }
    }

    private func wakeNow() async {
        guard !waiters.isEmpty else { onWait?(nil); return }
        let t = clock()
        let order = waiters.sorted { ($0.priority, -$0.id) > ($1.priority, -$1.id) }
        let (decisions, next, others) = await transact(now: t) { budget -> ([(Int, RequestBudget.Admission)], RequestBudget.Admission?, Int) in
            var decisions: [(Int, RequestBudget.Admission)] = []
            var next: RequestBudget.Admission?
            let held = budget.holdLeft(now: t)
            if held > 0 {
                // A 429's hold: those that fail while held fail now; the rest wait it out.
                next = .held(held)
                for waiter in order where waiter.whileHeld == .fails { decisions.append((waiter.id, .held(held))) }
            } else {
                for waiter in order {
                    let admission = budget.take(waiter.priority, now: t, ticket: waiter.ticket)
                    // The best waiting request keeps its place: no lesser one passes it.
                    guard admission == .go else { next = admission; break }
                    decisions.append((waiter.id, .go))
                }
            }
            let left = order.filter { w in !decisions.contains { $0.0 == w.id } }
            budget.shared.setWaiting(me, left.map(\.priority).max(), now: t)
            return (decisions, next, budget.shared.others(than: me))
        }
        for (id, admission) in decisions {
            guard let index = waiters.firstIndex(where: { $0.id == id }) else {
                // Withdrawn meanwhile: its slot was never used, and must not stay open.
                if admission == .go, let ticket = order.first(where: { $0.id == id })?.ticket { await finished(ticket) }
                continue
            }
            let waiter = waiters.remove(at: index)
            switch admission {
            case .go:
                own[waiter.ticket] = t
                waiter.continuation.resume(returning: .success(waiter.ticket))
            case .held(let seconds), .wait(let seconds):
                waiter.continuation.resume(returning: .failure(.heldByRateLimit(seconds: BudgetWait.wholeSeconds(seconds))))
            }
        }
        guard !waiters.isEmpty else { onWait?(nil); await clearWaiting(); return }
        if gaveUp {
            // Nothing waits on after 429 after 429: those that would, fail now.
            for waiter in waiters where waiter.whileHeld == .waits {
                waiter.continuation.resume(returning: .failure(.rateLimited(retryAfter: nil, message: backoff.gaveUpMessage())))
            }
            waiters.removeAll { $0.whileHeld == .waits }
        }
        let wait: BudgetWait
        switch next {
        case .held(let seconds): wait = BudgetWait(seconds: seconds, reason: gaveUp ? .gaveUp : .rateLimited, otherProcesses: others)
        case .wait(let seconds): wait = BudgetWait(seconds: seconds, reason: .window, otherProcesses: others)
        default: wait = BudgetWait(seconds: RequestBudget.deferral, reason: .window, otherProcesses: others)
        }
        onWait?(wait)
        // Another process may take the slot first, or free one by dying: looked at again then,
        // and at least every few seconds.
        let sleep = min(max(wait.seconds, 0.005), 5)
        timer?.cancel()
        timer = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(Int((sleep * 1000).rounded(.up)) + 1))
            if Task.isCancelled { return }
            await self?.wakeNow()
        }
    }

    private func clearWaiting() async {
        let t = clock()
        await transact(now: t) { budget in
            if budget.shared.waiting.contains(where: { $0.process == me }) { budget.shared.setWaiting(me, nil, now: t) }
        }
    }

    private func withdraw(_ id: Int) async {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: .failure(.cancelled))
        if waiters.isEmpty {
            timer?.cancel()
            timer = nil
            onWait?(nil)
            await clearWaiting()
        }
    }
}

/// Whether a process lives (another user's counts: `kill` answers EPERM).
public enum ProcessLiveness {
    public static let isAlive: @Sendable (Int32) -> Bool = { pid in
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
