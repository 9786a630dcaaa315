/// Which requests go first when the budget is short: those a person waits for, then the rest
/// (health counts, follow polls, a recover run).
public enum RequestPriority: Int, Sendable, Comparable, CaseIterable {
    case background = 0
    case interactive = 1

    public static func < (a: RequestPriority, b: RequestPriority) -> Bool { a.rawValue < b.rawValue }
}

/// At most `limit` requests in any `window` seconds, and when the next may go. JetEmail allows
/// 240 a minute per account and then blocks every call for about five minutes; the default, 200,
/// leaves room for the official CLI or a second window. The server counts a request when it
/// arrives, which is some time after it is sent: so a request counts from when it is sent until
/// its answer is back (`finished` moves its time there), never less than the server can count it.
public struct RequestBudget: Sendable, Equatable {
    public static let defaultRate = 200
    /// What `--max-rate` and `max_rate` accept (requests a minute).
    public static let rates = 1...240

    public let limit: Int
    public let window: Double
    /// The time each request counts from, by ticket; only the latest `limit` matter.
    private var counted: [Int: Double] = [:]
    private var nextTicket = 0

    public init(limit: Int = defaultRate, window: Double = 60) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Slots of each window background requests leave to requests a person waits for, so that a
    /// long run (a recover, health counts) never makes the person wait for the window to slide:
    /// a twentieth (10 of 200); none in a budget under 20.
    public var reserve: Int { limit >= 20 ? limit / 20 : 0 }

    /// What requests of this priority may fill of a window.
    public func cap(_ priority: RequestPriority) -> Int { priority == .interactive ? limit : max(1, limit - reserve) }

    /// When the next request may go, at `now` or later, filling at most `cap` of the window.
    public func nextSlot(now: Double, cap: Int? = nil) -> Double {
        let cap = min(limit, max(1, cap ?? limit))
        guard counted.count >= cap else { return now }
        let times = counted.values.sorted()
        return max(now, times[times.count - cap] + window)
    }

    /// Seconds from `now` until the `count`-th request from now may go, if they go one after
    /// another at least `spacing` apart (a round trip each) and as soon as the window lets them:
    /// the first `limit` are worked out against the requests in the window; every later `limit`
    /// go a whole window (or `limit` round trips, if longer) after the ones before them.
    public func secondsUntil(_ count: Int, now: Double, spacing: Double = 0, cap: Int? = nil) -> Double {
        guard count > 0 else { return 0 }
        let limit = min(self.limit, max(1, cap ?? self.limit))
        let gap = spacing.isFinite && spacing > 0 ? spacing : 0
        let latest = counted.values.sorted().suffix(limit)
        let times = Array(repeating: -Double.infinity, count: limit - latest.count) + latest
        var block: [Double] = []
        var at = now - gap
        for k in 0..<min(count, limit) {
            at = max(at + gap, times[k] + window, now)
            block.append(at)
        }
        let k = count - 1
        let period = max(window, Double(limit) * gap)
        return block[k % limit] + period * Double(k / limit) - now
    }

    /// A request goes at `now` (which must be a free slot); its ticket, for `finished`.
    @discardableResult
    public mutating func record(_ now: Double) -> Int {
        let ticket = nextTicket
        nextTicket += 1
        counted[ticket] = now
        forget(before: now)
        return ticket
    }

    /// Its answer is back at `now`: it counts from then on.
    public mutating func finished(_ ticket: Int, now: Double) {
        if counted[ticket] != nil { counted[ticket] = now }
    }

    /// Requests that left the window long ago are forgotten (the latest `limit` are kept).
    private mutating func forget(before now: Double) {
        guard counted.count > limit * 2 else { return }
        let keep = Set(counted.sorted { $0.value > $1.value }.prefix(limit).map(\.key))
        counted = counted.filter { keep.contains($0.key) || now - $0.value < window }
    }
}

/// Every API call of one process passes here and waits for a slot of the budget; a request a
/// person waits for is let through before background ones, first come first served within each.
/// `onWait` hears, while any request waits, how many seconds until the next slot (nil once none
/// waits), so that a screen can say "waiting for the request budget: 3 s".
public actor RequestPacer {
    public nonisolated let limit: Int
    private var budget: RequestBudget
    private var waiters: [Waiter] = []
    private var nextWaiter = 0
    private var timer: Task<Void, Never>?
    private let start = ContinuousClock.now
    private var onWait: (@Sendable (Double?) -> Void)?

    private struct Waiter {
        let id: Int
        let priority: RequestPriority
        let continuation: CheckedContinuation<Int?, Never>
    }

    public init(limit: Int = RequestBudget.defaultRate, window: Double = 60, onWait: (@Sendable (Double?) -> Void)? = nil) {
        self.limit = limit
        budget = RequestBudget(limit: limit, window: window)
        self.onWait = onWait
    }

    /// From now on, `onWait` hears how long requests wait (the interactive program shows it).
    public func observe(_ onWait: @escaping @Sendable (Double?) -> Void) { self.onWait = onWait }

    private var now: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Returns when the request may be sent, with its ticket for `finished`; throws `.cancelled`
    /// when its task is cancelled first.
    public func admit(_ priority: RequestPriority) async throws(JetEmailError) -> Int {
        let t = now
        if !waiters.contains(where: { $0.priority >= priority }), budget.nextSlot(now: t, cap: budget.cap(priority)) <= t {
            return budget.record(t)
        }
        let id = nextWaiter
        nextWaiter += 1
        let ticket = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
                waiters.append(Waiter(id: id, priority: priority, continuation: continuation))
                schedule()
            }
        } onCancel: {
            Task { await self.withdraw(id) }
        }
        guard let ticket else { throw .cancelled }
        return ticket
    }

    /// Seconds until the window has room for one more request (0: now). A long run asks before
    /// it commits to an event, so that a stop asked meanwhile is heard at once.
    public func secondsUntilFree(_ priority: RequestPriority = .background) -> Double {
        let t = now
        return max(0, budget.nextSlot(now: t, cap: budget.cap(priority)) - t)
    }

    /// Seconds until `count` more requests of this priority can have gone (what the budget alone allows).
    public func secondsUntil(_ count: Int, spacing: Double = 0, priority: RequestPriority = .background) -> Double {
        budget.secondsUntil(count, now: now, spacing: spacing, cap: budget.cap(priority))
    }

    /// Requests made before this process started (a run stopped a moment ago, by its journal),
    /// `secondsAgo` each: they count in the window as JetEmail still counts them.
    public func assumeMade(secondsAgo: [Double]) {
        let t = now
        for ago in secondsAgo where ago >= 0 && ago < budget.window {
            let ticket = budget.record(t)
            budget.finished(ticket, now: t - ago)
        }
    }

    /// The request's answer is back (or it failed): it counts from now.
    public func finished(_ ticket: Int) {
        budget.finished(ticket, now: now)
    }

    /// Lets through every waiter a slot is free for, best first, and sleeps until the next slot.
    private func wake() {
        timer = nil
        while let best = bestWaiter(), budget.nextSlot(now: now, cap: budget.cap(waiters[best].priority)) <= now {
            let waiter = waiters.remove(at: best)
            waiter.continuation.resume(returning: budget.record(now))
        }
        schedule()
    }

    private func bestWaiter() -> Int? {
        guard let top = waiters.map(\.priority).max() else { return nil }
        return waiters.firstIndex { $0.priority == top }
    }

    private func schedule() {
        // Made afresh each time: a request a person waits for may be due before the one it found waiting.
        timer?.cancel()
        timer = nil
        guard !waiters.isEmpty else { onWait?(nil); return }
        let best = bestWaiter().map { waiters[$0].priority } ?? .interactive
        let wait = max(0, budget.nextSlot(now: now, cap: budget.cap(best)) - now)
        onWait?(wait)
        timer = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up)) + 1))
            if Task.isCancelled { return }
            await self?.wake()
        }
    }

    private func withdraw(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: nil)
        if waiters.isEmpty { timer?.cancel(); timer = nil; onWait?(nil) }
    }
}
