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
        guard case let (id, url, type, .given(secret))? = effects.first?.receiverTest else { Issue.record("\(effects)"); return }
        #expect(url == sampleWebhook.url && type == "outbound.delivered" && secret == sampleWebhook.secret)
        #expect(d.screen.contains("Sending a signed example"))
        d.press(.character("x"))
        #expect(d.drain().isEmpty, "one example at a time")
        d.send(.exampleSent(id: id, .success(Self.report)))
        guard let modal = d.state.topModal as? SecretModal else { Issue.record("the secret window stays"); return }
        #expect(modal.message?.text.contains("HTTP 500 in 12 ms: JetEmail would retry it") == true)
        #expect(d.screen.contains("Example outbound.delivered: HTTP 500 in 12 ms"), "shown in the window")
    }

    @Test func xInDetailsAsksForTheSecretFileThenSends() {
        var d = Driver(AppState(home: .list, endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false))
        d.send(.start)
        _ = d.drain()
        d.send(.answered(id: 1, .list(.success([sampleWebhook.withoutSecret]))))
        d.press(.enter)
        #expect(d.drain().allSatisfy { $0.backgroundQuery != nil || $0.query?.1.limit == 1_000 }, "details asks only for its counts and its chart")
        d.press(.character("x"))
        guard let prompt = d.state.topModal as? ExamplePrompt else { Issue.record("no prompt"); return }
        #expect(prompt.input.text == "./production-webhook.whsec")
        #expect(d.screen.contains("The secret is read from this file"))
        d.press(.escape)
        #expect(d.state.topModal == nil && d.drain().isEmpty, "Esc sends nothing")
        d.press(.character("x"), .control("u"))
        d.type("~/keys/prod.whsec")
        d.press(.enter)
        guard case let (id, _, _, .file(path))? = d.drain().first?.receiverTest else { Issue.record("nothing sent"); return }
        #expect(path == "~/keys/prod.whsec")
        #expect(d.screen.contains("Sending… 0.0 s"), "the prompt stays, counting, until the answer")
        d.send(.exampleSent(id: id, .failure(ExampleFailure("cannot read the secret file ~/keys/prod.whsec: No such file or directory."))))
        // Issue 17 item 28: a secret file that cannot be read asks again, the path kept.
        guard let again = d.state.topModal as? ExamplePrompt else { Issue.record("the prompt closed"); return }
        #expect(again.input.text == "~/keys/prod.whsec" && again.problem?.hasPrefix("No example was sent: cannot read") == true)
        #expect(d.screen.contains("No example was sent"), "shown in the prompt")
        d.press(.control("u"))
        d.type("./ok.whsec")
        d.press(.enter)
        guard case let (second, _, _, .file("./ok.whsec"))? = d.drain().first?.receiverTest else { Issue.record("nothing sent"); return }
        let report = ReceiverTest.Report(eventID: "evt_x", eventType: "outbound.delivered", status: 200, milliseconds: 9, verdict: .delivered, detail: "")
        d.send(.exampleSent(id: second, .success(report)))
        #expect(d.state.topModal == nil && d.state.status?.text.hasPrefix("Example outbound.delivered: HTTP 200 in 9 ms") == true)
    }
}
