import Foundation
import Synchronization

/// JetEmail's rate limit on loopback: more than `limit` requests in any sliding `window` seconds
/// locks every call out for `lockout` seconds (429 with Retry-After). Counts what it answered.
public final class LockoutServer: Sendable {
    public let server: MisbehavingServer
    private let counts: Counts

    /// The server threads' shared counts (a class, so the script can hold it).
    final class Counts: Sendable {
        let state = Mutex(State())
    }

    struct State {
        var times: [Date] = []
        var lockedUntil: Date?
        var answered = 0
        var refused = 0
    }

    /// `body`: the 200 answer to every request that is let through.
    public init(limit: Int, window: Double, lockout: Double = 300, body: @escaping @Sendable (String) -> String) throws {
        let counts = Counts()
        self.counts = counts
        server = try MisbehavingServer(lifetime: 600) { request in
            let now = Date()
            let allowed: Bool = counts.state.withLock { s in
                if let until = s.lockedUntil, now < until { s.refused += 1; return false }
                s.times = s.times.filter { now.timeIntervalSince($0) < window }
                s.times.append(now)
                if s.times.count > limit {
                    s.lockedUntil = now.addingTimeInterval(lockout)
                    s.refused += 1
                    return false
                }
                s.answered += 1
                return true
            }
            guard allowed else {
                return [.sendText(MisbehavingServer.answer(429, #"{"success":false,"error":"Too many requests"}"#,
                                                           headers: ["Retry-After: \(Int(lockout))"]))]
            }
            return [.sendText(MisbehavingServer.answer(200, body(request)))]
        }
    }

    public var baseURL: String { server.baseURL }
    public var answered: Int { counts.state.withLock { $0.answered } }
    public var refused: Int { counts.state.withLock { $0.refused } }
}
