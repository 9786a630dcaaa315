import JetEmailClient
import TerminalUI

/// Keys on a webhook's details, each with what it does.
extension DetailsScreen {
    static let mainKeys: [Binding<DetailsScreen>] = [
        Binding([.escape, .character("q"), .left, .backspace], keys: "Esc, q or ←", bar: BarEntry("Esc", "back", pin: .offHome), help: "back to the list") { _, _, _ in .leave },
        Binding([.character("l")], keys: "l", bar: BarEntry("l", "log"), help: "this webhook's delivery log") { details, _, _ in
            .push(DeliveryLogScreen(webhook: details.webhook))
        },
        Binding([.character("t")], keys: "t", bar: BarEntry("t", "24h/7d"), help: "the failures chart: the last 24 hours by hour, or 7 days by 6 hours") { details, _, context in
            details.chartSpan = details.chartSpan == .day ? .week : .day
            return details.askChart(context)
        },
        Binding([.control("r")], keys: "Ctrl-R", bar: BarEntry("^R", "recover"),
                help: "recover: replay the failed deliveries of this webhook's latest outage (the question offers the whole log), planned first and paced") { details, _, context in
            RecoverQuestion.plan(forWebhook: details.webhook, context)
        },
        Binding([.character("R")], keys: "R", bar: BarEntry("R", "rotate"),
                help: "rotate the signing secret: a twin with a new secret, the receiver tested, an overlap, then the old webhook retired (guided, journalled)") { details, _, _ in
            .push(RotationScreen(webhook: details.webhook))
        },
        Binding([.character("u")], keys: "u", help: "show or hide the values of the URL's secret-looking query parameters (token, key, secret, sig, auth, password), masked by default",
                when: { URLDisplay.hasSecrets($0.webhook.url) }, because: "Nothing in this URL is masked.") { details, _, _ in
            details.urlRevealed.toggle()
            return .none
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
