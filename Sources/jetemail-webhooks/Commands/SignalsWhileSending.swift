import Dispatch
import Glibc
import JetEmailClient

/// While a create is in flight, Ctrl-C, SIGTERM or a hang-up must not throw its secret away:
/// the first signal says so and waits for the answer (at most the deadline); a second one gives up.
@MainActor
final class SignalsWhileSending {
    /// The first signal received, for the exit status (128 + N).
    private(set) var signal: Int32?
    private(set) var gaveUp = false
    var onGiveUp: () -> Void = {}
    private var sources: [any DispatchSourceSignal] = []
    private static let watched = [SIGINT, SIGTERM, SIGHUP]

    init(deadlineSeconds: Int) {
        for signo in Self.watched {
            Glibc.signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .main)
            source.setEventHandler { [weak self] in
                MainActor.assumeIsolated { self?.received(signo, deadlineSeconds: deadlineSeconds) }
            }
            source.resume()
            sources.append(source)
        }
    }

    private func received(_ signo: Int32, deadlineSeconds: Int) {
        if signal == nil {
            signal = signo
            StandardError.write("Waiting up to \(deadlineSeconds) s for the answer, so that the signing secret is not lost. Send the signal again (Ctrl-C) to give up.")
            return
        }
        gaveUp = true
        onGiveUp()
    }

    static let gaveUpMessage = "Gave up waiting for the answer. The webhook may have been created without a known secret: check the list."

    /// Creates the webhook with signals held off as above. Returns the result and the guard,
    /// which says whether a signal came (for the exit status) and whether the person gave up.
    static func create(_ request: CreateWebhookRequest, with client: JetEmailClient, deadlineSeconds: Int) async
        -> (Result<Webhook, JetEmailError>, SignalsWhileSending) {
        let guardian = SignalsWhileSending(deadlineSeconds: deadlineSeconds)
        let sending = Task { try await client.createWebhook(request) }
        guardian.onGiveUp = { sending.cancel() }
        let result = await sending.result.mapError { ($0 as? JetEmailError) ?? .cancelled }
        guardian.stop()
        return (result, guardian)
    }

    /// Signals act as usual again.
    func stop() {
        sources.forEach { $0.cancel() }
        sources = []
        for signo in Self.watched { Glibc.signal(signo, SIG_DFL) }
    }
}
