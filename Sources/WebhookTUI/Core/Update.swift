import JetEmailClient

/// The program's logic: a pure function from a state and an event to the next state and the
/// effects to run. `now` is the shell's clock in seconds.
public func update(_ state: AppState, _ event: AppEvent, now: Double) -> (AppState, [Effect]) {
    var s = state
    s.now = now
    switch event {
    case .resize(let columns, let rows):
        s.columns = columns
        s.rows = rows
        return (s, [])
    case .tick:
        if case .rateLimited(let until, _) = s.submission, now >= until {
            s.submission = .idle
            s.status = StatusMessage(.info, "The rate limit has passed; you can create again.")
        }
        return (s, [])
    case .terminate:
        if s.isSending && s.secretFilePath != nil {
            s.terminating = true
            return (s, [])
        }
        s.exitNotice = SubmitFlow.lossOnExit(s)
        s.quitRequested = true
        return (s, [.quit])
    case .submitFinished(let id, let result, let saved):
        return SubmitFlow.finished(s, id: id, result: result, saved: saved)
    case .secretFileRefused(let id, let failure):
        return (SubmitFlow.secretFileRefused(s, id: id, failure), [])
    case .clipboardAdvice(let advice):
        return (SecretModalKeys.advise(s, advice), [])
    case .clientUnavailable(let reason):
        s.status = StatusMessage(.error, "Cannot send with this configuration: \(reason)")
        return (s, [])
    case .secretWritten(let result):
        return (SecretModalKeys.written(s, result), [])
    case .key(let key):
        return GlobalKeys.handle(s, key)
    }
}
