import JetEmailClient
import TerminalUI

/// The program's logic: a pure function from a state and an event to the next state and the
/// effects to run. `now` is the shell's clock in seconds.
public func update(_ state: AppState, _ event: AppEvent, now: Double) -> (AppState, [Effect]) {
    var s = state
    s.now = now
    var effects: [Effect] = []
    switch event {
    case .resize(let columns, let rows):
        s.columns = columns
        s.rows = rows
    case .tick:
        if let limit = s.rateLimit, now >= limit.until {
            s.rateLimit = nil
            s.status = StatusMessage(.info, "The rate limit has passed; you can create again.")
        }
    case .terminate:
        Quit.terminate(&s)
    case .submitFinished(let id, let result, let saved):
        guard let screen = s.requests.removeValue(forKey: id), s.hasScreen(screen) else {
            SubmitFlow.unclaimed(result, saved: saved, app: &s)
            break
        }
        s.withForm(screen) { form, app in SubmitFlow.finished(&form, screen: screen, id: id, result: result, saved: saved, app: &app) }
        if s.terminating { Quit.afterLastAnswer(&s) }
    case .secretFileRefused(let id, let failure):
        guard let screen = s.requests.removeValue(forKey: id), s.hasScreen(screen) else { break }
        s.withForm(screen) { form, app in SubmitFlow.secretFileRefused(&form, screen: screen, id: id, failure, app: &app) }
    case .clipboardAdvice(let advice):
        SecretModalKeys.advise(&s, advice)
    case .clientUnavailable(let reason):
        s.status = StatusMessage(.error, "Cannot send with this configuration: \(reason)")
    case .secretWritten(let result):
        SecretModalKeys.written(&s, result)
    case .key(let key):
        effects = KeyRouter.handle(&s, key)
    }
    return (s, effects)
}

extension AppState {
    /// Runs `change` on the form screen with this id and puts it back, unless the change itself
    /// replaced or removed it. `change` may touch the rest of the app (status, modals, requests).
    mutating func withForm<T>(_ id: Int, _ change: (inout FormState, inout AppState) -> T) -> T? {
        guard let entry = screens.first(where: { $0.id == id }), case .form(var form) = entry.screen else { return nil }
        let before = screens
        let result = change(&form, &self)
        // Only written back when the stack was left alone meanwhile.
        if screens == before { replace(id, with: .form(form)) }
        return result
    }
}
