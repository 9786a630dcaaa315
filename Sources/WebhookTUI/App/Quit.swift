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
        if s.isSending { return "A webhook is being created; its secret would be lost." }
        if s.secretOnScreen == nil, s.screens.contains(where: { $0.screen.hasInput }) {
            return "The form has input that has not been sent."
        }
        return nil
    }

    /// SIGHUP or SIGTERM: quit now, unless a create is in flight whose secret has a file to go
    /// to; then wait for its answer.
    static func terminate(_ s: inout AppState) {
        if s.isSending && s.secretFilePath != nil {
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
        if s.isSending {
            return "A create was in flight: the webhook may have been created without a known secret. Check the list."
        }
        return nil
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
