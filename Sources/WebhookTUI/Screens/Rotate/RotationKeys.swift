import JetEmailClient
import TerminalUI

/// Keys on the rotation screen, each with what it does: the setup's, then the run's.
extension RotationScreen {
    static let setupKeys: [Binding<RotationScreen>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "start"),
                help: "start the rotation: the twin is created and its secret written to the file (nothing is made before)") { screen, _, context in
            screen.startFresh(context)
        },
        Binding([.tab, .down], keys: "Tab or ↓", bar: BarEntry("Tab", "next field"), help: "the next of: the secret file, the delete's countdown, the receiver test") { screen, _, _ in
            screen.focus = (screen.focus + 1) % 3
            return .none
        },
        Binding([.backTab, .up], keys: "Shift-Tab or ↑", help: "the field before") { screen, _, _ in
            screen.focus = (screen.focus + 2) % 3
            return .none
        },
        Binding([.character(" ")], keys: "Space", bar: BarEntry("Space", "test on/off"),
                help: "on the receiver test: test the receiver with the new secret, or skip that step (a warning says what is then left unchecked)",
                when: { $0.focus == 2 }, because: "Space toggles the receiver test: Tab to it first.") { screen, _, _ in
            screen.skipTest.toggle()
            return .none
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "back", pin: .offHome), help: "back; nothing was made") { _, _, _ in .leave },
    ]

    /// The focused field's editing keys.
    var fieldKeys: [Binding<RotationScreen>] {
        TextField.bindings.map { widget in
            Binding(widget) { screen, edit, key, _ in
                if screen.focus == 0 { screen.secretPath.field.apply(edit, key: key) } else if screen.focus == 1 { screen.deleteAfter.field.apply(edit, key: key) }
                screen.problem = nil
                return .none
            }
        }
    }

    static let runKeys: [Binding<RotationScreen>] = [
        Binding([.character("y")], keys: "y", bar: BarEntry("y", "answer yes"),
                help: "answer the question the rotation waits on (disable or delete the old webhook), after a last look in a box",
                when: { $0.question != nil }, because: "The rotation is not waiting for a yes.") { screen, _, _ in
            guard let (question, text) = screen.question else { return .none }
            let dialog = ConfirmDialog(title: "Rotation", message: TerminalSafe.escaped(text), question: "y/N", confirmLabel: question == .disableOld ? "disable" : "delete")
            return .open(ConfirmModal(dialog, onYes: .tell(RotationAnswer(question: question))))
        },
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "go on"),
                help: "go on with a rotation that stopped (a failure, a kill, a quit) from where its journal says",
                when: { $0.resumablePath != nil }, because: "Nothing to go on with: the rotation is running, done or aborted.") { screen, _, context in
            guard let path = screen.resumablePath else { return .none }
            return screen.startJob(.resume(path: path), context)
        },
        Binding([.character("a")], keys: "a", bar: BarEntry("a", "abort"),
                help: "undo the rotation: delete the twin and enable the old webhook again (not once its delete was sent)",
                when: { $0.canAbort }, because: "Nothing to undo now: a step is in flight, or the old webhook's delete was sent.") { screen, _, _ in
            let dialog = ConfirmDialog(title: "Abort the rotation?", message: "The twin is deleted (its secret becomes useless) and "
                                       + "\(TerminalSafe.escaped(screen.webhook.name)) is enabled again if the rotation disabled it.",
                                       question: "Abort? y/N", confirmLabel: "abort")
            return .open(ConfirmModal(dialog, onYes: .tell(RotationAbortConfirmed())))
        },
        Binding([.character("c")], keys: "c", bar: BarEntry("c", "copy resume"),
                help: "copy the command that goes on with this rotation (its journal's path whole) to the clipboard (OSC 52)",
                when: { $0.run?.resumeCommand != nil }, because: "The rotation has no journal yet.") { screen, _, _ in
            guard let command = screen.run?.resumeCommand else { return .none }
            return Outcome.effect(.copyToClipboard(command)).with(.info, "The resume command was sent to the clipboard.")
        },
        Binding([.escape, .character("q"), .left, .backspace], keys: "Esc, q or ←", bar: BarEntry("Esc", "back", pin: .offHome),
                help: "back; the rotation goes on (its step stays in the title bar)") { _, _, _ in .leave },
    ]

    static var referenceSections: [HelpSection] {
        [HelpSection("Rotate secret: before it starts", setupKeys.helpLines()),
         HelpSection("Rotate secret: while it runs", (runKeys + scrollKeys).helpLines())]
    }
}

/// The yes to a rotation's question, from its confirm box.
struct RotationAnswer: ScreenMessageKind { var question: RotationRun.Question }
struct RotationAbortConfirmed: ScreenMessageKind {}
