/// What every process of the program knows of the account's request window: the requests that
/// count in it (each with the process that made it), the processes waiting for a slot, and a
/// 429's hold. It is what a `BudgetLedger` keeps; times are seconds on `BudgetClock`.
public struct AccountWindow: Sendable, Equatable {
    /// A request that counts in the window: from when it was sent until its answer was back.
    /// `open`: sent and not answered yet: it counts as made now, for as long as its process lives.
    public struct Slot: Sendable, Equatable {
        public var process: Int32
        public var ticket: Int
        public var at: Double
        public var open = false

        public init(process: Int32, ticket: Int, at: Double, open: Bool = false) {
            self.process = process; self.ticket = ticket; self.at = at; self.open = open
        }

        /// The time it counts from at `now`.
        public func counts(now: Double) -> Double { open ? max(at, now) : at }
    }

    /// The longest a request stays open (the longest `--timeout`, with room to spare).
    public static let longestOpen = 900.0

    /// A process with requests waiting for a slot, at the best priority among them.
    public struct Waiting: Sendable, Equatable {
        public var process: Int32
        public var priority: RequestPriority
        public var since: Double
    }

    /// A 429: no process sends before `until`; `seconds`: the whole wait, met by `process`.
    public struct Hold: Sendable, Equatable {
        public var until: Double
        public var seconds: Int
        public var process: Int32
    }

    public var slots: [Slot] = []
    public var waiting: [Waiting] = []
    public var hold: Hold?

    public init(slots: [Slot] = [], waiting: [Waiting] = [], hold: Hold? = nil) {
        self.slots = slots
        self.waiting = waiting
        self.hold = hold
    }

    /// Drops what no longer matters at `now`: slots that left the window, and those dated in the
    /// future (another boot's clock, or a file written by hand); waiting lines of processes that
    /// died or have not said so for a window; a hold that is over.
    public mutating func prune(now: Double, window: Double, isAlive: (Int32) -> Bool) {
        // A request still in flight counts until its answer (the server may have counted it just
        // now); one whose process died counts from when it was sent.
        slots.removeAll { slot in
            if slot.at > now + 5 { return true }
            if slot.open, now - slot.at < Self.longestOpen, isAlive(slot.process) { return false }
            return slot.at + window <= now
        }
        waiting.removeAll { $0.since + window + 5 < now || $0.since > now + 5 || !isAlive($0.process) }
        if let hold, hold.until <= now || hold.until > now + Double(RetryAfter.longestWait) + 5 { self.hold = nil }
    }

    /// How many processes other than `me` use the window now: a request in it, one waiting, or
    /// the 429 that holds it.
    public func others(than me: Int32) -> Int {
        var seen: [Int32] = []
        for process in slots.map(\.process) + waiting.map(\.process) + (hold.map { [$0.process] } ?? []) where process != me && !seen.contains(process) {
            seen.append(process)
        }
        return seen.count
    }

    /// Whether another process has a request a person waits for, waiting: background requests
    /// let it go first.
    public func personWaits(besides me: Int32) -> Bool {
        waiting.contains { $0.process != me && $0.priority == .interactive }
    }

    /// `me` waits at `priority` (nil: no longer waits).
    public mutating func setWaiting(_ me: Int32, _ priority: RequestPriority?, now: Double) {
        waiting.removeAll { $0.process == me }
        if let priority { waiting.append(Waiting(process: me, priority: priority, since: now)) }
    }
}
