/// Why a request waits, and for how long: what a progress line or a status line says.
public struct BudgetWait: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The window is full (every process's requests count in it).
        case window
        /// A 429 (met by this process or another) holds every process.
        case rateLimited
        /// 429 after 429: this process stopped asking by itself.
        case gaveUp
    }

    public var seconds: Double
    public var reason: Reason
    /// Other processes of the program using the same budget now.
    public var otherProcesses: Int

    public init(seconds: Double, reason: Reason, otherProcesses: Int) {
        self.seconds = seconds
        self.reason = reason
        self.otherProcesses = otherProcesses
    }

    /// " (2 other jetemail-webhooks processes are using it)", or nothing.
    public var othersClause: String { Self.othersClause(otherProcesses) }

    public static func othersClause(_ count: Int) -> String {
        switch count {
        case ...0: ""
        case 1: " (1 other jetemail-webhooks process is using it)"
        default: " (\(count) other jetemail-webhooks processes are using it)"
        }
    }

    public var wholeSeconds: Int { Self.wholeSeconds(seconds) }

    /// Whole seconds, rounded up and bounded (a wait never traps); a few milliseconds over a whole
    /// second (the ledger keeps milliseconds) do not make it one more.
    public static func wholeSeconds(_ seconds: Double) -> Int {
        seconds.isFinite ? Int(min(max(seconds - 0.01, 0), Double(RetryAfter.longestWait)).rounded(.up)) : 0
    }
}

/// A slot taken now (its ticket), or why not and for how long.
public enum TryAdmission: Sendable, Equatable {
    case admitted(Int)
    case wait(BudgetWait)
}

/// What a request does while a 429 holds the account: waits it out (background work, a
/// script), or fails at once with `.heldByRateLimit` (a key a person pressed: they are told).
public enum WhileHeld: Sendable, Equatable {
    case waits
    case fails
}
