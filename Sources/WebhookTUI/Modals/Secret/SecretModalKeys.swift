import JetEmailClient
import TerminalUI

/// Keys on the secret window, in three tables: the window itself, the path prompt, and the
/// question before closing unsaved.
extension SecretModal {
    static let mainKeys: [Binding<SecretModal>] = [
        Binding([.character("w"), .character("W")], keys: "w", bar: BarEntry("w", "write to file"), help: "write the secret to a new file (0600, never overwrites)") { m, _, _ in
            m.pathPrompt = TextInput(m.defaultPath, selected: true)
            m.message = nil
            return .none
        },
        Binding([.character("c"), .character("C")], keys: "c", bar: BarEntry("c", "copy (OSC 52)"), help: "copy to the terminal's clipboard (OSC 52)") { m, _, _ in
            m.message = StatusMessage(.info, "Sent to the terminal's clipboard (OSC 52). Some terminals ignore this: paste to check, or use w.")
            return .effect(.copyToClipboard(m.secret))
        },
        Binding([.character("x"), .character("X")], keys: "x", bar: BarEntry("x", "test"),
                help: "test the receiver: post a signed example event to the webhook's URL and show what JetEmail would make of the answer") { m, _, _ in
            guard !m.testing else { return .none }
            m.testing = true
            m.message = StatusMessage(.info, "Sending a signed example to \(TerminalSafe.escaped(m.url))…")
            return .send(Request(ReceiverTestTag(), .receiverTest(url: m.url, eventType: ExamplePrompt.eventType(for: m.events), secret: .given(m.secret)),
                                 subject: "Receiver test of \(TerminalSafe.escaped(m.url))"))
        },
        Binding([.enter, .character("q"), .escape], keys: "Enter, q or Esc", bar: BarEntry("Enter/q", "close"), help: "close (asks first if the secret was not saved)") { m, _, _ in
            if m.savedPath == nil { m.confirmingClose = true; return .none }
            return m.closing()
        },
    ]

    static let pathPromptKeys: [Binding<SecretModal>] = [
        Binding([.enter], keys: "Enter", bar: BarEntry("Enter", "write the file"), help: "write the file at the path typed") { m, _, _ in
            let path = m.pathPrompt?.text ?? ""
            guard !m.writing else { return .none }
            guard !path.isEmpty else { m.message = StatusMessage(.error, "Type a path for the new file."); return .none }
            m.writing = true
            m.message = StatusMessage(.info, "Writing \(path)…")
            return .send(Request(SecretFileTag(), .writeSecret(path: path, secret: m.secret)))
        },
        Binding([.escape], keys: "Esc", bar: BarEntry("Esc", "back", pin: .offHome), help: "back to the secret, nothing written") { m, _, _ in
            m.pathPrompt = nil
            m.message = nil
            return .none
        },
    ] + TextField.bindings.map { widget in
        Binding(widget) { m, edit, key, _ in
            m.pathPrompt?.field.apply(edit, key: key)
            return .none
        }
    }

    static let confirmCloseKeys: [Binding<SecretModal>] = [
        Binding([.character("y"), .character("Y")], keys: "y", bar: BarEntry("y", "close and lose the secret"), help: "close without saving") { m, _, _ in
            m.confirmingClose = false
            return m.closing()
        },
        Binding([.anyKey], keys: "any other key", bar: BarEntry("any other key", "stays"), help: "keep the window open") { m, _, _ in
            m.confirmingClose = false
            return .none
        },
    ]

    public var keys: [Binding<SecretModal>] { confirmingClose ? Self.confirmCloseKeys : pathPrompt != nil ? Self.pathPromptKeys : Self.mainKeys }

    /// Closing forgets the secret; the form that created it hears, and shows the webhook.
    func closing() -> Outcome {
        .close + .message(FormMessage.secretClosed(webhook, saved: savedPath), to: .owner)
    }
}

/// Writing the secret to the file typed at the prompt.
struct SecretFileTag: RequestTagKind {}
