import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// Issue 17: changes on the list and in the edit form that touched what the person did not
/// touch, snapped back when their outcome was unknown, or were lost from sight.
@Suite struct ListChangesTests {
    static let paused = Webhook(uuid: "u-p", name: "Paused", url: "https://p.example.com/hook", events: [EventName(.outboundDelivered)],
                                status: nil)
    static let hooks = ListScreenTests.hooks + [paused]

    func loaded(_ hooks: [Webhook] = hooks) -> Driver {
        var d = Driver(AppState(home: .list, endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false))
        d.send(.start)
        _ = d.drain()
        d.send(.answered(id: 1, .list(.success(hooks))))
        return d
    }

    func list(_ d: Driver) -> ListScreen? { d.state.list }

    /// Selects the row of this webhook.
    func select(_ d: inout Driver, _ uuid: String) {
        d.state.onList { $0.select(uuid: uuid) }
    }

    @Test func anUnreadableStatusIsShownUnknownAndSpaceAsksBeforeEnabling() {
        // Item 7: the list drew such rows as enabled, and a rename enabled them.
        var d = loaded()
        let row = d.screen.split(separator: "\n").first { $0.contains("Paused") } ?? ""
        #expect(row.contains("?") && !row.contains("●"), "\(row)")
        select(&d, "u-p")
        d.press(.character(" "))
        guard let dialog = d.state.confirm?.dialog, d.state.confirm?.onYes == .tell(ListMessage.enable(uuid: "u-p")) else { Issue.record("no question"); return }
        #expect(dialog.question == "Enable it? y/N")
        d.press(.character("y"))
        #expect(d.drain() == [.call(id: 2, .update(WebhookPatch(uuid: "u-p", status: .enabled)))])
    }

    @Test func aRenameInTheFormSendsNoStatusTheAPIGaveAsUnreadable() {
        var d = loaded()
        select(&d, "u-p")
        d.press(.character("e"))
        _ = d.drain()
        #expect(d.screen.contains("the API gave it as unreadable"))
        d.type("2")
        d.press(.control("s"))
        guard case let (_, .update(patch))? = d.drain().last?.apiCall else { Issue.record("no update"); return }
        #expect(patch == WebhookPatch(uuid: "u-p", name: "Paused2"), "no status: \(patch)")
        #expect(d.screen.contains("Saving…") && !d.screen.contains("Creating"), "item 15: an edit saves, it does not create")
    }

    @Test func anUnchangedFilterTheAccountNoLongerListsDoesNotBlockARename() {
        // Item 10: an edit-form rename was refused because an unchanged filter named a user the
        // account no longer lists.
        var d = loaded()
        select(&d, "u-c")
        d.press(.character("e"))
        let choices = d.drain().compactMap { if case let (id, .choices)? = $0.apiCall { id } else { nil } }.first ?? 0
        d.send(.answered(id: choices, .choices(users: .success(AccountNames(names: ["smarthost-eu"])), domains: .success([]))))
        d.type("x")
        d.press(.control("s"))
        guard case let (_, .update(patch))? = d.drain().last?.apiCall else { Issue.record("refused: \(d.state.status?.text ?? "")"); return }
        #expect(patch == WebhookPatch(uuid: "u-c", name: "Crmx"))
    }

    @Test func changingTheEventsOfAWebhookWithOutboundQueuedDropsItAndSaysSo() {
        // Item 9: the form kept outbound.queued, which the API refuses in an update.
        var d = loaded()
        select(&d, "u-c")
        d.press(.character("e"))
        _ = d.drain()
        d.press(.tab, .tab, .character(" "))
        #expect(d.screen.contains("outbound.queued will be dropped"), "said before saving")
        d.press(.control("s"))
        guard case let (_, .update(patch))? = d.drain().last?.apiCall else { Issue.record("no update: \(d.state.status?.text ?? "")"); return }
        #expect(patch.events == [EventName(.outboundDelivered)])
    }

    @Test func aToggleSavedButNotReadBackKeepsTheNewStatus() {
        // Item 16: the row reverted though the PATCH had been applied.
        var d = loaded()
        select(&d, "u-a")
        d.press(.character(" "))
        guard case let (id, _)? = d.drain().last?.apiCall else { Issue.record("no update"); return }
        d.send(.answered(id: id, .webhook(.failure(.savedButNotRead(reason: "no answer within 30 s")))))
        #expect(list(d)?.webhooks.first { $0.uuid == "u-a" }?.status == .enabled)
        #expect(d.state.status?.text == "Alerts is enabled; the fresh copy could not be read (no answer within 30 s).")
    }

    @Test func anEditSavedButNotReadBackLeavesTheFormAndShowsTheChange() {
        var d = loaded()
        select(&d, "u-b")
        d.press(.character("e"))
        _ = d.drain()
        d.type("2")
        d.press(.control("s"))
        guard case let (id, _)? = d.drain().last?.apiCall else { Issue.record("no update"); return }
        d.send(.answered(id: id, .webhook(.failure(.savedButNotRead(reason: "JetEmail answered 404: deleted meanwhile?")))))
        #expect(d.state.screens.count == 1, "the form is left: the change is saved")
        #expect(list(d)?.webhooks.contains { $0.uuid == "u-b" && $0.name == "billing2" } == true, "the row is not removed")
        #expect(d.state.status?.text.hasPrefix("Saved; the fresh copy could not be read") == true)
    }

    @Test func aDeleteWithNoAnswerIsMarkedUnknownNotSnappedBack() {
        // Item 14: after an ambiguous delete the row came back as if nothing had happened.
        var d = loaded()
        select(&d, "u-b")
        d.press(.character("d"), .character("y"))
        guard case let (id, .delete)? = d.drain().last?.apiCall else { Issue.record("no delete"); return }
        d.send(.answered(id: id, .deleted(uuid: "u-b", .failure(.noAnswer(.timedOut, deadlineSeconds: 30)))))
        #expect(list(d)?.uncertain == ["u-b"])
        let row = d.screen.split(separator: "\n").first { $0.contains("billing") } ?? ""
        #expect(row.contains("?"), "\(row)")
        #expect(d.state.status?.text.contains("may have been deleted") == true && d.state.status?.text.contains("created") == false)
        d.press(.character("r"))
        guard case let (load, .list)? = d.drain().last?.apiCall else { Issue.record("no reload"); return }
        d.send(.answered(id: load, .list(.success(Self.hooks))))
        #expect(list(d)?.uncertain.isEmpty == true, "the next load says what is true")
    }

    @Test func anOlderListAnswerNeverBringsBackARowDeletedSinceItWasAsked() {
        // Item 18: r on a slow server, then d y: "Deleted", then the older list restored the row.
        var d = loaded()
        d.press(.character("r"))
        guard case let (load, .list)? = d.drain().last?.apiCall else { Issue.record("no reload"); return }
        select(&d, "u-b")
        d.press(.character("d"), .character("y"))
        guard case let (delete, .delete)? = d.drain().last?.apiCall else { Issue.record("no delete"); return }
        d.send(.answered(id: delete, .deleted(uuid: "u-b", .success("deleted"))))
        d.send(.answered(id: load, .list(.success(Self.hooks))))
        #expect(list(d)?.webhooks.contains { $0.uuid == "u-b" } == false, "the delete stands")
        #expect(list(d)?.webhooks.count == Self.hooks.count - 1)
    }

    @Test func quittingWhileADeleteIsInFlightAsksAndSaysAfterwardsWhatMayHaveHappened() {
        // Item 17: it quit at once with exit 0 and no word.
        var d = loaded()
        select(&d, "u-b")
        d.press(.character("d"), .character("y"), .control("q"))
        guard let dialog = d.state.isAskingToQuit ? d.state.confirm?.dialog : nil else { Issue.record("quit without asking"); return }
        #expect(dialog.message.hasPrefix("The delete of billing (u-b) is in flight"), "\(dialog.message)")
        d.press(.character("y"))
        #expect(d.state.quitRequested)
        #expect(d.state.exitNotice?.hasPrefix("Quit while the delete of billing (u-b) was in flight: it may or may not have happened") == true)
    }

    @Test func aRowJustCreatedShowsItsFiltersAsTheAPIAnsweredThem() {
        // Item 11: a domain picked through F2 showed as no filter until r.
        var d = loaded()
        d.press(.character("n"))
        _ = d.drain()
        d.type("Inbound hook")
        d.press(.tab)
        d.type("https://in.example.com/hook")
        d.press(.tab, .character("i"), .control("s"))
        guard case let (id, _, _)? = d.drain().last?.create else { Issue.record("no create"); return }
        let created = Webhook(uuid: "u-new", name: "Inbound hook", url: "https://in.example.com/hook", secret: "whsec_x",
                              events: EventType.inbound.map(EventName.init), status: .enabled, filterDomains: ["example.com"],
                              createdAt: 1_800_000_000)
        d.send(.submitFinished(id: id, .success(created)))
        d.press(.character("q"), .character("y"))
        let row = list(d)?.webhooks.first { $0.uuid == "u-new" }
        #expect(row?.filterDomains == ["example.com"] && row?.createdAt == 1_800_000_000 && row?.secret == nil)
        #expect(d.screen.split(separator: "\n").first { $0.contains("Inbound hook") }?.contains("1 dom.") == true)
    }

    @Test func detailsTakeEAndDOnTheirWebhook() {
        // Item 28: details ignored e, d and Space.
        var d = loaded()
        select(&d, "u-c")
        d.press(.enter, .character("d"))
        guard d.state.confirm?.onYes == .tell(ListMessage.delete(uuid: "u-c")) else { Issue.record("no delete question from details"); return }
        d.press(.character("n"), .enter, .character("e"))
        #expect(d.screen.contains("Edit webhook") && d.state.form.editing?.uuid == "u-c")
    }

    @Test func detailsActOnTheirWebhookAloneWhateverTheListHasMarkedOrFiltered() {
        // Space from details did nothing; d from details, with marks on the list, asked to delete the
        // marked webhooks instead of the one whose details were shown.
        var d = loaded()
        select(&d, "u-a")
        d.press(.character("m"))
        select(&d, "u-c")
        d.press(.enter, .character("d"))
        #expect(d.state.confirm?.onYes == .tell(ListMessage.delete(uuid: "u-c")), "\(String(describing: d.state.confirm?.dialog.message))")
        d.press(.character("n"))
        #expect(list(d)?.marks.isEmpty == false, "the list's marks are kept")
        d.press(.enter, .character(" "))
        #expect(d.state.confirm?.onYes == .tell(ListMessage.disable(uuid: "u-c")), "Space on details disables that webhook, asking first")
        d.press(.character("n"))
        // A filter that hides the row (the list's state as a test sets it): the key still acts on
        // that webhook, never on the row the filter left selected.
        guard var filtered = list(d) else { Issue.record("no list"); return }
        filtered.filter = TextInput("bill")
        filtered.refreshRows()
        #expect(filtered.selected?.uuid == "u-b")
        _ = filtered.receive(ScreenMessage(ListMessage.act(.character("d"), onWebhook: "u-c")), ScreenContext(columns: 80, rows: 24))
        #expect(filtered.selected?.uuid == "u-c" && filtered.filter.text.isEmpty)
    }

    @Test func unknownEventNamesInTheListAreEscaped() {
        // Item 13: the Events column showed unknown types raw.
        let hostile = Webhook(uuid: "u-x", name: "X", url: "https://x.example.com", events: [EventName("outbound.\u{202E}evil\u{1b}[2J")],
                              status: .enabled)
        let d = loaded([hostile])
        #expect(!render(d.state).cells.contains { $0.character.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B } })
        #expect(d.screen.contains("\\u202e"))
    }
}
