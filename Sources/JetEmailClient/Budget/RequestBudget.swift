/// Which requests go first when the budget is short: those a person waits for, then the rest
/// (health counts, follow polls, a recover run, a verb run without a terminal).
public enum RequestPriority: Int, Sendable, Comparable, CaseIterable {
    case background = 0
    case interactive = 1

    public static func < (a: RequestPriority, b: RequestPriority) -> Bool { a.rawValue < b.rawValue }
}

/// At most `limit` requests in any `window` seconds of the account, and when the next may go.
/// JetEmail allows 240 a minute per account and then blocks every call for about five minutes;
/// the default, 200, leaves room for the official CLI. The server counts a request when it
/// arrives, which is some time after it is sent: so a request counts from when it is sent until
/// its answer is back (`finished` moves its time there), never less than the server can count it.
/// The requests counted are every process's (`shared`, read from the ledger); `process` is the
/// one whose requests `record` adds.
public struct RequestBudget: Sendable, Equatable {
    public static let defaultRate = 200
    /// What `--max-rate` and `max_rate` accept (requests a minute).
    public static let rates = 1...240

    public let limit: Int
    public let window: Double
    public var shared: AccountWindow
    public let process: Int32
    /// For `record` without a ticket (a budget of its own, as the tests use); the pacer gives
    /// each request its ticket.
    private var nextTicket = 0

    public init(limit: Int = defaultRate, window: Double = 60, shared: AccountWindow = AccountWindow(), process: Int32 = 0) {
        self.limit = max(1, limit)
        self.window = window
        self.shared = shared
        self.process = process
    }

    /// Slots of each window background requests leave to requests a person waits for, so that a
    /// long run (a recover, health counts) never makes the person wait for the window to slide:
    /// a twentieth (10 of 200); none in a budget under 20.
    public var reserve: Int { limit >= 20 ? limit / 20 : 0 }

    /// What requests of this priority may fill of a window.
    public func cap(_ priority: RequestPriority) -> Int { priority == .interactive ? limit : max(1, limit - reserve) }

    /// The times the window counts at `now`, oldest first.
    private func times(now: Double) -> [Double] { shared.slots.map { $0.counts(now: now) }.sorted() }

    /// When the next request may go, at `now` or later, filling at most `cap` of the window.
    public func nextSlot(now: Double, cap: Int? = nil) -> Double {
        let cap = min(limit, max(1, cap ?? limit))
        guard shared.slots.count >= cap else { return now }
        let times = self.times(now: now)
        return max(now, times[times.count - cap] + window)
    }

    /// Seconds a 429's hold has left at `now` (0: none).
    public func holdLeft(now: Double) -> Double {
        guard let hold = shared.hold, hold.until > now else { return 0 }
        return hold.until - now
    }

    /// Seconds from `now` until the `count`-th request from now may go, if they go one after
    /// another at least `spacing` apart (a round trip each) and as soon as the window lets them:
    /// the first `limit` are worked out against the requests in the window; every later `limit`
    /// go a whole window (or `limit` round trips, if longer) after the ones before them.
    public func secondsUntil(_ count: Int, now: Double, spacing: Double = 0, cap: Int? = nil) -> Double {
        guard count > 0 else { return 0 }
        let limit = min(self.limit, max(1, cap ?? self.limit))
        let gap = spacing.isFinite && spacing > 0 ? spacing : 0
        let latest = times(now: now).suffix(limit)
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

    /// A request goes at `now` (which must be a free slot); its ticket, for `finished`. `open`:
    /// it counts as made now until `finished` (the pacer's requests); else from `now`.
    @discardableResult
    public mutating func record(_ now: Double, ticket: Int? = nil, open: Bool = false) -> Int {
        let ticket = ticket ?? nextTicket
        nextTicket = max(nextTicket, ticket + 1)
        shared.slots.append(AccountWindow.Slot(process: process, ticket: ticket, at: now, open: open))
        forget(before: now)
        return ticket
    }

    /// Its answer is back at `now`: it counts from then on.
    public mutating func finished(_ ticket: Int, now: Double) {
        if let index = shared.slots.firstIndex(where: { $0.process == process && $0.ticket == ticket }) {
            shared.slots[index].at = now
            shared.slots[index].open = false
        }
    }

    /// What a request of `priority` may do at `now`: go (recorded with `ticket`), or wait.
    public mutating func take(_ priority: RequestPriority, now: Double, ticket: Int) -> Admission {
        let held = holdLeft(now: now)
        if held > 0 { return .held(held) }
        // A person waiting in another process goes first: a moment's wait lets it take the slot.
        if priority == .background, shared.personWaits(besides: process), shared.slots.count + 1 >= limit {
            return .wait(Self.deferral)
        }
        let next = nextSlot(now: now, cap: cap(priority))
        guard next <= now else { return .wait(next - now) }
        record(now, ticket: ticket, open: true)
        return .go
    }

    /// How long a background request waits before looking again while a person in another
    /// process waits for the same slot.
    public static let deferral = 0.05

    public enum Admission: Sendable, Equatable {
        case go
        /// The window is full (or a person elsewhere goes first): look again in this many seconds.
        case wait(Double)
        /// A 429's hold: nothing goes for this many seconds.
        case held(Double)
    }

    /// Requests that left the window are forgotten.
    private mutating func forget(before now: Double) {
        shared.slots.removeAll { !$0.open && $0.at + window <= now }
    }
}
