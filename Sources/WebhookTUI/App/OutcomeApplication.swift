import JetEmailClient
import TerminalUI

/// Carrying out what screens and modals ask for (`Outcome`), in one place: cancels, requests
/// (through the request path), the asker's status line, changes to the stacks, messages to other
/// screens, effects, quitting. Screens never touch the app's state themselves.
extension AppState {
    /// Runs `body` on the screen with this id, puts it back, and carries out what it asked for.
    mutating func withScreen(_ id: ScreenID, _ body: (inout any Screen, ScreenContext) -> Outcome) {
        guard let index = screens.firstIndex(where: { $0.id == id }) else { return }
        let context = context(for: id)
        var screen = screens[index].screen
        let outcome = body(&screen, context)
        if let index = screens.firstIndex(where: { $0.id == id }) { screens[index].screen = screen }
        apply(outcome, from: id)
    }

    /// The same for a modal.
    mutating func withModal(_ id: ScreenID, _ body: (inout any Modal, ScreenContext) -> Outcome) {
        guard let index = modals.firstIndex(where: { $0.id == id }) else { return }
        let context = context(for: id)
        var modal = modals[index].modal
        let outcome = body(&modal, context)
        if let index = modals.firstIndex(where: { $0.id == id }) { modals[index].modal = modal }
        apply(outcome, from: id)
    }

    mutating func apply(_ outcome: Outcome, from id: ScreenID) {
        let isModal = modals.contains { $0.id == id }
        let screenID = isModal ? modals.first { $0.id == id }?.owner : id
        // Addresses are read against the stack as it was when the outcome was made.
        let targets = outcome.messages.map { (resolve($0.0, from: id, screen: screenID), $0.1) }
        for tag in outcome.cancels { cancel(tag, of: id) }
        switch outcome.status {
        case .keep: break
        case .clear: if let screenID { setStatus(nil, of: screenID) }
        case .set(let message): if let screenID { setStatus(message, of: screenID) }
        }
        for request in outcome.requests { send(request, from: id) }
        for step in outcome.navigation { navigate(step, from: id, isModal: isModal) }
        outbox += outcome.effects
        for request in outcome.jobs { self.request(request, from: id) }
        if let key = outcome.maskedKey { maskedKey = key }
        if let path = outcome.secretFilePath { secretFilePath = path }
        for (ids, message) in targets {
            for target in ids where screens.contains(where: { $0.id == target }) {
                withScreen(target) { screen, context in screen.receive(message, context) }
            }
        }
        if outcome.quitNow { Quit.confirmed(&self) } else if outcome.quit { Quit.ask(&self) }
    }

    private func resolve(_ address: Outcome.Address, from id: ScreenID, screen: ScreenID?) -> [ScreenID] {
        switch address {
        case .owner: return screen.map { [$0] } ?? []
        case .below:
            guard let screen, let index = screens.firstIndex(where: { $0.id == screen }), index > 0 else { return [] }
            return [screens[index - 1].id]
        case .home: return screens.first.map { [$0.id] } ?? []
        case .all: return screens.map(\.id).filter { $0 != id }
        }
    }

    private mutating func navigate(_ step: Navigation, from id: ScreenID, isModal: Bool) {
        switch step {
        case .push(let screen): push(screen)
        case .leave:
            guard !isModal else { return }
            leave(id)
        case .replace(let screen):
            guard let index = screens.firstIndex(where: { $0.id == id }) else { return }
            screens[index].screen = screen
        case .open(let modal):
            modals.append(ModalEntry(id: makeID(), owner: isModal ? modals.first { $0.id == id }?.owner : id, modal: modal))
        case .openAlone(let modal):
            let owner = isModal ? modals.first { $0.id == id }?.owner : id
            modals = [ModalEntry(id: makeID(), owner: owner, modal: modal)]
        case .close:
            modals.removeAll { $0.id == id }
        }
    }

    /// A new screen on top, sized to the window at once, then shown.
    mutating func push(_ screen: any Screen) {
        let id = makeID()
        screens.append(ScreenEntry(id: id, screen: screen))
        fit(id)
        withScreen(id) { screen, context in screen.appear(context) }
    }

    /// Removes the screen with this id (never the last one); the reads it waited for go too.
    mutating func leave(_ id: ScreenID) {
        guard screens.count > 1, let index = screens.firstIndex(where: { $0.id == id }) else { return }
        let wasTop = index == screens.count - 1
        screens.remove(at: index)
        modals.removeAll { $0.owner == id && !($0.modal is SecretModal) }
        dropReads(of: id)
        // The one below is shown again.
        if wasTop, let top = screens.last?.id { withScreen(top) { screen, context in screen.appear(context) } }
    }

    /// Every screen, bottom to top (ids taken first: a screen may change the stack).
    mutating func forEachScreen(_ body: (inout any Screen, ScreenContext) -> Outcome) {
        for id in screens.map(\.id) { withScreen(id, body) }
    }
}
