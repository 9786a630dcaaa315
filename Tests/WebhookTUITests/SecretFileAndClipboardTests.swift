import JetEmailClient
import Testing
@testable import TerminalBackend
@testable import WebhookTUI

@Suite struct SecretFileAndClipboardTests {
    func sending(secretFile: String?) -> Driver {
        var state = AppState(endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false)
        state.secretFilePath = secretFile
        var d = Driver(state)
        d.type("Ops")
        d.press(.tab); d.type("https://example.com/h")
        d.press(.tab, .character(" "), .control("s"))
        _ = d.drain()
        return d
    }

    @Test func secretFileIsWrittenTheMomentTheSecretArrives() {
        var d = sending(secretFile: "/tmp/x.whsec")
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        #expect(d.drain() == [.writeSecret(path: "/tmp/x.whsec", secret: sampleWebhook.secret!)])
        d.send(.secretWritten(.success("/tmp/x.whsec")))
        #expect(d.screen.contains("Saved to /tmp/x.whsec"))
    }

    @Test func hangUpDuringASubmitWaitsForTheAnswerWhenThereIsASecretFile() {
        var d = sending(secretFile: "/tmp/x.whsec")
        d.send(.terminate)
        #expect(d.drain().isEmpty, "still waiting for the secret")
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        #expect(d.drain() == [.writeSecret(path: "/tmp/x.whsec", secret: sampleWebhook.secret!), .quit])
    }

    @Test func hangUpWithoutASecretFileQuitsAtOnce() {
        var d = sending(secretFile: nil)
        d.send(.terminate)
        #expect(d.drain() == [.quit])
    }

    @Test func hangUpThenAFailedCreateQuits() {
        var d = sending(secretFile: "/tmp/x.whsec")
        d.send(.terminate)
        d.send(.submitFinished(id: 1, .failure(.server(status: 500, message: "x"))))
        #expect(d.drain() == [.quit])
    }

    @Test func cCopiesTheSecretWithOSC52() {
        var d = sending(secretFile: nil)
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        d.press(.character("c"))
        #expect(d.drain() == [.copyToClipboard(sampleWebhook.secret!)])
        #expect(d.screen.contains("Sent to the terminal's clipboard (OSC 52)"))
    }

    @Test func osc52IsWrappedForTmuxAndScreen() {
        #expect(Clipboard.sequence(for: "hi", environment: [:]) == "\u{1B}]52;c;aGk=\u{07}")
        #expect(Clipboard.sequence(for: "hi", environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
                == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        #expect(Clipboard.sequence(for: "hi", environment: ["STY": "123.pts-0", "TERM": "screen"]) == "\u{1B}P\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
    }
}
