import JetEmailClient
import TerminalUI

/// The program's logic: a pure function from a state and an event to the next state and the
/// effects to run. `now` is the shell's clock in seconds. Nothing here knows a kind of screen:
/// each is asked through `Screen`, and what it wants is carried out by `apply`.
public func update(_ state: AppState, _ event: AppEvent, now: Double) -> (AppState, [Effect]) {
    var s = state
    s.now = now
    s.outbox = []
    s.expireMessages()
    switch event {
    case .resize(let columns, let rows):
        s.columns = columns
        s.rows = rows
        s.fitScreens(always: true)
        s.forEachScreen { screen, context in screen.resized(context) }
    case .start:
        s.fitScreens(always: true)
        s.forEachScreen { screen, context in screen.start(context) }
    case .settled:
        s.forEachScreen { screen, context in screen.settled(context) }
    case .key(let key):
        KeyRouter.handle(&s, key)
    case .answered(let id, let answer):
        s.answered(id, answer)
    case .tick:
        if let limit = s.rateLimit, now >= limit.until { s.holdEnded(limit) }
        if let until = s.budgetWaitUntil, now >= until + 1 { s.budgetWaitUntil = nil }
        s.forEachScreen { screen, context in
            screen.wantsTicks || (screen.wakeAt.map { now >= $0 } ?? false) ? screen.tick(context) : .none
        }
    case .terminate:
        Quit.terminate(&s)
    case .clipboardAdvice(let advice):
        if let top = s.modals.last { s.withModal(top.id) { modal, context in modal.receive(ScreenMessage(ClipboardAdvice(text: advice)), context) } }
    case .clientUnavailable(let reason):
        s.setStatus(StatusMessage(.error, "Cannot send with this configuration: \(reason)"), of: s.topScreen.id)
    case .job(let id, let report):
        s.reported(report, by: id)
    case .budgetWait(let wait):
        s.budgetWaitUntil = wait.map { now + $0.seconds }
        s.budgetOthers = wait?.otherProcesses ?? 0
    case .rateLimitHold(let wait):
        if let wait {
            s.rateLimit = RateLimit(wait, now: now)
        } else if let limit = s.rateLimit {
            s.holdEnded(limit)
        }
    case .budgetNotice(let text):
        s.setStatus(StatusMessage(.warning, text), of: s.topScreen.id)
    case .stoppedRecovers(let found):
        for id in s.screens.map(\.id) { s.withScreen(id) { screen, context in screen.receive(ScreenMessage(StoppedRecoversFound(recovers: found)), context) } }
    case .stoppedRotations(let found):
        s.stoppedRotations = found
        // The list makes room for their lines.
        for id in s.screens.map(\.id) { s.withScreen(id) { screen, context in screen.receive(ScreenMessage(JobsChanged()), context) } }
    }
    // A message that wraps onto more or fewer lines than before changes a screen's rows.
    s.fitScreens(always: false)
    let effects = s.outbox
    s.outbox = []
    return (s, effects)
}
