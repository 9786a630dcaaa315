import Synchronization

/// Where the account's window is kept: one small interface, so that a store shared by several
/// machines could back it later. The file (`FileBudgetLedger`) coordinates the processes of one
/// user on one machine; `LocalBudgetLedger` keeps one process's own.
public protocol BudgetLedger: Sendable {
    /// Where it is, in words: a path, or "this process only".
    var place: String { get }
    /// Whether other processes see what is written here.
    var isShared: Bool { get }
    /// Runs `change` on the account's window under the ledger's lock, so that no other process
    /// changes it meanwhile, and keeps what it leaves. Throws `.busy` at once when another
    /// process holds the lock (the caller waits and tries again), `.unusable` when the ledger
    /// cannot be used at all.
    func update<T>(_ change: (inout AccountWindow) -> T) throws(BudgetLedgerProblem) -> T
}

/// Why a ledger cannot be used now.
public struct BudgetLedgerProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Another process holds the lock.
        case busy
        /// A link, a FIFO, another user's file, not a ledger, a full or read-only disk…
        case unusable
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// One process's own window, in memory: the demo's sandbox, tests, and the fallback when the
/// shared ledger cannot be used.
public final class LocalBudgetLedger: BudgetLedger {
    private let window: Mutex<AccountWindow>

    public init(_ initial: AccountWindow = AccountWindow()) { window = Mutex(initial) }

    public var place: String { "this process only" }
    public var isShared: Bool { false }

    public func update<T>(_ change: (inout AccountWindow) -> T) throws(BudgetLedgerProblem) -> T {
        window.withLock { change(&$0) }
    }
}
