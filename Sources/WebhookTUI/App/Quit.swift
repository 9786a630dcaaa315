import TerminalUI

/// Quitting, modelled once: `quitRequested` ends the program; the question is asked when
/// something would be lost, and says what.
enum Quit {
    /// Quit at once when nothing would be lost; otherwise ask, saying what would be lost.
    static func ask(_ s: inout AppState) {
        guard let reason = loss(s) else {
            s.quitRequested = true
            return
        }
        s.open(.confirmQuit(dialog(reason)))
    }

    static func dialog(_ reason: String) -> ConfirmDialog {
        ConfirmDialog(title: "Quit?", message: reason, question: "Quit jetemail-webhooks? y/N", confirmLabel: "quit")
    }

    /// What quitting now would lose, in words for the question; nil when nothing.
    static func loss(_ s: AppState) -> String? {
        if let modal = s.secretOnScreen, modal.savedPath == nil {
            return "The signing secret has not been saved and cannot be shown again."
        }
        if s.isCreating { return "A webhook is being created; its secret would be lost." }
        if let changes = inFlight(s) {
            return changes.prefix(1).uppercased() + changes.dropFirst() + " \(s.changesInFlight.count == 1 ? "is" : "are") in flight: quitting now leaves it unknown whether "
                + "\(s.changesInFlight.count == 1 ? "it" : "they") happened."
        }
        if s.secretOnScreen == nil, s.screens.contains(where: { $0.screen.hasInput }) {
            return "The form has input that has not been sent."
        }
        return nil
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

    /// What ending now would lose, in words for stderr; nil when nothing.
    static func lossOnExit(_ s: AppState) -> String? {
        if let modal = s.secretOnScreen, modal.savedPath == nil {
            return "The signing secret of webhook \"\(modal.name)\" (\(modal.uuid)) was not saved and has been discarded. "
                + "The webhook exists; delete it and create it again to get a new secret."
        }
        if s.isCreating {
            return "A create was in flight: the webhook may have been created without a known secret. Check the list."
        }
        if let changes = inFlight(s) {
            return "Quit while \(changes) \(s.changesInFlight.count == 1 ? "was" : "were") in flight: "
                + "\(s.changesInFlight.count == 1 ? "it" : "each") may or may not have happened. "
                + "jetemail-webhooks list (or query, for a replay) shows what did."
        }
        return nil
    }

    /// The changes in flight in words, the first three named: "the delete of hook-001 (uuid)".
    static func inFlight(_ s: AppState) -> String? {
        guard !s.changesInFlight.isEmpty else { return nil }
        let named = s.changesInFlight.sorted { $0.key < $1.key }.map(\.value)
        let text = named.prefix(3).joined(separator: ", ")
        let more = named.count > 3 ? " and \(named.count - 3) more" : ""
        return text + more
    }
}

extension Screen {
    /// Typed input a person would not want to lose.
    var hasInput: Bool {
        switch self {
        case .form(let form): form.hasInput
        case .list, .details, .deliveries, .event: false
        }
    }
}
