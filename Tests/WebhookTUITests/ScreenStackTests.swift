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
        d.state.push(.form(FormState()))
        d.type("Above")
        d.press(.tab); d.type("https://example.com/a")
        d.press(.tab, .character(" "), .control("s"))
        return d
    }

    @Test func anAnswerGoesToTheScreenThatAsked() {
        var d = twoFormsWithTheTopOneSending()
        #expect(d.drain().count == 1)
        #expect(d.state.screens.count == 2 && d.state.topScreen.screen.isSending)
        d.send(.submitFinished(id: 1, .failure(.badRequest(message: "Name taken", field: .name))))
        guard case .form(let above) = d.state.topScreen.screen, case .form(let below) = d.state.screens[0].screen else {
            Issue.record("forms expected"); return
        }
        #expect(above.serverErrors[.name] == "JetEmail: Name taken")
        #expect(below.serverErrors.isEmpty && below.name.text == "Below")
    }

    @Test func anAnswerForAScreenThatIsGoneIsDroppedButASecretNeverIs() {
        var d = twoFormsWithTheTopOneSending()
        d.state.pop()
        d.send(.submitFinished(id: 1, .failure(.badRequest(message: "Name taken", field: .name))))
        #expect(d.state.form.serverErrors.isEmpty && d.state.topModal == nil, "the failure had nowhere to go")

        var e = twoFormsWithTheTopOneSending()
        e.state.pop()
        e.send(.submitFinished(id: 1, .success(sampleWebhook)))
        guard case .secret(let modal)? = e.state.topModal else { Issue.record("the secret was dropped"); return }
        #expect(modal.secret == sampleWebhook.secret && modal.origin == nil)
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
        guard case .secret? = d.state.topModal else { Issue.record("back to the secret"); return }
        #expect(!d.state.quitRequested)
    }

    @Test func quitIsOneFlagAndNoEffect() {
        var d = Driver()
        d.press(.control("q"))
        #expect(d.state.quitRequested && d.drain().isEmpty)
    }
}
