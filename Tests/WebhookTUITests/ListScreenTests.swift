import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// The list as the home screen, driven through the pure core with answers sent as events.
@Suite struct ListScreenTests {
    static let hooks: [Webhook] = [
        Webhook(uuid: "u-b", name: "billing", url: "https://b.example.com/hook", events: [EventName(.outboundDelivered)], status: .enabled),
        Webhook(uuid: "u-a", name: "Alerts", url: "https://a.example.com/hook", events: EventType.inbound.map(EventName.init), status: .disabled),
        Webhook(uuid: "u-c", name: "Crm", url: "https://c.example.com/very/long/path/that/goes/on/and/on/to/the/receiver/endpoint",
                events: [EventName("outbound.queued")], status: .enabled, filterUsers: ["transactional-main"]),
    ]

    /// The list, started and answered.
    func loaded(_ hooks: [Webhook] = hooks) -> Driver {
        var d = Driver(AppState(home: .list, endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false))
        #expect(d.screen.contains("Loading webhooks…"), "the first frame says it is loading")
        d.send(.start)
        #expect(d.drain() == [.call(id: 1, .list)])
        d.send(.answered(id: 1, .list(.success(hooks))))
        return d
    }

    func listState(_ d: Driver) -> ListScreen? {
        if let list = d.state.topScreen.screen as? ListScreen { return list }
        return nil
    }

    @Test func rowsAreSortedByNameAndShowStatusAndEvents() {
        let d = loaded()
        let names = listState(d)?.table.rows.map(\.webhook.name)
        #expect(names == ["Alerts", "billing", "Crm"])
        let screen = d.screen
        #expect(screen.contains("3 webhooks"))
        #expect(screen.contains("4 · all inbound") && screen.contains("1 · outbound.queued"), "unknown events shown as they are")
        // Issue 32: the host and the start of the path, never the query (often a token).
        #expect(screen.contains("c.example.com/very/"), "the host first: \(screen)")
        #expect(!screen.contains("https://"), "https is the rule, not said")
    }

    @Test func anEmptyAccountSaysHowToCreateOne() {
        let d = loaded([])
        #expect(d.screen.contains("No webhooks yet. Press n to create one."))
    }

    @Test func filterTakesEveryKeyEvenD() {
        var d = loaded()
        d.press(.character("/"))
        d.type("dcrm")
        #expect(d.drain().isEmpty, "no delete was sent")
        #expect(d.state.topModal == nil, "no delete question either")
        #expect(listState(d)?.filter.text == "dcrm" && listState(d)?.table.rows.isEmpty == true)
        d.press(.control("u")); d.type("EXAMPLE.COM/HOOK")
        #expect(listState(d)?.table.rows.count == 2, "case-insensitive, on the URL")
        d.press(.enter)
        #expect(listState(d)?.filterTyping == false && listState(d)?.filter.text == "EXAMPLE.COM/HOOK", "Enter keeps it")
        d.press(.escape)
        #expect(listState(d)?.filter.isEmpty == true && listState(d)?.table.rows.count == 3, "Esc clears it")
        d.press(.character("/")); d.type("u-c"); d.press(.enter)
        #expect(listState(d)?.table.rows.map(\.webhook.uuid) == ["u-c"], "by uuid too")
    }

    @Test func disablingAsksAndShowsPendingUntilTheServerAgrees() {
        var d = loaded()
        d.press(.down)  // billing, enabled
        d.press(.character(" "))
        guard let dialog = d.state.confirm?.dialog, d.state.confirm?.onYes == .tell(ListMessage.disable(uuid: "u-b")) else { Issue.record("no question"); return }
        #expect(dialog.message.contains("Disable billing? Events are not delivered while it is disabled."))
        d.press(.character("n"))
        #expect(d.state.topModal == nil && d.drain().isEmpty, "any other key cancels")
        d.press(.character(" "), .character("y"))
        #expect(d.drain() == [.call(id: 2, .update(WebhookPatch(uuid: "u-b", status: .disabled)))])
        #expect(listState(d)?.table.rows[1].pending == .status(.disabled))
        var paused = Self.hooks[0]
        paused.status = .disabled
        d.send(.answered(id: 2, .webhook(.success(paused))))
        #expect(listState(d)?.selected?.status == .disabled && listState(d)?.pending.isEmpty == true)
    }

    @Test func enablingDoesNotAskAndARefusalGoesBack() {
        var d = loaded()
        d.press(.character(" "))  // Alerts, disabled
        #expect(d.state.topModal == nil)
        #expect(d.drain() == [.call(id: 2, .update(WebhookPatch(uuid: "u-a", status: .enabled)))])
        d.send(.answered(id: 2, .webhook(.failure(.server(status: 503, message: "down")))))
        #expect(listState(d)?.selected?.status == .disabled && listState(d)?.table.rows[0].pending == nil)
        #expect(d.state.status?.tone == .error)
    }

    @Test func deleteAsksAndOnlyYDeletes() {
        var d = loaded()
        d.press(.character("d"))
        guard let dialog = d.state.confirm?.dialog else { Issue.record("no question"); return }
        #expect(dialog.message == "Delete Alerts (https://a.example.com/hook)? This cannot be undone.")
        d.press(.enter)
        #expect(d.state.topModal == nil && d.drain().isEmpty, "Enter does not delete")
        d.press(.delete, .character("Y"))
        #expect(d.drain() == [.call(id: 2, .delete(uuid: "u-a"))])
        d.send(.answered(id: 2, .deleted(uuid: "u-a", .success("ok"))))
        #expect(listState(d)?.webhooks.map(\.uuid) == ["u-b", "u-c"])
        #expect(d.state.status?.text == "Deleted Alerts.")
    }

    @Test func a404RemovesTheRowAndSaysSo() {
        var d = loaded()
        d.press(.character("d"), .character("y"))
        d.send(.answered(id: 2, .deleted(uuid: "u-a", .failure(.notFound(message: "gone")))))
        #expect(listState(d)?.webhooks.count == 2)
        #expect(d.state.status?.text.contains("no longer exists") == true)
    }

    /// The hold is the request path's (met by this process or another): the screen counts it
    /// down and says who shares it; a key pressed meanwhile goes to the request path, which
    /// refuses it at once; when it passes the list asks again by itself.
    @Test func aHoldOfTheRequestPathIsCountedDownAndTheListAsksAgainWhenItPasses() {
        var d = loaded()
        _ = d.drain()
        d.send(.rateLimitHold(BudgetWait(seconds: 30, reason: .rateLimited, otherProcesses: 2)))
        #expect(d.screen.contains("Rate limited by JetEmail") && d.state.rateLimit?.otherProcesses == 2)
        #expect(d.screen.contains("2 other") || d.screen.contains("other jetemail"), "who shares the hold is said: \(d.screen)")
        d.press(.character("r"))
        let reload = d.drain().compactMap(\.interactiveCall)
        #expect(reload.count == 1, "the reload goes to the request path, which decides")
        d.send(.answered(id: reload[0].0, .list(.failure(.heldByRateLimit(seconds: 29)))))
        #expect(d.screen.contains("Rate limited by JetEmail"))
        d.now += 31
        d.send(.tick)
        #expect(d.state.rateLimit == nil && d.state.status?.text.contains("has passed") == true)
        d.press(.character("r"))
        #expect(d.drain().compactMap(\.interactiveCall).last?.1 == .list)
    }

    @Test func enterShowsDetailsAndEscReturns() {
        var d = loaded()
        d.press(.end, .enter)
        let top = d.screen
        d.press(.end)
        // The chart comes first: the events and the note are further down.
        let screen = top + d.screen
        #expect(screen.contains("u-c") && screen.contains("outbound.queued: not in the create list"))
        #expect(screen.contains("shown once") && screen.contains("transactional-main"))
        #expect(screen.contains("/receiver/endpoint"), "the full URL")
        d.press(.escape)
        #expect(listState(d)?.selected?.uuid == "u-c")
    }

    @Test func newOpensTheFormAndTheCreatedWebhookIsSelectedAfterItsSecret() {
        var d = loaded()
        d.press(.character("n"))
        d.type("Zeta")
        d.press(.tab); d.type("https://z.example.com/h")
        d.press(.tab, .character(" "), .control("s"))
        guard case let (id, _, _)? = d.drain().last?.create else { Issue.record("no submit"); return }
        var created = sampleWebhook
        created.uuid = "u-z"; created.name = "Zeta"
        d.send(.submitFinished(id: id, .success(created)))
        d.press(.character("q"), .character("y"))
        #expect(listState(d)?.selected?.uuid == "u-z")
        #expect(d.screen.contains("4 webhooks"))
    }

    @Test func escOnAFormFromTheListAsksBeforeLosingInput() {
        var d = loaded()
        d.press(.character("n"), .escape)
        #expect(listState(d) != nil, "an empty form just goes")
        d.press(.character("n"))
        d.type("x")
        d.press(.escape)
        guard d.state.confirm?.onYes == .tell(FormMessage.leave) else { Issue.record("no question"); return }
        d.press(.character("n"))
        #expect(d.state.form.name.text == "x")
        d.press(.escape, .character("y"))
        #expect(listState(d) != nil)
    }

    @Test func qQuitsAtOnceFromTheList() {
        var d = loaded()
        d.press(.character("q"))
        #expect(d.state.quitRequested)
    }

    @Test func tenThousandRowsDrawOnlyTheVisibleOnes() {
        let many = (0..<10_000).map { Webhook(uuid: "u\($0)", name: "hook \($0)", url: "https://e.com/\($0)", events: [], status: .enabled) }
        var d = loaded(many)
        d.press(.end)
        #expect(d.screen.contains("hook 9999"))
        d.press(.home)
        #expect(d.screen.contains("hook 0 ") && !d.screen.contains("hook 9999"))
    }

    @Test func editSendsOnlyTheChangesAndTheListShowsTheServersRow() {
        var d = loaded()
        d.press(.end, .character("e"))
        #expect(d.drain().contains { $0 == .call(id: 2, .choices, priority: .background) }, "the form asks for the account's users and domains")
        #expect(d.screen.contains("Edit webhook") && d.screen.contains("[ Save changes ]"))
        #expect(d.screen.contains("Ctrl-S save") && !d.screen.contains("Ctrl-S create"), "the key bar names what Ctrl-S does here")
        #expect(d.screen.contains("outbound.queued kept unless events change"), "names the checklist cannot show are kept while the events are")
        #expect(d.state.form.focus == .name && d.state.form.name.field.cursor == 3, "Name focused, cursor at the end")
        d.press(.control("s"))
        #expect(d.drain().isEmpty && d.state.status?.text == "No changes to save.")
        d.type(" EU")
        d.press(.control("s"))
        guard case let (id, .update(patch))? = d.drain().last?.apiCall else { Issue.record("no update"); return }
        #expect(patch == WebhookPatch(uuid: "u-c", name: "Crm EU"))
        var renamed = Self.hooks[2]
        renamed.name = "Crm EU"
        d.send(.answered(id: id, .webhook(.success(renamed))))
        #expect(listState(d)?.selected?.name == "Crm EU" && d.state.screens.count == 1, "the form closed, no secret window")
        #expect(d.state.topModal == nil)
    }

    @Test func aFailedSaveKeepsEverythingAndEscAsksBeforeLosingChanges() {
        var d = loaded()
        d.press(.character("e"))
        d.press(.tab); d.press(.control("u")); d.type("https://new.example.com/x")
        d.press(.control("s"))
        guard case let (id, _)? = d.drain().last?.apiCall else { Issue.record("no update"); return }
        d.send(.answered(id: id, .webhook(.failure(.badRequest(message: "URL is not reachable", field: .url)))))
        #expect(d.state.form.url.text == "https://new.example.com/x")
        #expect(d.screen.contains("JetEmail: URL is not reachable"))
        d.press(.escape)
        guard let dialog = d.state.confirm?.dialog, d.state.confirm?.onYes == .tell(FormMessage.leave) else { Issue.record("no question"); return }
        #expect(dialog.message == "The changes have not been saved.")
        d.press(.character("y"))
        #expect(listState(d)?.selected?.url == "https://a.example.com/hook", "nothing changed on the list")
    }

    @Test func savingAWebhookDeletedElsewhereSaysSoAndDropsTheRow() {
        var d = loaded()
        d.press(.character("e"))
        d.type("2")
        d.press(.control("s"))
        guard case let (id, _)? = d.drain().last?.apiCall else { Issue.record("no update"); return }
        d.send(.answered(id: id, .webhook(.failure(.notFound(message: "gone")))))
        #expect(d.state.form.name.text == "Alerts2", "input kept")
        #expect(d.state.status?.text.contains("no longer exists") == true)
        d.press(.escape, .character("y"))
        #expect(listState(d)?.webhooks.count == 2)
    }

    @Test func escCancelsWhatIsInFlightAndTheLateAnswerIsDropped() {
        var d = loaded()
        d.press(.character(" "))  // enabling Alerts
        _ = d.drain()
        d.press(.escape)
        #expect(d.drain() == [.cancelSubmit(id: 2)])
        #expect(listState(d)?.pending.isEmpty == true && d.state.status?.text.contains("may still have reached") == true)
        var enabled = Self.hooks[1]
        enabled.status = .enabled
        d.send(.answered(id: 2, .webhook(.success(enabled))))
        #expect(listState(d)?.selected?.status == .disabled, "the late answer is not applied; r reloads")
    }
}
