@testable import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// The secret rotation through the pure core: R on details opens its screen, Enter orders the
/// run with what was typed, the run's reports show its steps and questions, y answers after a
/// last look in a box, a abort undoes, a stopped rotation is named on the list and gone on with.
@Suite struct RotationFlowTests {
    let lists = ListChangesTests()

    /// Details of u-c, and R.
    func openRotation(_ prepare: (inout Driver) -> Void = { _ in }) -> Driver {
        var d = lists.loaded()
        prepare(&d)
        d.state.onList { $0.select(uuid: "u-c") }
        d.press(.enter)
        _ = d.drain()
        d.press(.character("R"))
        return d
    }

    var old: Webhook { ListChangesTests.hooks.first { $0.uuid == "u-c" }! }

    /// A journal's state as the runner reports it, at the overlap's question.
    func journal(disabled: Bool = false) -> RotationState {
        var state = RotationState(path: "/state/rotate-u-c.jsonl", old: old, twinName: old.name + " new", secretFile: "./c-new.whsec",
                                  target: RecoverJournal.Target(baseURL: "https://api.jetemail.com", keyFingerprint: "f"),
                                  createdAt: 1_800_000_000, deleteAfter: nil, skipTest: false, lastAt: 1_800_000_000)
        state.twinUUID = "u-twin"
        state.secretSaved = true
        state.tested = "HTTP 200 in 12 ms: JetEmail would count it delivered"
        state.twinEnabled = true
        state.oldDisabled = disabled
        return state
    }

    func orders(_ effects: [Effect]) -> [RotationOrder] {
        effects.compactMap { if case .job(_, let order) = $0 { order.as(RotationOrder.self) } else { nil } }
    }

    func report(_ d: inout Driver, _ report: RotationReport) {
        d.send(.job(d.state.jobs.last?.id ?? JobID(0), JobReport(report)))
    }

    @Test func theSetupSaysWhatWillHappenAndEnterOrdersTheRunWithWhatWasTyped() {
        var d = openRotation()
        #expect(d.screen.contains("Rotate the signing secret of \(old.name)") && d.screen.contains("Secret file"))
        #expect(d.screen.contains("rename the twin to \(old.name)"))
        d.press(.tab)
        d.type("a day")
        d.press(.enter)
        #expect(orders(d.drain()).isEmpty && d.screen.contains("The countdown is a duration"), "a countdown it cannot read starts nothing")
        for _ in 0..<5 { d.press(.backspace) }
        d.type("24h")
        d.press(.tab)
        d.press(.character(" "))
        #expect(d.screen.contains("skipped: the receiver is not tested"))
        d.press(.enter)
        let expected = RotationOrder.start(.fresh(old: old, secretFile: SecretModal.defaultPath(for: old.name + " new"), deleteAfter: 86_400, skipTest: true))
        #expect(orders(d.drain()) == [expected])
        #expect(d.screen.contains("starting: writing the journal"))
    }

    @Test func theRunsReportsShowItsStepsAndYAnswersAfterALastLook() {
        var d = openRotation()
        d.press(.enter)
        _ = d.drain()
        report(&d, .progress(journal(), .asking(.disableOld, "Disable \"\(old.name)\" now (the twin then delivers alone)?"), said: nil))
        #expect(d.screen.contains("[x] 3") && d.screen.contains("[>] 4") && d.screen.contains("[ ] 5"), "\(d.screen)")
        #expect(d.screen.contains("waiting for your yes") && d.screen.contains("X-Webhook-ID"), "the overlap is explained")
        #expect(d.screen.contains("rotate \(old.name) 4/5 · waiting for you"), "in the title bar")
        d.press(.character("y"))
        #expect(d.state.confirm != nil && orders(d.drain()).isEmpty, "a box first")
        d.press(.character("y"))
        #expect(orders(d.drain()) == [.answer(.disableOld)])
        // Esc leaves it running; its badge stays on every screen.
        d.press(.escape)
        #expect(d.screen.contains("rotate \(old.name) 4/5"))
    }

    @Test func abortIsOfferedOnlyWhileNothingIsInFlightAndUndoesAfterABox() {
        var d = openRotation()
        d.press(.enter)
        _ = d.drain()
        report(&d, .progress(journal(), .working, said: "Disabling…"))
        d.press(.character("a"))
        #expect(d.state.confirm == nil, "not while a step is in flight")
        report(&d, .progress(journal(disabled: true), .asking(.deleteOld, "Delete it now?"), said: nil))
        d.press(.character("a"))
        #expect(d.state.confirm?.dialog.title == "Abort the rotation?")
        d.press(.character("y"))
        #expect(orders(d.drain()) == [.abort])
        var deleted = journal(disabled: true)
        deleted.deleting = true
        report(&d, .progress(deleted, .stopped("No answer came to the delete."), said: nil))
        d.press(.character("a"))
        #expect(d.state.confirm == nil, "not once the old webhook's delete was sent")
        d.press(.enter)
        #expect(orders(d.drain()) == [.start(.resume(path: "/state/rotate-u-c.jsonl"))], "Enter goes on")
    }

    @Test func theTwinsSecretIsShownOnceSaved() {
        var d = openRotation()
        d.press(.enter)
        _ = d.drain()
        var twin = old
        twin.uuid = "u-twin"
        twin.secret = "whsec_new_one"
        report(&d, .secretSaved(twin, path: "./c-new.whsec"))
        #expect(d.screen.contains("whsec_new_one") && d.screen.contains("Saved to ./c-new.whsec"))
    }

    @Test func aStoppedRotationIsNamedOnTheListAndRGoesOnWithIt() {
        var stopped = journal(disabled: true)
        stopped.twinEnabled = true
        let found = StoppedRotation(stopped)
        var d = openRotation { $0.send(.stoppedRotations([found])) }
        #expect(d.screen.contains("A rotation of \(old.name) stopped at step 4 of 5"))
        d.press(.enter)
        #expect(orders(d.drain()) == [.start(.resume(path: stopped.path))])
        d.press(.escape, .escape)
        #expect(d.screen.contains("Rotation of \(old.name) stopped at step 4 of 5"), "on the list, until it is gone on with: \(d.screen)")
    }
}
