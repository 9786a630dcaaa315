import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// Issue 18 item 4: each screen has its own status line; a result whose screen is gone is shown
/// on the screen the person is on; no "in progress" line outlives its request.
@Suite struct StatusPerScreenTests {
    let log = DeliveryLogTests()

    @Test func aMessageStaysOnTheScreenItWasSaidOn() {
        var d = ListChangesTests().loaded()
        d.press(.character("n"))
        d.press(.control("s"))
        #expect(d.state.status?.text.hasPrefix("Nothing was sent") == true)
        d.press(.escape)
        #expect(d.state.screens.count == 1 && d.state.status == nil, "the form's problem does not follow to the list: \(String(describing: d.state.status))")
        d.press(.character("e"))
        #expect(d.state.status == nil, "a new form starts with a clear line")
    }

    @Test func aReplayWhoseLogIsGoneIsToldOnTheList() {
        var d = log.openLog()
        log.answer(&d, id: log.queries(&d)[0].0, page: 0, total: 3)
        d.press(.character("R"), .character("y"))
        guard case let (id, .replay)? = d.drain().last?.apiCall else { Issue.record("no replay"); return }
        #expect(d.state.status?.text.hasPrefix("Sending the replay of evt_0 to Orders") == true, "in progress, on the log")
        d.press(.escape)
        #expect(d.state.topScreen.screen is ListScreen)
        d.send(.answered(id: id, .replayed(.success(ReplayReceipt(eventID: "evt_0", status: "enqueued", message: "")))))
        #expect(d.state.status?.text == "The replay of evt_0 to Orders: enqueued", "\(String(describing: d.state.status))")
    }

    @Test func aReceiverTestWhoseScreenIsGoneIsToldWhereThePersonIs() {
        var d = ListChangesTests().loaded()
        d.state.onList { $0.select(uuid: "u-b") }
        d.press(.enter, .character("x"), .enter)
        guard case let (id, url, _, _)? = d.drain().last?.receiverTest else { Issue.record("nothing sent"); return }
        d.press(.escape, .escape)
        #expect(d.state.topScreen.screen is ListScreen && d.state.modals.isEmpty)
        let report = ReceiverTest.Report(eventID: "evt_x", eventType: "outbound.delivered", status: 200, milliseconds: 84, verdict: .delivered, detail: "")
        d.send(.exampleSent(id: id, .success(report)))
        #expect(d.state.status?.text == "Receiver test of \(url): HTTP 200 in 84 ms: JetEmail would count it delivered")
    }

    @Test func noProgressLineOutlivesItsRequest() {
        var d = ListChangesTests().loaded()
        d.state.onList { $0.select(uuid: "u-b") }
        d.press(.character("d"), .character("y"))
        #expect(d.state.status?.text == "Deleting billing…")
        d.press(.escape)
        #expect(d.state.status?.text.hasPrefix("Cancelled.") == true, "cancelled: the progress line is gone")
        d.press(.character("r"))
        #expect(d.screen.contains("reloading…"))
        d.press(.escape)
        #expect(!d.screen.contains("reloading…") && !d.screen.contains("Loading webhooks…"), "a load cancelled with Esc says so no more")
    }

    @Test func aFirstLoadCancelledSaysNothingIsLoading() {
        // The header said "Loading webhooks…" for good after Esc cancelled the first load.
        var d = Driver(AppState(home: .list, endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false))
        d.send(.start)
        _ = d.drain()
        #expect(d.screen.contains("Loading webhooks…"))
        d.press(.escape)
        #expect(!d.screen.contains("Loading webhooks…") && d.screen.contains("The list was not loaded (cancelled); r loads it."), "\(d.screen)")
        d.press(.character("r"))
        #expect(d.screen.contains("Loading webhooks…"))
    }
}

/// Issue 28: info and success messages go after a while (the shell wakes for it); warnings and
/// errors stay until something replaces them.
@Suite struct StatusExpiryTests {
    @Test func infoAndSuccessMessagesExpireErrorsStay() {
        var d = ListChangesTests().loaded()
        d.state.show(StatusMessage(.success, "Saved billing."))
        #expect(d.screen.contains("Saved billing.") && d.state.topScreen.statusExpiresAt == d.now + 10 && (d.state.nextWake ?? .infinity) <= d.now + 10)
        d.now += 9
        d.send(.tick)
        #expect(d.screen.contains("Saved billing."))
        d.now += 1
        d.send(.tick)
        #expect(!d.screen.contains("Saved billing."), "gone after 10 s")
        d.state.show(StatusMessage(.error, "The API failed."))
        #expect(d.state.topScreen.statusExpiresAt == nil)
        d.now += 60
        d.send(.tick)
        #expect(d.screen.contains("The API failed."), "an error stays")
    }
}

/// Issue 28: a key that works only sometimes says why when it cannot act, instead of doing nothing.
@Suite struct DisabledKeyTests {
    @Test func aDisabledKeySaysWhyInTheStatusLine() {
        var d = ListChangesTests().loaded([])
        for key in [Key.enter, .character("l"), .character("e"), .character("d")] {
            d.send(.key(key))
            #expect(d.screen.contains("No webhook is selected"), "\(key)")
            #expect(d.drain().isEmpty, "and nothing is asked")
        }
        d.send(.key(.escape))
        #expect(d.screen.contains("Nothing to clear or cancel here; q quits."))
    }
}
