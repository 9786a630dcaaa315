import JetEmailClient
import Testing
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

    @Test func eachSubmitNamesItsSecretFileAndTheSavedSecretShows() {
        var state = AppState(endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false)
        state.secretFilePath = "/tmp/x.whsec"
        var d = Driver(state)
        d.type("Ops")
        d.press(.tab); d.type("https://example.com/h")
        d.press(.tab, .character(" "), .control("s"))
        guard case let (1, _, file)? = d.drain().first?.create else { Issue.record("no submit"); return }
        #expect(file == "/tmp/x.whsec", "reserved by the shell before sending")
        d.send(.submitFinished(id: 1, .success(sampleWebhook), saved: .success("/tmp/x.whsec")))
        #expect(d.drain().isEmpty)
        #expect(d.screen.contains("Saved to /tmp/x.whsec"))
    }

    @Test func aSecretFileThatCannotBeMadeAsksForAnotherAndSendsNothingMeanwhile() {
        // Issue 9, item 9: the second create with the same path.
        var d = sending(secretFile: "./ops.whsec")
        d.send(.secretFileRefused(id: 1, .exists("./ops.whsec")))
        #expect(!d.state.isSending)
        #expect(d.screen.contains("already exists"))
        #expect(d.screen.contains("./ops-2.whsec"), "a free name is offered")
        d.press(.enter)
        guard case let (2, _, file)? = d.drain().first?.create else { Issue.record("no second submit"); return }
        #expect(file == "./ops-2.whsec")
        #expect(d.state.secretFilePath == "./ops-2.whsec")
    }

    @Test func escAtTheSecretFilePromptSendsNothingAndKeepsTheInput() {
        var d = sending(secretFile: "./ops.whsec")
        d.send(.secretFileRefused(id: 1, .exists("./ops.whsec")))
        d.press(.escape)
        #expect(d.drain().isEmpty)
        #expect(d.state.form.name.text == "Ops")
        #expect(d.screen.contains("Nothing was sent"))
    }

    @Test func aCancelledCreateThatWentThroughIsStillReported() {
        var d = sending(secretFile: "/tmp/x.whsec")
        d.press(.escape)
        d.send(.submitFinished(id: 1, .success(sampleWebhook), saved: .success("/tmp/x.whsec")))
        #expect(d.screen.contains("went through"))
        #expect(d.state.status?.text.contains("/tmp/x.whsec") == true)
    }

    @Test func nextFreeNames() {
        #expect(FormScreen.nextFreeName("./a.whsec") == "./a-2.whsec")
        #expect(FormScreen.nextFreeName("/x/a-2.whsec") == "/x/a-3.whsec")
        #expect(FormScreen.nextFreeName("secret") == "secret-2")
    }

    @Test func hangUpDuringASubmitWaitsForTheAnswerWhenThereIsASecretFile() {
        var d = sending(secretFile: "/tmp/x.whsec")
        d.send(.terminate)
        #expect(d.drain().isEmpty, "still waiting for the secret")
        d.send(.submitFinished(id: 1, .success(sampleWebhook), saved: .success("/tmp/x.whsec")))
        #expect(d.state.quitRequested)
        #expect(d.state.exitNotice == nil, "nothing lost")
    }

    @Test func hangUpWithTheSecretFileFailingSaysTheSecretIsLost() {
        var d = sending(secretFile: "/tmp/x.whsec")
        d.send(.terminate)
        d.send(.submitFinished(id: 1, .success(sampleWebhook), saved: .failure(.diskFull("/tmp/x.whsec"))))
        #expect(d.state.quitRequested)
        #expect(d.state.exitNotice?.contains(sampleWebhook.uuid) == true)
    }

    @Test func aSignalWithAnUnsavedSecretOnScreenSaysSo() {
        // Item 18: SIGTERM/SIGINT quits at once; what was lost is said on stderr afterwards.
        var d = sending(secretFile: nil)
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        d.send(.terminate)
        #expect(d.state.quitRequested)
        let notice = d.state.exitNotice ?? ""
        #expect(notice.contains("was not saved and has been discarded"))
        #expect(notice.contains(sampleWebhook.uuid) && notice.contains(sampleWebhook.name))
    }

    @Test func hangUpWithoutASecretFileQuitsAtOnce() {
        var d = sending(secretFile: nil)
        d.send(.terminate)
        #expect(d.state.quitRequested)
    }

    @Test func hangUpThenAFailedCreateQuits() {
        var d = sending(secretFile: "/tmp/x.whsec")
        d.send(.terminate)
        d.send(.submitFinished(id: 1, .failure(.server(status: 500, message: "x"))))
        #expect(d.state.quitRequested)
    }

    @Test func cCopiesTheSecretWithOSC52() {
        var d = sending(secretFile: nil)
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        d.press(.character("c"))
        #expect(d.drain() == [.copyToClipboard(sampleWebhook.secret!)])
        #expect(d.screen.contains("Sent to the terminal's clipboard (OSC 52)"))
    }
}
