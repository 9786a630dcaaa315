import JetEmailClient
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// Issue 17: the log, an event, the pickers and the chrome under what a hostile server or a
/// small window brings: a huge payload, 40,000 names, 429s that never end, long titles.
@Suite struct ScreensUnderStressTests {
    let log = DeliveryLogTests()

    @Test func aHugePayloadIsWrappedOnceAndBoundedSoAKeyNeverWaits() {
        // Item 5: 2,400 keys of 1,500 characters: each j re-wrapped the payload (~1.4 s a key).
        var fields: [String: JSONValue] = [:]
        for i in 0..<2_400 { fields["k\(i)"] = .string(String(repeating: "v", count: 1_500)) }
        var event = DeliveryLogTests.events(0, 1)[0]
        event.payload = .object(fields)
        var screen = EventScreen(delivery: event, webhookName: "Orders", scope: nil)
        screen.fit(ScreenContext(columns: 80, rows: 24))
        let wrapped = screen.wrapped
        let view = screen.scrollView(ScreenContext())
        #expect(view.lineCount <= 40 + EventScreen.payloadLineLimit, "bounded by what is shown: \(view.lineCount) lines")
        #expect(wrapped.lines.last?.first?.text.contains("more lines") == true, "and says that more exist")
        for _ in 0..<50 { _ = screen.handle(.down, ScreenContext(columns: 80, rows: 24)) }
        #expect(screen.top == 50 && screen.wrapped.width == wrapped.width, "keys scroll without wrapping again")
        screen.fit(ScreenContext(columns: 100, rows: 24))
        #expect(screen.wrapped.width == 96, "a new width wraps once more")
    }

    @Test func anEventWhosePayloadCouldNotBeReadSaysWhy() {
        var event = DeliveryLogTests.events(0, 1)[0]
        event.payload = nil
        event.payloadProblem = "nested deeper than 512 levels"
        let screen = EventScreen(delivery: event, webhookName: nil, scope: nil)
        let text = screen.lines(width: 76, context: ScreenContext()).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("the payload could not be shown: nested deeper than 512 levels"))
    }

    @Test func selectingFortyThousandNamesNeverOverfillsAField() {
        // Item 6: 40,000 names, a, Enter: 34 s of CPU, then ~40 s per key; the field ended past 16,384.
        var d = Driver()
        d.send(.settled)
        _ = d.drain()
        let names = (0..<40_000).map { "user-\($0)" }
        d.send(.answered(id: 1, .choices(users: .success(AccountNames(names: names)), domains: .success([]))))
        d.state.form.focus = .filterUsers
        d.press(.function(2), .character("a"), .enter)
        #expect(d.state.form.filterUsers.isEmpty, "nothing longer than a field holds is put into it")
        #expect(d.state.status?.text.hasPrefix("The 40000 names chosen take") == true, "\(d.state.status?.text ?? "")")
        d.state.form.filterUsers = TextInput((0..<3_000).map { "user-\($0)" }.joined(separator: ", "))
        #expect(d.state.form.validation.report.errors(for: .filterUsers).isEmpty, "3,000 known names checked against 40,000 (a set, not a scan)")
    }

    /// 429 after 429 (the back-off itself: RequestBudgetTests): when the request path gives up,
    /// nothing is asked again by itself once the hold passes; the person can still ask.
    @Test func afterTheRequestPathGivesUpNothingIsAskedByItselfButThePersonCanAsk() {
        var d = log.openLog()
        let (id, _) = log.queries(&d)[0]
        d.send(.rateLimitHold(BudgetWait(seconds: 300, reason: .gaveUp, otherProcesses: 0)))
        d.send(.answered(id: id, .deliveries(.failure(.rateLimited(retryAfter: 0, message: "slow down")))))
        #expect(d.screen.contains("kept answering 429"))
        d.now += 301
        d.send(.tick)
        #expect(log.queries(&d).isEmpty, "nothing asked by itself")
        #expect(d.state.status?.text.contains("r tries again") == true, "\(d.state.status?.text ?? "")")
        d.press(.character("r"))
        #expect(log.queries(&d).count == 1, "the person can still ask")
    }

    @Test func aLongTitleNeverShowsBetweenOrUnderTheDemoBadge() {
        // Item 26: "Deliveries · Bounce  DEMO r127.0.0.1".
        var state = AppState(home: .list, endpoint: "127.0.0.1:40000", maskedKey: "api_…abcd", isDemo: true)
        state.push(DeliveryLogScreen(webhook: Webhook(uuid: "u", name: "Bounce handler with a long name", url: "https://x", events: [],
                                                      status: .enabled)))
        let top = render(state).text.split(separator: "\n")[0]
        #expect(top.contains("…  DEMO  127.0.0.1:40000"), "\(top)")
    }

    @Test func tableColumnsNeverAddUpWiderThanTheTable() {
        // Item 26: at 80 columns the log's columns took 80 of 78 cells, so the selected row's last
        // character lost its highlight and the help box let log characters through.
        for all in [true, false] {
            let columns = DeliveryColumns.columns(allWebhooks: all)
            for width in 40...200 {
                let widths = TableColumn.widths(columns, for: width)
                let used = widths.reduce(0, +) + widths.filter { $0 > 0 }.count - 1
                #expect(used <= width || widths.filter { $0 > 0 }.count == 3, "\(all) at \(width): \(used)")
            }
        }
    }

    @Test func theListsKeyBarAt80ColumnsKeepsTheMostUsefulKeysQuitAndHelp() {
        // Item 27: the bar ended at "l log": no /, L, q or F1; after a cancelled load both quits.
        var d = ListChangesTests().loaded()
        let bar = String(d.screen.split(separator: "\n").last ?? "")
        for key in ["Enter details", "l log", "L all logs", "/ filter", "q quit", "F1 help"] { #expect(bar.contains(key), "\(bar)") }
        d.press(.character("r"), .escape)
        let after = String(d.screen.split(separator: "\n").last ?? "")
        #expect(after.contains("q quit") && !after.contains("Ctrl-Q quit"), "\(after)")
    }

    @Test func aWindowTooSmallForTheFormSaysHowToLeaveAndEscLeaves() {
        // Item 27: the form refused with no key bar, Esc and q doing nothing.
        var d = ListChangesTests().loaded()
        d.press(.character("n"))
        d.send(.resize(columns: 70, rows: 20))
        #expect(d.screen.contains("Enlarge") && d.screen.contains("Esc back · Ctrl-Q quit"))
        d.press(.escape)
        #expect(d.state.screens.count == 1 && d.screen.contains("webhooks"), "back on the list, which works at 70 x 20")
        d.send(.resize(columns: 80, rows: 24))
        d.press(.character("n"))
        d.type("x")
        d.send(.resize(columns: 70, rows: 20))
        d.press(.escape)
        #expect(d.screen.contains("Leave the form and lose it? y/N"), "asked on the small screen: \(d.screen)")
    }

    @Test func theLogAndItsEventWorkAt60x20() {
        var d = log.openLog()
        d.send(.resize(columns: 60, rows: 20))
        log.answer(&d, id: log.queries(&d)[0].0, page: 0, total: 3)
        #expect(d.screen.contains("1-3 of 3") && !d.screen.contains("Enlarge"))
        d.press(.enter)
        #expect(d.screen.contains("Payload"))
    }

    @Test func aTallerWindowAsksForTheRowsItNowShows() {
        // Item 28: after enlarging the log, new rows said "loading…" until a key was pressed.
        var d = log.openLog()
        log.answer(&d, id: log.queries(&d)[0].0, page: 0, total: 250)
        d.send(.resize(columns: 80, rows: 120))
        #expect(log.queries(&d).map(\.1.offset) == [100], "page 1 is asked for at once")
    }

    @Test func loadingSaysHowLongItHasTaken() {
        // Item 28: "Loading webhooks…" and "Loading deliveries…" showed no elapsed time.
        var d = Driver(AppState(home: .list, endpoint: "e", maskedKey: nil, isDemo: false))
        d.send(.start)
        d.now += 1.5
        d.send(.tick)
        #expect(d.screen.contains("Loading webhooks… 1.5 s") && d.state.wantsTicks)
    }

    @Test func statusesDifferByAMarkNotOnlyByColour() {
        // Item 28: with NO_COLOR, failed and success differed only by the word.
        let cells = [("success", "✓"), ("failed", "✗"), ("retry", "!"), ("pending", "…")].map { status, mark in
            (DeliveryColumns.cell(DeliveryLogTests.events(0, 1, status: status)[0], column: 3, width: 9, allWebhooks: false, names: [:],
                                  clock: WallClock()).text, mark)
        }
        for (text, mark) in cells { #expect(text.hasPrefix(mark + " "), "\(text)") }
    }

    @Test func aLongQuestionWrapsAndKeepsItsYN() {
        // Item 22: "Replay evt_… to every webhook subscri" lost its y/N.
        let dialog = ConfirmDialog(title: "Replay?", message: "m", question: "Replay evt_0123456789abcdef0123 to every webhook subscribed to outbound.complaint? y/N",
                                   confirmLabel: "replay")
        for columns in [40, 60, 80] {
            var grid = Grid(columns: columns, rows: 24)
            dialog.draw(into: &grid, rect: Rect(row: 0, column: 0, width: columns, height: 24), focused: true)
            #expect(grid.text.contains("y/N"), "at \(columns) columns:\n\(grid.text)")
        }
    }

    @Test func anEditFormPrefilledWithOverridesShowsThemEscaped() {
        // Item 13: U+202E reached the terminal raw in fields prefilled from a server name.
        let hostile = Webhook(uuid: "u-h", name: "a\u{202E}b\u{1b}]52;c;QUJD\u{07}", url: "https://h.example.com", events: [], status: .enabled)
        var d = ListChangesTests().loaded([hostile])
        d.press(.character("e"))
        let grid = render(d.state)
        #expect(!grid.cells.contains { $0.character.unicodeScalars.contains { $0.value == 0x202E || $0.value < 0x20 } })
        #expect(d.screen.contains("a\\u202eb\\x1b]52;c;QUJD\\x07"))
    }
}
