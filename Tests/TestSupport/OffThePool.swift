import Foundation

/// Runs blocking work (a child process waited for, a minute long) on a thread of its own, so
/// that it holds none of the concurrency pool's few threads (two on a two-core machine), which
/// every other test's `await` needs meanwhile.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
