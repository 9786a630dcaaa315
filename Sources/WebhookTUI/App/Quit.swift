import JetEmailClient
import TerminalUI

/// Quitting, modelled once: `quitRequested` ends the program; the question is asked when
/// something would be lost, and says what; afterwards stderr says what was left behind.
enum Quit {
    /// Quit at once when nothing would be lost; otherwise ask, saying what would be lost.
    static func ask(_ s: inout AppState) {
        guard !((s.topModal as? ConfirmModal)?.onYes == .quit) else { return }
        guard let reason = loss(s) else {
            s.quitRequested = true
            return
        }
        s.modals.append(ModalEntry(id: s.makeID(), owner: s.topScreen.id, modal: ConfirmModal.quit(reason)))
    }

    /// `y` to the question.
    static func confirmed(_ s: inout AppState) {
        s.exitNotice = lossOnExit(s)
        s.quitRequested = true
    }

    /// What quitting now would lose, in words for the question; nil when nothing.
    static func loss(_ s: AppState) -> String? {
        if let unsaved = s.modals.reversed().lazy.compactMap({ $0.modal.unsaved }).first { return unsaved }
        if s.isCreating { return "A webhook is being created; its secret would be lost." }
        if let running = s.jobsQuitWarnings.first { return running }
        let changes = s.changesInFlight
        if let named = inWords(changes) {
            return named.prefix(1).uppercased() + named.dropFirst() + " \(changes.count == 1 ? "is" : "are") in flight: quitting now leaves it unknown whether "
                + "\(changes.count == 1 ? "it" : "they") happened."
        }
        return s.screens.reversed().lazy.compactMap { $0.screen.unsavedInput }.first
    }

    /// SIGHUP or SIGTERM: quit now, unless a create is in flight whose secret has a file to go
    /// to; then wait for its answer.
    static func terminate(_ s: inout AppState) {
        if s.isCreating && s.secretFilePath != nil {
            s.terminating = true
            return
        }
        s.exitNotice = lossOnExit(s)
        s.quitRequested = true
    }

    /// The answer the terminated program waited for has come.
    static func afterLastAnswer(_ s: inout AppState) {
        s.exitNotice = lossOnExit(s)
        s.quitRequested = true
    }

    /// What ending now would leave behind, in words for stderr; nil when nothing.
    static func lossOnExit(_ s: AppState) -> String? {
        if let secret = s.secretOnScreen, secret.savedPath == nil {
            return "The signing secret of webhook \"\(secret.name)\" (\(secret.uuid)) was not saved and has been discarded. "
                + "The webhook exists; delete it and create it again to get a new secret."
        }
        if s.isCreating {
            return "A create was in flight: the webhook may have been created without a known secret. Check the list."
        }
        let changes = s.changesInFlight
        if let named = inWords(changes) {
            return "Quit while \(named) \(changes.count == 1 ? "was" : "were") in flight: "
                + "\(changes.count == 1 ? "it" : "each") may or may not have happened. "
                + "jetemail-webhooks list (or query, for a replay) shows what did."
        }
        return nil
    }

    /// The first three named: "the delete of hook-001 (uuid), enabling Orders (uuid) and 2 more".
    static func inWords(_ changes: [String]) -> String? {
        guard !changes.isEmpty else { return nil }
        let text = changes.prefix(3).joined(separator: ", ")
        return changes.count > 3 ? text + " and \(changes.count - 3) more" : text
    }
}
