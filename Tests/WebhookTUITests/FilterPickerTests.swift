import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// The form's filter pickers: the account's users and domains fetched when it opens, F2 to
/// choose, and typed names the account lacks refused before anything is sent.
@Suite struct FilterPickerTests {
    /// The create form, started, with the account's lists answered (or failed).
    func form(users: Result<[String], JetEmailError> = .success(["transactional-main", "smarthost-eu"]),
              domains: Result<[String], JetEmailError> = .success(["example.com", "Test.com"])) -> Driver {
        var d = Driver()
        d.send(.start)
        #expect(d.drain().isEmpty, "not on the way of the first frame and keys")
        d.send(.settled)
        #expect(d.drain() == [.call(id: 1, .choices, priority: .background)], "the form asks for them a moment after it opens")
        d.send(.settled)
        #expect(d.drain().isEmpty, "once")
        d.send(.answered(id: 1, .choices(users: users.map { AccountNames(names: $0) }, domains: domains)))
        return d
    }

    func fillValid(_ d: inout Driver) {
        d.type("Ops"); d.press(.tab)
        d.type("https://hooks.example.com/x"); d.press(.tab)
        d.press(.character(" "))
        d.state.form.focus = .filterUsers
    }

    @Test func f2OpensTheAccountsUsersAndEnterPutsTheChoiceIntoTheField() {
        var d = form()
        d.state.form.focus = .filterUsers
        #expect(d.screen.contains("F2 picks from your 2"))
        d.press(.function(2))
        guard let picker = d.state.topModal as? PickerModal else { Issue.record("no picker"); return }
        #expect(picker.list.items.map(\.label) == ["transactional-main", "smarthost-eu"])
        d.press(.down, .character(" "), .up, .character(" "), .enter)
        #expect(d.state.topModal == nil)
        #expect(FilterList.split(d.state.form.filterUsers.text) == ["transactional-main", "smarthost-eu"])
    }

    @Test func ctrlOOnDomainsAndEscLeavesTheFieldUnchanged() {
        var d = form()
        d.state.form.focus = .filterDomains
        d.type("example.com")
        d.press(.control("o"))
        guard let picker = d.state.topModal as? PickerModal else { Issue.record("no picker"); return }
        #expect(picker.list.selected == [0], "what is typed is checked")
        d.press(.character(" "), .escape)
        #expect(d.state.form.filterDomains.text == "example.com")
    }

    @Test func aTypedNameTheAccountLacksIsAnErrorAndNothingIsSent() {
        var d = form()
        fillValid(&d)
        d.type("someone-else")
        d.state.form.focus = .filterDomains
        d.type("TEST.com, nope.example")
        d.press(.control("s"))
        #expect(d.drain().isEmpty, "nothing is sent")
        #expect(d.screen.contains("someone-else: not one of your users; the API would refuse it"))
        #expect(d.screen.contains("nope.example: not one of your domains"), "domains compare without case (TEST.com is fine)")
        #expect(!d.screen.contains("TEST.com: not"))
    }

    @Test func whenTheListsCannotBeFetchedNamesAreNotCheckedAndTheHintSaysWhy() {
        var d = form(users: .failure(.unauthorized(message: "Invalid API key")), domains: .failure(.server(status: 503, message: "down")))
        fillValid(&d)
        d.type("someone-else")
        #expect(d.screen.contains("not checked: your users could not be fetched (F2 says why)"))
        d.press(.function(2))
        #expect(d.state.topModal == nil && d.state.status?.text.contains("could not be fetched") == true)
        d.press(.control("s"))
        #expect(d.drain().contains { $0.create != nil }, "the API decides")
    }
}
