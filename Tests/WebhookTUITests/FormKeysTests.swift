import JetEmailClient
import Testing
@testable import WebhookTUI

@Suite struct FormKeysTests {
    @Test func tabOrderIsTheDocumentedOne() {
        var d = Driver()
        var order = [d.state.form.focus]
        for _ in 0..<7 { d.press(.tab); order.append(d.state.form.focus) }
        #expect(order == [.name, .url, .events, .status, .filterUsers, .filterDomains, .create, .name])
        d.press(.backTab)
        #expect(d.state.form.focus == .create)
    }

    @Test func leavingAnInvalidFieldIsAllowedAndShowsItsProblem() {
        var d = Driver()
        d.type("bad!")
        #expect(!d.screen.contains("remove '!'"), "not shown before the field is left")
        d.press(.tab)
        #expect(d.state.form.focus == .url)
        #expect(d.screen.contains("remove '!'"))
        d.press(.backTab, .backspace)
        #expect(!d.screen.contains("remove '!'"), "then live while typing")
    }

    @Test func enterMovesToTheNextControl() {
        var d = Driver()
        d.press(.enter)
        #expect(d.state.form.focus == .url)
    }

    @Test func questionMarkIsTextInFieldsAndHelpElsewhere() {
        var d = Driver()
        d.type("a?")
        #expect(d.state.form.name.text == "a?")
        #expect(d.state.topModal == nil)
        d.press(.tab, .tab)
        d.type("?")
        #expect(d.state.isShowingHelp)
        d.press(.escape)
        #expect(d.state.topModal == nil)
        d.press(.function(1))
        #expect(d.state.isShowingHelp)
    }

    @Test func eventsChecklistKeys() {
        var d = Driver()
        d.press(.tab, .tab)
        d.press(.character(" "))
        #expect(d.state.form.events == [.outboundDelivered])
        d.press(.down, .character("j"), .character(" "))
        #expect(d.state.form.events == [.outboundDelivered, .outboundRejected])
        d.press(.character("k"), .character(" "))
        #expect(d.state.form.events == [.outboundDelivered, .outboundBounced, .outboundRejected])
        d.press(.character("i"))
        #expect(d.state.form.events.isSuperset(of: EventType.inbound))
        d.press(.character("i"))
        #expect(d.state.form.events.isDisjoint(with: EventType.inbound))
        d.press(.character("o"))
        #expect(d.state.form.events == Set(EventType.outbound))
        d.press(.character("a"))
        #expect(d.state.form.events.count == 14)
        d.press(.character("a"))
        #expect(d.state.form.events.isEmpty)
        d.press(.right)
        #expect(d.state.form.eventCursor == 8)
        d.press(.left)
        #expect(d.state.form.eventCursor == 1)
        d.press(.end)
        #expect(d.state.form.eventCursor == 13)
        d.press(.down)
        #expect(d.state.form.eventCursor == 13)
    }

    @Test func statusToggles() {
        var d = Driver()
        for _ in 0..<3 { d.press(.tab) }
        d.press(.character(" "))
        #expect(d.state.form.enabled == false)
        #expect(d.state.form.draft.status == 0)
        d.press(.character(" "))
        #expect(d.state.form.enabled)
    }

    @Test func filtersAreSplitOnCommasAndSpaces() {
        var d = Driver()
        for _ in 0..<4 { d.press(.tab) }
        d.type("alice, bob  carol")
        #expect(d.state.form.draft.filterUsers == ["alice", "bob", "carol"])
    }

    @Test func pasteIsOneEditAndLineBreaksAreRemovedWithANotice() {
        var d = Driver()
        d.press(.paste("My\nHook"))
        #expect(d.state.form.name.text == "MyHook")
        #expect(d.state.status?.text.contains("Removed 1 line break") == true)
        d.press(.paste(String(repeating: "x", count: 10_000)))
        #expect(d.state.form.name.field.characters.count == 10_006)
    }

    @Test func prefillFromFlags() {
        let form = FormScreen(prefill: WebhookDraft(name: "N", url: "https://e.com", events: ["inbound.spam", "bogus"], status: 0,
                                                    filterUsers: ["a", "b"], filterDomains: ["x.com"]))
        #expect(form.name.text == "N" && form.url.text == "https://e.com")
        #expect(form.events == [.inboundSpam])
        #expect(form.enabled == false)
        #expect(form.filterUsers.text == "a, b" && form.filterDomains.text == "x.com")
    }
}
