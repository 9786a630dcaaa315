import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1), ("\u{00B7}", 1), ("é", 1), ("\u{10FF}", 1),  // below U+1100: no lookup
        ("\u{07}", 4), ("\u{7F}", 4), ("\u{9F}", 6), ("\u{202E}", 6),  // controls and overrides: their escapes, as drawn
        ("\u{1100}", 2), ("漢", 2), ("한", 2), ("\u{231A}", 2), ("😀", 2),  // wide and emoji
        ("›", 1), ("─", 1), ("✓", 1),  // the form's own symbols
    ] as [(Character, Int)])
    func columns(_ character: Character, _ expected: Int) {
        #expect(DisplayWidth.of(character) == expected)
    }

    @Test func theGridWritesControlsAndOverridesAsEscapesNeverRaw() {
        // Issue 17 item 13: ESC and BEL were dropped silently, U+202E reached the terminal raw.
        var grid = Grid(columns: 40, rows: 1)
        let end = grid.put("a\u{1b}[31mb\u{202E}c\u{07}", row: 0, column: 0)
        #expect(grid.text.hasPrefix("a\\x1b[31mb\\u202ec\\x07"))
        #expect(end == DisplayWidth.of("a\u{1b}[31mb\u{202E}c\u{07}"), "measured as drawn")
        #expect(!grid.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E } })
    }

    @Test func stringsAddUp() {
        #expect(DisplayWidth.of("ab漢") == 4)
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }
}
