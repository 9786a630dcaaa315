import JetEmailClient
import TerminalUI

/// Keys on a webhook's details, each with what it does.
extension DetailsScreen {
    static let mainKeys: [Binding<DetailsScreen>] = [
        Binding([.escape, .character("q"), .left, .backspace], keys: "Esc, q or ←", bar: BarEntry("Esc", "back", pin: .offHome), help: "back to the list") { _, _, _ in .leave },
        Binding([.character("l")], keys: "l", bar: BarEntry("l", "log"), help: "this webhook's delivery log") { details, _, _ in
            .push(DeliveryLogScreen(webhook: details.webhook))
        },
        Binding([.character("x")], keys: "x", bar: BarEntry("x", "test receiver"),
                help: "post a signed example event to the URL (asks for the secret file) and show what JetEmail would make of the answer") { details, _, _ in
            .open(ExamplePrompt.asking(for: details.webhook))
        },
        // The list's own keys, on this webhook: one place edits and deletes.
        Binding([.character("e"), .character("d"), .delete, .character(" ")], keys: "e, d, Space", bar: BarEntry("e/d", "edit/delete"),
                help: "back to the list, and edit, delete or enable/disable this webhook there (d and disabling ask first)") { details, key, _ in
            .leave + .message(ListMessage.act(key, onWebhook: details.webhook.uuid), to: .below)
        },
    ]

    static var referenceSections: [HelpSection] {
        [HelpSection("Details", (mainKeys + scrollKeys).helpLines())]
    }
}
