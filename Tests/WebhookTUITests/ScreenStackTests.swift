import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// Screens on a stack, modals on another; answers go to the screen that asked.
@Suite struct ScreenStackTests {
    /// A second form pushed over the first, filled and submitted.
    func twoFormsWithTheTopOneSending() -> Driver {
        var d = Driver()
        d.type("Below")
        d.state.push(FormScreen())
        d.type("Above")
        d.press(.tab); d.type("https://example.com/a")
        d.press(.tab, .character(" "), .control("s"))
        return d
    }

    @Test func anAnswerGoesToTheScreenThatAsked() {
        var d = twoFormsWithTheTopOneSending()
        #expect(d.drain().count == 1)
        #expect(d.state.screens.count == 2 && (d.state.topScreen.screen as? FormScreen)?.isSending == true)
        d.send(.submitFinished(id: 1, .failure(.badRequest(message: "Name taken", field: .name))))
        guard let above = d.state.topScreen.screen as? FormScreen, let below = d.state.screens[0].screen as? FormScreen else {
            Issue.record("forms expected"); return
        }
        #expect(above.serverErrors[.name] == "JetEmail: Name taken")
        #expect(below.serverErrors.isEmpty && below.name.text == "Below")
    }

    @Test func anAnswerForAScreenThatIsGoneIsDroppedButASecretNeverIs() {
        var d = twoFormsWithTheTopOneSending()
        d.state.leave(d.state.topScreen.id)
        d.send(.submitFinished(id: 1, .failure(.badRequest(message: "Name taken", field: .name))))
        #expect(d.state.form.serverErrors.isEmpty && d.state.topModal == nil, "the failure had nowhere to go")

        var e = twoFormsWithTheTopOneSending()
        e.state.leave(e.state.topScreen.id)
        e.send(.submitFinished(id: 1, .success(sampleWebhook)))
        guard let modal = e.state.topModal as? SecretModal else { Issue.record("the secret was dropped"); return }
        #expect(modal.secret == sampleWebhook.secret && e.state.modals.last?.owner == nil)
        e.press(.character("q"), .character("y"))
        #expect(e.state.topModal == nil)
        #expect(e.state.form.name.text == "Below", "closing it leaves the form below alone")
    }

    @Test func modalsStackAndCloseInOrder() {
        var d = Driver()
        d.type("x")
        d.press(.tab); d.type("https://example.com/x")
        d.press(.tab, .character(" "), .control("s"))
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        d.press(.function(1))
        #expect(d.state.modals.count == 2 && d.state.isShowingHelp)
        d.press(.control("q"))
        #expect(d.state.modals.count == 3 && d.state.isAskingToQuit)
        d.press(.character("n"))
        #expect(d.state.isShowingHelp, "no: back to help")
        d.press(.escape)
        guard d.state.topModal is SecretModal else { Issue.record("back to the secret"); return }
        #expect(!d.state.quitRequested)
    }

    @Test func quitIsOneFlagAndNoEffect() {
        var d = Driver()
        d.press(.control("q"))
        #expect(d.state.quitRequested && d.drain().isEmpty)
    }
}
