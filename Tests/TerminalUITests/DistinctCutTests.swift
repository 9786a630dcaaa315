import Testing
@testable import TerminalUI
import TestSupport

/// Issue 32: names are given their width first and cut so that two different names never look
/// alike when the window could show them apart.
@Suite struct DistinctCutTests {
    /// The list's columns, with a name column that identifies rows.
    let columns = [
        TableColumn("", width: 1), TableColumn("", width: 2), TableColumn("Name", minimum: 12, identifies: true),
        TableColumn("URL", minimum: 16, weight: 2), TableColumn("Failed/24h", width: 10),
        TableColumn("Events", width: 20, dropRank: 2), TableColumn("Filters", width: 7, dropRank: 1), TableColumn("24h", width: 8, dropRank: 0),
    ]

    @Test func theNameGetsItsLongestValueBeforeTheURLIsWidened() {
        let widths = TableColumn.widths(columns, for: 78, natural: [0, 0, 15, 0, 0, 0, 0, 0])
        #expect(widths[2] == 15 && widths[3] >= 16, "\(widths)")
        // Too narrow for every column: the descriptive ones give way before the name is cut.
        let narrow = TableColumn.widths(columns, for: 56, natural: [0, 0, 20, 0, 0, 0, 0, 0])
        #expect(narrow[2] == 20 && narrow[5] == 0 && narrow[6] == 0, "\(narrow)")
        // A cap: a 200-character name does not take the table.
        #expect(TableColumn.widths(columns, for: 200, natural: [0, 0, 200, 0, 0, 0, 0, 0])[2] == 32)
    }

    @Test func namesThatShareAStartKeepWhatDiffers() {
        let names = (1...30).map { "Seed Hook \(String(100_000 + $0).dropFirst())" }
        let cut = DistinctCut.cuts(names, width: 10)
        #expect(Set(cut).count == names.count, "\(cut)")
        #expect(cut[3] == "Seed…00004", "\(cut[3])")
        #expect(DistinctCut.cuts(["Orders", "Billing"], width: 10) == ["Orders", "Billing"], "whole when they fit")
    }

    /// For random sets of names and table widths from 40 to 300, two different names are never
    /// drawn alike when the part where they differ fits in the column (with one character of
    /// their start and the `…`).
    @Test func differentNamesNeverLookAlikeWhenTheirDifferenceFits() {
        var random = SeededGenerator(seed: 32)
        let stems = ["Seed Hook ", "Billing", "Bounce handler", "Analytics (", "Data warehouse ", "a", "Orders-EU-", "漢字 hook "]
        for _ in 0..<300 {
            let count = Int.random(in: 2...40, using: &random)
            var names = Set<String>()
            while names.count < count {
                let stem = stems.randomElement(using: &random)!
                let tail = String((0..<Int.random(in: 0...6, using: &random)).map { _ in "0123456789abcdefXYZ -_".randomElement(using: &random)! })
                names.insert(stem + tail)
            }
            let list = Array(names)
            let table = Int.random(in: 40...300, using: &random)
            let natural = list.map { DisplayWidth.of($0) }.max()!
            let width = TableColumn.widths(columns, for: table, natural: [0, 0, natural, 0, 0, 0, 0, 0])[2]
            let shown = DistinctCut.cuts(list, width: width)
            for i in list.indices {
                #expect(DisplayWidth.of(shown[i]) <= width, "\(shown[i]) wider than \(width)")
                for j in list.indices where j > i && shown[i] == shown[j] {
                    let a = Array(list[i]), b = Array(list[j])
                    let same = DistinctCut.commonStart(a, b)
                    let needs = max(a.count, b.count) - same + 2
                    #expect(needs > width, "\"\(list[i])\" and \"\(list[j])\" both drawn \"\(shown[i])\" at \(width) columns")
                }
            }
        }
    }
}
