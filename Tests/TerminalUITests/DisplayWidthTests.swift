import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1), ("\u{00B7}", 1), ("é", 1), ("\u{10FF}", 1),  // below U+1100: no lookup
        ("\u{07}", 0), ("\u{7F}", 0), ("\u{9F}", 0),  // controls
        ("\u{1100}", 2), ("漢", 2), ("한", 2), ("\u{231A}", 2), ("😀", 2),  // wide and emoji
        ("›", 1), ("─", 1), ("✓", 1),  // the form's own symbols
    ] as [(Character, Int)])
    func columns(_ character: Character, _ expected: Int) {
        #expect(DisplayWidth.of(character) == expected)
    }

    @Test func stringsAddUp() {
        #expect(DisplayWidth.of("ab漢") == 4)
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }
}
