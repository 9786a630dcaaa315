import Dispatch
import Glibc
import Synchronization

/// Ctrl-C (or SIGTERM, a hang-up) during a recover: the first stops it after the event in flight
/// (its answer is journaled); a second ends the program at once (that event then stays "may have
/// been replayed" in the journal).
@MainActor
final class StopSignals {
    /// Read by the run between events.
    let flag = StopFlag()
    private(set) var signal: Int32?
    private var sources: [any DispatchSourceSignal] = []
    private static let watched = [SIGINT, SIGTERM, SIGHUP]

    init() {
        for signo in Self.watched {
            Glibc.signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .main)
            source.setEventHandler { [weak self] in MainActor.assumeIsolated { self?.received(signo) } }
            source.resume()
            sources.append(source)
        }
    }

    private func received(_ signo: Int32) {
        if flag.isSet { _exit(128 + signo) }
        signal = signo
        flag.set(true)
        StandardError.write("\nStopping after the replay in flight (Ctrl-C again stops at once; that one may then have been replayed)…")
    }

    /// Signals act as usual again.
    func release() {
        sources.forEach { $0.cancel() }
        sources = []
        for signo in Self.watched { Glibc.signal(signo, SIG_DFL) }
    }
}

/// A flag the run's task reads and the main actor sets: a class, so that both hold the same one.
final class StopFlag: Sendable {
    private let flag = Mutex(false)
    var isSet: Bool { flag.withLock { $0 } }
    func set(_ value: Bool) { flag.withLock { $0 = value } }
}
