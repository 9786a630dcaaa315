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
        effects = s.fitScreens()
    case .start:
        effects = s.fitScreens()
        for entry in s.screens {
            if case .list = entry.screen {
                effects += s.withList(entry.id) { list, app in ListFlow.load(&list, screen: entry.id, app: &app) } ?? []
            }
        }
    case .settled:
        for entry in s.screens {
            effects += s.withForm(entry.id) { form, app in
                form.choices.neverAsked ? FilterChoices.load(&form, screen: entry.id, app: &app) : []
            } ?? []
        }
    case .answered(let id, let answer):
        let change = s.changesInFlight.removeValue(forKey: id)
        let (limited, retryAfter) = answer.rateLimited
        s.noteRateLimit(limited, retryAfter: retryAfter)
        guard let screen = s.requests.removeValue(forKey: id) else { break }
        // A replay's answer is news wherever the person is now, the log it came from gone or not.
        if case .replayed(let result) = answer { ReplayFlow.answered(&s, result, what: change); break }
        guard s.hasScreen(screen) else { break }
        switch answer {
        case .deliveries(let result):
            effects = s.withDeliveryLog(screen) { log, app in DeliveryLogFlow.answered(&log, screen: screen, id: id, result, app: &app) } ?? []
        case .replayed:
            break
        case .choices(let users, let domains):
            s.withForm(screen) { form, _ in FilterChoices.answered(&form, id: id, users: users, domains: domains) }
        case .list, .webhook, .deleted:
            s.withList(screen) { list, app in ListFlow.answered(&list, id: id, answer, app: &app) }
            s.withForm(screen) { form, app in SubmitFlow.saved(&form, screen: screen, id: id, answer, app: &app) }
        }
    case .tick:
        if let limit = s.rateLimit, now >= limit.until {
            s.rateLimit = nil
            guard !limit.gaveUp else {
                // After 429s in a row nothing is asked by itself: the person decides when.
                s.status = StatusMessage(.warning, s.backoff.gaveUpMessage.replacing("Try again in a few minutes.", with: "r tries again."))
                break
            }
            s.status = StatusMessage(.info, "The rate limit has passed; requests can be made again.")
            // A log waiting for pages asks for them now.
            for entry in s.screens {
                effects += s.withDeliveryLog(entry.id) { log, app in DeliveryLogFlow.fill(&log, screen: entry.id, app: &app) } ?? []
            }
        }
    case .terminate:
        Quit.terminate(&s)
    case .submitFinished(let id, let result, let saved):
        if case .failure(.rateLimited(let retryAfter, _)) = result { s.noteRateLimit(true, retryAfter: retryAfter) } else { s.backoff.answered() }
        guard let screen = s.requests.removeValue(forKey: id), s.hasScreen(screen) else {
            SubmitFlow.unclaimed(result, saved: saved, app: &s)
            break
        }
        s.withForm(screen) { form, app in SubmitFlow.finished(&form, screen: screen, id: id, result: result, saved: saved, app: &app) }
        if s.terminating { Quit.afterLastAnswer(&s) }
    case .secretFileRefused(let id, let failure):
        guard let screen = s.requests.removeValue(forKey: id), s.hasScreen(screen) else { break }
        s.withForm(screen) { form, app in SubmitFlow.secretFileRefused(&form, screen: screen, id: id, failure, app: &app) }
    case .exampleSent(let id, let result):
        ExampleFlow.answered(&s, id: id, result)
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
    /// Runs `change` on the screen with this id, seen through `open` (nil: not that kind of
    /// screen), and puts it back with `close`, unless the change pushed or removed a screen.
    /// `change` may touch the rest of the app (status, modals, requests).
    mutating func withScreen<S, T>(_ id: Int, open: (Screen) -> S?, close: (S) -> Screen, _ change: (inout S, inout AppState) -> T) -> T? {
        guard let entry = screens.first(where: { $0.id == id }), var screen = open(entry.screen) else { return nil }
        let before = screens.map(\.id)
        let result = change(&screen, &self)
        // Written back unless the stack itself changed meanwhile (screens pushed or removed);
        // other screens may have changed (a save updates the list below the form).
        if screens.map(\.id) == before { replace(id, with: close(screen)) }
        return result
    }

    mutating func withForm<T>(_ id: Int, _ change: (inout FormState, inout AppState) -> T) -> T? {
        withScreen(id, open: { if case .form(let form) = $0 { form } else { nil } }, close: Screen.form, change)
    }

    mutating func withDeliveryLog<T>(_ id: Int, _ change: (inout DeliveryLogState, inout AppState) -> T) -> T? {
        withScreen(id, open: { if case .deliveries(let log) = $0 { log } else { nil } }, close: Screen.deliveries, change)
    }

    mutating func withList<T>(_ id: Int, _ change: (inout ListState, inout AppState) -> T) -> T? {
        withScreen(id, open: { if case .list(let list) = $0 { list } else { nil } }, close: Screen.list, change)
    }
}

extension AppState {
    /// Screens whose scrolling depends on the window size learn it; a log shown taller asks for
    /// the rows it now shows.
    mutating func fitScreens() -> [Effect] {
        var effects: [Effect] = []
        for index in screens.indices {
            switch screens[index].screen {
            case .list(var list):
                list.table.viewHeight = ListView.visibleRows(rows: rows)
                screens[index].screen = .list(list)
            case .deliveries(var log):
                log.cursor.viewHeight = DeliveryLogView.visibleRows(rows: rows)
                screens[index].screen = .deliveries(log)
                let id = screens[index].id
                effects += withDeliveryLog(id) { log, app in DeliveryLogFlow.fill(&log, screen: id, app: &app) } ?? []
            case .event(var event):
                event.fit(columns: columns)
                screens[index].screen = .event(event)
            default: break
            }
        }
        return effects
    }
}
