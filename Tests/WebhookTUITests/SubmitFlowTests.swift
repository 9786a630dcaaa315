import JetEmailClient
import Testing
@testable import WebhookTUI

@Suite struct SubmitFlowTests {
    /// A driver with a valid form filled in by keys.
    func filled() -> Driver {
        var d = Driver()
        d.type("Ops Hook")
        d.press(.tab)
        d.type("https://example.com/hook")
        d.press(.tab, .character(" "), .tab, .tab)
        d.type("transactional-main")
        return d
    }

    @Test func invalidFormSendsNothingAndFocusesTheFirstProblem() {
        var d = Driver()
        d.press(.tab)
        d.type("https://example.com")
        d.press(.control("s"))
        #expect(d.drain().isEmpty)
        #expect(d.state.form.focus == .name)
        #expect(d.state.form.touched == Set(WebhookField.allCases))
        #expect(d.screen.contains("Name is required."))
        #expect(d.screen.contains("Choose at least one event."))
        #expect(d.screen.contains("Nothing was sent: fix the 2 problems"))
    }

    @Test func validFormSubmitsExactlyWhatWasTyped() {
        var d = filled()
        d.press(.control("s"))
        let expected = CreateWebhookRequest(name: "Ops Hook", url: "https://example.com/hook", events: [.outboundDelivered],
                                            filterUsers: ["transactional-main"])
        #expect(d.drain() == [.submit(id: 1, expected)])
        #expect(d.state.isSending)
    }

    @Test func enterOnCreateSubmits() {
        var d = filled()
        d.press(.tab, .tab)
        #expect(d.state.form.focus == .create)
        d.press(.enter)
        #expect(d.drain().count == 1)
    }

    @Test func secondSubmitWhileSendingIsImpossible() {
        var d = filled()
        d.press(.control("s"))
        _ = d.drain()
        d.press(.control("s"))
        d.press(.tab, .tab, .enter)
        #expect(d.drain().isEmpty)
        #expect(d.state.status?.text.contains("Already sending") == true)
    }

    @Test func uiStaysLiveWhileSending() {
        var d = filled()
        d.press(.control("s"))
        d.press(.backTab, .backTab, .backTab)
        d.type("X")
        d.now += 1.5
        d.send(.tick)
        #expect(d.state.form.url.text == "https://example.com/hookX")
        #expect(d.screen.contains("Creating… 1.5 s"))
        d.press(.function(1))
        #expect(d.state.isShowingHelp)
    }

    @Test func escCancelsAndKeepsInput() {
        var d = filled()
        d.press(.control("s"))
        _ = d.drain()
        d.press(.escape)
        #expect(d.drain() == [.cancelSubmit(id: 1)])
        #expect(!d.state.isSending)
        #expect(d.state.form.name.text == "Ops Hook")
        // A late failure of the cancelled request is ignored...
        d.send(.submitFinished(id: 1, .failure(.cancelled)))
        #expect(d.state.topModal == nil)
        #expect(d.state.status?.text.hasPrefix("Cancelled") == true)
        // ...but a late success created the webhook: its secret is shown, never dropped.
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        guard let modal = d.state.topModal as? SecretModal else { Issue.record("the secret was dropped"); return }
        #expect(modal.secret == sampleWebhook.secret)
        #expect(d.state.status?.text.contains("The create you cancelled went through") == true)
    }

    @Test func successOpensTheSecretModal() {
        var d = filled()
        d.press(.control("s"))
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        guard let modal = d.state.topModal as? SecretModal else { Issue.record("no modal"); return }
        #expect(modal.secret == sampleWebhook.secret)
        #expect(d.screen.contains(sampleWebhook.secret!))
        #expect(d.screen.contains("This is the only time JetEmail shows this secret"))
    }

    @Test func serverFieldErrorsAreShownAtTheirFieldAndInputIsKept() {
        var d = filled()
        d.press(.control("s"))
        let error = JetEmailError.forbiddenFilters(message: "Invalid filter_users: transactional-main. You can only filter by users that you own.",
                                                   field: .filterUsers, values: ["transactional-main"])
        d.send(.submitFinished(id: 1, .failure(error)))
        #expect(d.state.form.focus == .filterUsers)
        #expect(d.state.form.filterUsers.text == "transactional-main")
        #expect(d.screen.contains("✗ JetEmail: Invalid filter_users"))
        d.press(.backspace)
        #expect(d.state.form.serverErrors[.filterUsers] == nil, "editing the field clears the server's complaint")
    }

    @Test func otherErrorsGoToTheStatusLine() {
        var d = filled()
        d.press(.control("s"))
        d.send(.submitFinished(id: 1, .failure(.noAnswer(.timedOut, deadlineSeconds: 30))))
        #expect(d.state.status?.tone == .warning)
        #expect(d.screen.contains("No answer within 30 s"))
        #expect(d.state.form.name.text == "Ops Hook")
    }

    @Test func rateLimitCountsDownAndBlocksUntilThen() {
        var d = filled()
        d.press(.control("s"))
        d.send(.rateLimitHold(BudgetWait(seconds: 90, reason: .rateLimited, otherProcesses: 0)))
        d.send(.submitFinished(id: 1, .failure(.rateLimited(retryAfter: 90, message: ""))))
        #expect(d.screen.contains("you can create again in 1:30"))
        _ = d.drain()
        d.now += 30
        d.send(.tick)
        #expect(d.screen.contains("1:00"))
        // The request path refuses a create while held, and the form keeps what was typed.
        d.press(.control("s"))
        #expect(d.drain().count == 1)
        d.send(.submitFinished(id: 2, .failure(.heldByRateLimit(seconds: 60))))
        #expect(d.state.form.name.text == "Ops Hook" && !d.state.form.isSending)
        d.now += 61
        d.send(.tick)
        #expect(!d.state.wantsTicks)
        d.press(.control("s"))
        #expect(d.drain().count == 1)
    }
}
