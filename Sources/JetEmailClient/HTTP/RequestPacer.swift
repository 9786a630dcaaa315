/// Which requests go first when the budget is short: those a person waits for, then the rest
/// (health counts, follow polls, a recover run).
public enum RequestPriority: Int, Sendable, Comparable, CaseIterable {
    case background = 0
    case interactive = 1

    public static func < (a: RequestPriority, b: RequestPriority) -> Bool { a.rawValue < b.rawValue }
}

/// At most `limit` requests in any `window` seconds: the times of the last `limit` sends, and when
/// the next may go. JetEmail allows 240 a minute per account and then blocks every call for about
/// five minutes; the default, 200, leaves room for the official CLI or a second window.
public struct RequestBudget: Sendable, Equatable {
    public static let defaultRate = 200
    /// What `--max-rate` and `max_rate` accept (requests a minute).
    public static let rates = 1...240

    public let limit: Int
    public let window: Double
    /// Send times, oldest first; never more than `limit`.
    private var sent: [Double] = []

    public init(limit: Int = defaultRate, window: Double = 60) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// When the next request may go, at `now` or later.
    public func nextSlot(now: Double) -> Double {
        guard sent.count >= limit else { return now }
        return max(now, sent[sent.count - limit] + window)
    }

    /// A request goes at `now` (which must be a free slot).
    public mutating func record(_ now: Double) {
        sent.append(now)
        if sent.count > limit { sent.removeFirst(sent.count - limit) }
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
        let continuation: CheckedContinuation<Bool, Never>
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

    /// Returns when the request may be sent; throws `.cancelled` when its task is cancelled first.
    public func admit(_ priority: RequestPriority) async throws(JetEmailError) {
        let t = now
        if !waiters.contains(where: { $0.priority >= priority }), budget.nextSlot(now: t) <= t {
            budget.record(t)
            return
        }
        let id = nextWaiter
        nextWaiter += 1
        let admitted = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                waiters.append(Waiter(id: id, priority: priority, continuation: continuation))
                schedule()
            }
        } onCancel: {
            Task { await self.withdraw(id) }
        }
        if !admitted { throw .cancelled }
    }

    /// Lets through every waiter a slot is free for, best first, and sleeps until the next slot.
    private func wake() {
        timer = nil
        while let best = bestWaiter(), budget.nextSlot(now: now) <= now {
            let waiter = waiters.remove(at: best)
            budget.record(now)
            waiter.continuation.resume(returning: true)
        }
        schedule()
    }

    private func bestWaiter() -> Int? {
        guard let top = waiters.map(\.priority).max() else { return nil }
        return waiters.firstIndex { $0.priority == top }
    }

    private func schedule() {
        guard !waiters.isEmpty else { onWait?(nil); return }
        guard timer == nil else { return }
        let wait = max(0, budget.nextSlot(now: now) - now)
        onWait?(wait)
        timer = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up)) + 1))
            if Task.isCancelled { return }
            await self?.wake()
        }
    }

    private func withdraw(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
        if waiters.isEmpty { timer?.cancel(); timer = nil; onWait?(nil) }
    }
}
