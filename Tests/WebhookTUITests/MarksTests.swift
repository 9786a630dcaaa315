import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// Marks (k9s's): Space, V and * in a delivery log, `R` on the marked events after one question;
/// m, V and * on the list, Space and d on the marked webhooks after one question naming them.
/// A mark is a character in a column of its own, so NO_COLOR shows it too.
@Suite struct MarksTests {
    let logs = DeliveryLogTests()
    let lists = ListScreenTests()

    func rows(_ d: Driver, _ text: String) -> [String] { d.screen.split(separator: "\n").map(String.init).filter { $0.contains(text) } }

    /// Orders' log with 50 events loaded.
    func log() -> Driver {
        var d = logs.openLog()
        logs.answer(&d, id: logs.queries(&d)[0].0, page: 0, total: 50)
        return d
    }

    @Test func spaceVAndStarMarkRowsInTheLogAndEscClearsThemFirst() {
        var d = log()
        d.press(.character(" "))
        #expect(d.screen.contains("· 1 marked") && rows(d, "evt_0 ").first?.hasPrefix(" *") == true, "\(rows(d, "evt_0 "))")
        d.press(.character(" "))
        #expect(!d.screen.contains("marked ·") && !d.screen.contains("1 marked"))
        d.press(.character(" "), .down, .down, .down, .character("V"))
        #expect(logs.log(d)?.marks.count == 4, "evt_0 to evt_3")
        d.press(.character("*"))
        #expect(logs.log(d)?.marks.count == 50, "every loaded row")
        d.press(.escape)
        #expect(logs.log(d)?.marks.isEmpty == true && logs.log(d) != nil, "Esc clears the marks and stays")
        d.press(.escape)
        #expect(logs.log(d) == nil, "then Esc goes back")
    }

    /// The replays of the marks asked for now (id, target).
    func replays(_ d: inout Driver) -> [(Int, ReplayTarget)] {
        d.drain().compactMap(\.apiCall).compactMap { id, call -> (Int, ReplayTarget)? in
            if case .replay(let target) = call { (id, target) } else { nil }
        }
    }

    static func enqueued(_ id: String) -> APIAnswer { .replayed(.success(ReplayReceipt(eventID: id, status: "enqueued", message: ""))) }

    @Test func rWithMarksReplaysThemAfterOneQuestionAndCountsTheAnswers() throws {
        var d = log()
        d.press(.character(" "), .down, .character(" "), .down, .character(" "))
        d.press(.character("R"))
        #expect(d.screen.contains("Replay 3 events? y/N") && d.screen.contains("to Orders"))
        d.press(.character("y"))
        var sent: [ReplayTarget] = []
        var next = replays(&d)
        #expect(next.count == 1, "one at a time")
        sent.append(next[0].1)
        #expect(logs.log(d)?.marks.isEmpty == true, "the marks go once asked")
        d.send(.answered(id: next[0].0, Self.enqueued("evt_2")))
        next = replays(&d)
        sent.append(next[0].1)
        d.send(.answered(id: next[0].0, .replayed(.failure(.eventNotFound(message: "gone")))))
        #expect(d.screen.contains("Replayed 2 of 3: 1 enqueued, 1 failed"))
        next = replays(&d)
        sent.append(next[0].1)
        d.send(.answered(id: next[0].0, Self.enqueued("evt_0")))
        #expect(d.screen.contains("Replayed 3 of 3: 2 enqueued, 1 failed"))
        #expect(sent == ["evt_2", "evt_1", "evt_0"].map { ReplayTarget(.eventID($0), uuid: "u-1") }, "oldest first, to this webhook")
        #expect(replays(&d).isEmpty)
        #expect(rows(d, "evt_0 ").first?.contains("pending") == true, "an enqueued one turns pending")
    }

    /// D18 (issue 27): ten marks go one after another, oldest first; a 429 on one keeps the line
    /// counting and sends that same one again once the hold passes; an answer that says anything
    /// but "enqueued" is a failure.
    @Test func marksGoInOrderOneAtATimeAndARateLimitedOneGoesAgainAfterTheHold() throws {
        var d = log()
        d.press(.character(" "))
        for _ in 0..<9 { d.press(.down, .character(" ")) }
        d.press(.character("R"), .character("y"))
        var order: [String] = []
        var refusedOnce = false
        while let (id, target) = replays(&d).first {
            guard case .eventID(let event) = target.event else { break }
            order.append(event)
            if order.count == 4, !refusedOnce {
                refusedOnce = true
                d.send(.answered(id: id, .replayed(.failure(.rateLimited(retryAfter: 5, message: "Too many")))))
                #expect(d.screen.contains("Replayed 3 of 10: 3 enqueued; rate limited"), "the count stays: \(d.screen)")
                #expect(replays(&d).isEmpty, "nothing more while held")
                d.send(.rateLimitHold(BudgetWait(seconds: 5, reason: .rateLimited, otherProcesses: 0)))
                d.send(.rateLimitHold(nil))
                continue
            }
            d.send(.answered(id: id, order.count == 9 ? .replayed(.success(ReplayReceipt(eventID: event, status: "failed", message: "disabled")))
                                                      : Self.enqueued(event)))
        }
        let oldestFirst = (0..<10).reversed().map { "evt_\($0)" }
        #expect(order == Array(oldestFirst[0..<4]) + Array(oldestFirst[3...]), "oldest first, the refused one again: \(order)")
        #expect(d.screen.contains("Replayed 10 of 10: 9 enqueued, 1 failed"), "\(d.screen)")
    }

    @Test func inTheLogOfAllEachMarkedEventGoesToItsOwnWebhook() {
        var d = logs.openLog(key: "L")
        var events = DeliveryLogTests.events(0, 2)
        events[1].uuid = "u-2"
        d.send(.answered(id: logs.queries(&d)[0].0, .deliveries(.success(DeliveryPage(events: events, total: 2, limit: 100, offset: 0)))))
        d.press(.character("*"), .character("R"))
        #expect(d.state.confirm?.dialog.message.contains("each to the webhook its row belongs to") == true)
        d.press(.character("y"))
        var targets: [ReplayTarget] = []
        while let (id, target) = replays(&d).first {
            targets.append(target)
            guard case .eventID(let event) = target.event else { break }
            d.send(.answered(id: id, Self.enqueued(event)))
        }
        #expect(Set(targets.compactMap(\.uuid)) == ["u-1", "u-2"] && targets.count == 2)
    }

    @Test func markedWebhooksAreDisabledEnabledOrDeletedAfterOneQuestionNamingThem() {
        var d = lists.loaded()
        // Alerts (disabled), billing and Crm (enabled).
        d.press(.character("m"), .down, .character("m"))
        #expect(d.screen.contains("· 2 marked") && rows(d, "Alerts").first?.hasPrefix(" *") == true)
        d.press(.character(" "))
        #expect(d.screen.contains("Disable 2 webhooks (Alerts, billing)?") && d.screen.contains("y/N, e: enable"))
        d.press(.character("y"))
        let patches = d.drain().compactMap(\.apiCall).compactMap { _, call -> WebhookPatch? in if case .update(let p) = call { p } else { nil } }
        #expect(patches == [WebhookPatch(uuid: "u-b", status: .disabled)], "only the enabled one changes")
        d.press(.character("*"), .character(" "), .character("e"))
        let enabled = d.drain().compactMap(\.apiCall).compactMap { _, call -> WebhookPatch? in if case .update(let p) = call { p } else { nil } }
        #expect(enabled == [WebhookPatch(uuid: "u-a", status: .enabled)], "e enables those not enabled (billing's change is pending): \(enabled)")
        d.press(.character("*"), .character("d"))
        #expect(d.screen.contains("Delete 3 webhooks (Alerts, billing, Crm)?"))
        d.press(.character("n"))
        #expect(d.drain().isEmpty, "anything but y deletes nothing")
        d.press(.escape)
        #expect(lists.listState(d)?.marks.isEmpty == true, "Esc clears the marks")
    }
}
