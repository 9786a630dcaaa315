import Testing
@testable import TerminalUI

/// Text that does not fit its width ends in `…`: a cut URL or path never reads as the whole.
@Suite struct GridCutTests {
    func drawn(_ text: String, width: Int, columns: Int = 12, marksCut: Bool = true) -> String {
        var grid = Grid(columns: columns, rows: 1)
        grid.put(text, row: 0, column: 1, width: width, marksCut: marksCut)
        return grid.text.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test func aCutEndsInAnEllipsis() {
        #expect(drawn("https://a.example/hook", width: 8) == " https:/…   ")
        #expect(drawn("abcdefgh", width: 8) == " abcdefgh   ", "what fits exactly is whole")
        #expect(drawn("abcdefghijklmnop", width: 40) == " abcdefghij…", "the grid's edge cuts too")
    }

    @Test func aWideCharacterCutLeavesNoHalf() {
        // 漢 does not fit the last cell: … takes it.
        #expect(drawn("abcdef漢字", width: 7) == " abcdef…    ")
        // The last one written is wide: … and a blank replace it.
        #expect(drawn("abcde漢字", width: 7) == " abcde…     ")
    }

    @Test func paddingThatDoesNotFitIsNoCut() {
        #expect(drawn("abc         ", width: 5) == " abc        ")
    }

    @Test func aTextFieldScrollsOnItsOwnAndIsNotMarked() {
        #expect(drawn("abcdefghij", width: 5, marksCut: false) == " abcde      ")
    }
}
