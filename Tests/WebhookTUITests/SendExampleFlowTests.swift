import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// `x`: a signed example to the receiver, from the secret window (with the secret just shown)
/// and from a webhook's details (with the secret read from a file named there).
@Suite struct SendExampleFlowTests {
    static let report = ReceiverTest.Report(eventID: "evt_example_1", eventType: "outbound.delivered", status: 500, milliseconds: 12,
                                            verdict: .retried, detail: "answer: boom")

    @Test func xInTheSecretWindowSignsWithTheSecretShownAndSaysWhatJetEmailWouldDo() {
        var d = SecretAndQuitTests().withModal()
        d.press(.character("x"))
        let effects = d.drain()
        guard case .sendExample(let id, let url, let type, .given(let secret))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(url == sampleWebhook.url && type == "outbound.delivered" && secret == sampleWebhook.secret)
        #expect(d.screen.contains("Sending a signed example"))
        d.press(.character("x"))
        #expect(d.drain().isEmpty, "one example at a time")
        d.send(.exampleSent(id: id, .success(Self.report)))
        guard case .secret(let modal)? = d.state.topModal else { Issue.record("the secret window stays"); return }
        #expect(modal.message?.text.contains("HTTP 500 in 12 ms: JetEmail would retry it") == true)
        #expect(d.screen.contains("Example outbound.delivered: HTTP 500 in 12 ms"), "shown in the window")
    }

    @Test func xInDetailsAsksForTheSecretFileThenSends() {
        var d = Driver(AppState(home: .list, endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false))
        d.send(.start)
        _ = d.drain()
        d.send(.answered(id: 1, .list(.success([sampleWebhook.withoutSecret]))))
        d.press(.enter, .character("x"))
        guard case .examplePrompt(let prompt)? = d.state.topModal else { Issue.record("no prompt"); return }
        #expect(prompt.input.text == "./production-webhook.whsec")
        #expect(d.screen.contains("The secret is read from this file"))
        d.press(.escape)
        #expect(d.state.topModal == nil && d.drain().isEmpty, "Esc sends nothing")
        d.press(.character("x"), .control("u"))
        d.type("~/keys/prod.whsec")
        d.press(.enter)
        guard case .sendExample(let id, _, _, .file(let path))? = d.drain().first else { Issue.record("nothing sent"); return }
        #expect(path == "~/keys/prod.whsec")
        d.send(.exampleSent(id: id, .failure(ExampleFailure("cannot read the secret file ~/keys/prod.whsec: No such file or directory."))))
        #expect(d.state.status?.text == "No example was sent: cannot read the secret file ~/keys/prod.whsec: No such file or directory.")
        #expect(d.screen.contains("No example was sent"), "shown on the details screen")
    }
}
