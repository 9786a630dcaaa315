import JetEmailClient
import Testing
import TestSupport
@testable import WebhookTUI
@testable import TerminalUI

/// Random keys, pastes, resizes and answers through the pure update loop and the renderer:
/// nothing may trap, and the invariants below must hold after every event.
@Suite struct KeyFuzzTests {
    static func randomCharacter(_ rng: inout SeededGenerator) -> Character {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x3000...0x30FF, 0x4E00...0x4E80, 0x1F600...0x1F64F, 0x300...0x36F, 0xFFFD...0xFFFD]
        while true {
            let r = ranges.randomElement(using: &rng)!
            if let s = Unicode.Scalar(UInt32.random(in: r, using: &rng)) { return Character(s) }
        }
    }

    static func randomEvent(_ rng: inout SeededGenerator, nextID: Int) -> AppEvent {
        let named: [Key] = [.enter, .tab, .backTab, .backspace, .delete, .escape, .left, .right, .up, .down, .home, .end,
                            .pageUp, .pageDown, .function(1), .function(5), .control("s"), .control("u"), .control("k"),
                            .control("w"), .control("a"), .control("e"), .control("c"), .control("q"), .character("y"),
                            .character("w"), .character("q"), .character(" "), .character("a"), .character("o"), .character("i")]
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<45: return .key(.character(randomCharacter(&rng)))
        case 45..<85: return .key(named.randomElement(using: &rng)!)
        case 85..<89:
            let length = Int.random(in: 0...300, using: &rng)
            return .key(.paste(String((0..<length).map { _ in Bool.random(using: &rng) ? "\n" : randomCharacter(&rng) })))
        case 89..<93: return .resize(columns: Int.random(in: 0...320, using: &rng), rows: Int.random(in: 0...110, using: &rng))
        case 93..<96: return .tick
        case 96..<98: return .submitFinished(id: nextID - 1, .success(sampleWebhook))
        default:
            let errors: [JetEmailError] = [.rateLimited(retryAfter: 3, message: ""), .badRequest(message: "URL is bad", field: .url),
                                           .noAnswer(.timedOut, deadlineSeconds: 30), .server(status: 500, message: "x")]
            return .submitFinished(id: nextID - 1, .failure(errors.randomElement(using: &rng)!))
        }
    }

    @Test func fiveThousandRandomEventsNeverBreakTheCore() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededGenerator(seed: seed)
        var state = AppState(endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false)
        var now = 0.0
        var rendered = 0
        for step in 0..<6_000 {
            now += Double.random(in: 0...0.5, using: &rng)
            let event = Self.randomEvent(&rng, nextID: state.nextRequestID)
            var (next, _) = update(state, event, now: now)
            if next.quitRequested {
                // Start again, as a person would, so the run keeps exercising the form.
                next = AppState(columns: next.columns, rows: next.rows, endpoint: "api.jetemail.com", maskedKey: "api_…abcd", isDemo: false)
            }
            state = next
            let grid = render(state)
            rendered += 1
            let ok = grid.columns == max(0, state.columns) && grid.rows == max(0, state.rows)
                && (0..<EventType.allCases.count).contains(state.form.eventCursor)
                && state.form.name.field.cursor <= state.form.name.field.characters.count
                && grid.cursor.map { $0.row >= 0 && $0.row < grid.rows && $0.column >= 0 && $0.column <= grid.columns } ?? true
            #expect(ok, "seed \(seed), step \(step), event \(event)")
            if !ok { return }
        }
        #expect(rendered == 6_000)
    }
}
