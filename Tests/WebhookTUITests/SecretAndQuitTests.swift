import JetEmailClient
import Testing
@testable import WebhookTUI
@testable import TerminalUI

@Suite struct SecretAndQuitTests {
    func withModal() -> Driver {
        var d = Driver()
        d.type("Production Webhook")
        d.press(.tab); d.type("https://example.com/webhook")
        d.press(.tab, .character(" "), .control("s"))
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        _ = d.drain()
        return d
    }

    @Test func writeOffersADefaultPathAndWrites() {
        var d = withModal()
        d.press(.character("w"))
        guard let modal = d.state.topModal as? SecretModal else { Issue.record(); return }
        #expect(modal.pathPrompt?.text == "./production-webhook.whsec")
        d.press(.enter)
        #expect(d.drain() == [.writeSecret(id: 2, path: "./production-webhook.whsec", secret: sampleWebhook.secret!)])
        d.send(.secretWritten(id: 2, .success("./production-webhook.whsec")))
        #expect(d.screen.contains("Saved to ./production-webhook.whsec (mode 0600)"))
        d.press(.character("q"))
        #expect(d.state.topModal == nil, "saved: closes without asking")
        #expect(d.state.form == FormScreen(), "a fresh form")
        #expect(!d.screen.contains(sampleWebhook.secret!))
    }

    @Test func writeFailureKeepsTheSecretAndThePath() {
        var d = withModal()
        d.press(.character("w"), .control("u"))
        d.type("/nope/x.whsec")
        d.press(.enter)
        d.send(.secretWritten(id: 2, .failure(.noDirectory("/nope/x.whsec"))))
        guard let modal = d.state.topModal as? SecretModal else { Issue.record(); return }
        #expect(modal.pathPrompt?.text == "/nope/x.whsec")
        #expect(d.screen.contains("does not exist"))
        #expect(d.screen.contains(sampleWebhook.secret!))
    }

    @Test func closingUnsavedAsksFirst() {
        var d = withModal()
        d.press(.enter)
        #expect(d.screen.contains("Close without saving?"))
        d.press(.character("n"))
        #expect(d.state.secretOnScreen != nil)
        d.press(.character("q"), .character("y"))
        #expect(d.state.topModal == nil)
        #expect(d.state.status?.text.contains("not saved") == true)
    }

    @Test func defaultPathSlug() {
        var modal = SecretModal(webhook: sampleWebhook)
        #expect(modal.defaultPath == "./production-webhook.whsec")
        modal.name = "  Ops__Alerts 2 "
        #expect(modal.defaultPath == "./ops-alerts-2.whsec")
        modal.name = "---"
        #expect(modal.defaultPath == "./webhook.whsec")
    }

    @Test func quitIsImmediateWithNothingToLose() {
        var d = Driver()
        d.press(.control("c"))
        #expect(d.state.quitRequested)
    }

    @Test func quitAsksWhenInputWouldBeLost() {
        var d = Driver()
        d.type("x")
        d.press(.control("q"))
        #expect(d.drain().isEmpty)
        #expect(d.screen.contains("The form has input that has not been sent."))
        d.press(.character("n"))
        #expect(d.state.topModal == nil && d.state.form.name.text == "x")
        d.press(.control("q"), .character("y"))
        #expect(d.state.quitRequested)
    }

    @Test func quitAsksWhenTheSecretIsUnsavedAndKeepsTheModal() {
        var d = withModal()
        d.press(.control("c"))
        #expect(d.screen.contains("The signing secret has not been saved"))
        d.press(.escape)
        #expect(d.state.secretOnScreen != nil)
        guard d.state.topModal is SecretModal else { Issue.record("modal restored"); return }
    }

    @Test func escAsksWhetherToQuit() {
        var d = Driver()
        d.press(.escape)
        guard d.state.isAskingToQuit else { Issue.record(); return }
        d.press(.character("y"))
        #expect(d.state.quitRequested)
    }

    @Test func apiKeyPromptIsMaskedAndHandsTheKeyOver() {
        var d = Driver(AppState(endpoint: "api.jetemail.com", maskedKey: nil, isDemo: false, needsKey: true))
        d.type("api_secretkey1234")
        #expect(!d.screen.contains("api_secretkey1234"))
        #expect(d.screen.contains("•••••"))
        d.press(.enter)
        #expect(d.drain() == [.useAPIKey("api_secretkey1234"), .call(id: 1, .choices, priority: .background)], "the key, then the lists the form lacked")
        #expect(d.state.maskedKey == "api_…1234")
        #expect(d.state.topModal == nil)
    }

    @Test func terminateQuits() {
        var d = withModal()
        d.send(.terminate)
        #expect(d.state.quitRequested)
    }
}

/// Drawing cost and fit whatever the text's length (issue 9, items 1, 5 and 19).
@Suite struct BoundedDrawingTests {
    @Test func wrapIsBoundedAndSplitsByColumns() {
        let huge = String(repeating: "x", count: 1 << 20)
        let lines = Wrap.lines(huge, width: 60, maxLines: 5)
        #expect(lines.count == 5 && lines.allSatisfy { $0.count == 60 })
        #expect(Wrap.lines("中文中文中文", width: 4) == ["中文", "中文", "中文"], "wide characters split by columns")
        #expect(Wrap.lines("one two  three", width: 7) == ["one two", "three"])
        #expect(DisplayWidth.truncate(huge, to: 10) == String(repeating: "x", count: 9) + "…")
    }

    @Test func aHugeSecretKeepsThePromptAndHintsOnScreen() {
        var d = Driver()
        d.type("Big")
        d.press(.tab); d.type("https://example.com/b")
        d.press(.tab, .character(" "), .control("s"))
        var webhook = sampleWebhook
        webhook.secret = "whsec_" + String(repeating: "s", count: 1 << 20)
        d.send(.submitFinished(id: 1, .success(webhook)))
        let screen = d.screen
        #expect(screen.contains("too long to show (1048582 bytes); w and c take all of it"))
        #expect(screen.contains("w  write to file"))
        d.press(.character("c"))
        #expect(d.drain().last == .copyToClipboard(webhook.secret!), "c takes the whole secret")
    }

    @Test func longErrorsInTheSecretWindowAreNotCutToTwoLines() {
        var d = Driver()
        d.type("Big")
        d.press(.tab); d.type("https://example.com/b")
        d.press(.tab, .character(" "), .control("s"))
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        d.press(.character("w"), .enter)
        let reason = "Cannot write ./big.whsec: " + String(repeating: "a long reason ", count: 10) + "END."
        d.send(.secretWritten(id: 2, .failure(.other("./big.whsec", reason))))
        #expect(d.screen.contains("END."))
        #expect(d.screen.contains("The secret is still here."))
    }

    @Test func theNameCounterNeverOverflows() {
        var d = Driver()
        d.press(.paste(String(repeating: "n", count: 50_722)))
        let first = d.screen.split(separator: "\n")[1]
        #expect(first.hasSuffix(">999/64"))
    }

    @Test func theKeyPromptIsNotCut() {
        var d = Driver(AppState(endpoint: "api.jetemail.com", maskedKey: nil, isDemo: false, needsKey: true))
        d.press(.character("x"))
        #expect(d.screen.contains("config file)."))
        #expect(d.screen.contains("--demo."))
    }

    @Test func aHugeWaitNeverTraps() {
        #expect(Countdown.text(Double(Int.max)) == "5999:59")
        #expect(Countdown.text(-5) == "0 s")
        #expect(Countdown.text(.nan) == "0 s")
        var d = Driver()
        d.type("R")
        d.press(.tab); d.type("https://example.com/r")
        d.press(.tab, .character(" "), .control("s"))
        d.send(.rateLimitHold(BudgetWait(seconds: Double(Int.max), reason: .rateLimited, otherProcesses: 0)))
        d.send(.submitFinished(id: 1, .failure(.rateLimited(retryAfter: Int.max, message: ""))))
        #expect(d.screen.contains("more than an hour"))
        d.send(.tick)
        #expect(d.state.rateLimit == RateLimit(until: d.now + 3600, later: true))
        d.send(.rateLimitHold(BudgetWait(seconds: .infinity, reason: .rateLimited, otherProcesses: 0)))
        d.send(.rateLimitHold(BudgetWait(seconds: .nan, reason: .rateLimited, otherProcesses: 0)))
        d.send(.tick)
    }
}
