import Foundation

/// Runs blocking work (a child process waited for, a minute long) on a thread of its own, so
/// that it holds none of the concurrency pool's few threads (two on a two-core machine), which
/// every other test's `await` needs meanwhile.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Waits until `condition` holds, or `seconds` pass, looking every 10 ms on a thread of its own:
/// a sleep on the pool can resume seconds late when other tests keep its threads busy, and the
/// moment waited for (a run part way through) is then long gone.
public func waitUntil(seconds: Double, _ condition: @escaping @Sendable () -> Bool) async {
    _ = try? await offThePool {
        let end = Date().addingTimeInterval(seconds)
        while !condition(), Date() < end { usleep(10_000) }
    }
}
