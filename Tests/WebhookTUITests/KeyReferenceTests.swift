import Foundation
import Testing
@testable import TerminalUI
@testable import WebhookTUI

/// The key tables the program runs on are the documentation: docs/keys.md's tables and the
/// help window are made from them.
@Suite struct KeyReferenceTests {
    static var keysPath: String {
        URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md").path
    }

    /// Run with UPDATE_KEYS=1 to rewrite docs/keys.md's tables from the bindings.
    @Test func keyTablesAreGeneratedFromTheBindings() throws {
        var readme = try String(contentsOfFile: Self.keysPath, encoding: .utf8)
        let original = readme
        for (name, markdown) in KeyReference.readmeTables {
            let open = "<!-- keys:\(name) -->\n"
            let close = "<!-- /keys:\(name) -->"
            guard let start = readme.range(of: open), let end = readme.range(of: close, range: start.upperBound..<readme.endIndex) else {
                Issue.record("docs/keys.md has no \(open)…\(close) block")
                continue
            }
            readme.replaceSubrange(start.upperBound..<end.lowerBound, with: markdown)
        }
        if ProcessInfo.processInfo.environment["UPDATE_KEYS"] != nil, readme != original {
            try readme.write(toFile: Self.keysPath, atomically: true, encoding: .utf8)
            return
        }
        #expect(readme == original, "docs/keys.md's key tables differ from the bindings: run UPDATE_KEYS=1 swift test --filter KeyReferenceTests")
    }

    /// Every binding of every table the form uses appears in its help, by its keys.
    @Test func helpListsEveryKeyOfTheForm() {
        var d = Driver()
        d.press(.function(1))
        guard let help = d.state.topModal as? HelpModal else { Issue.record("no help"); return }
        let listed = help.sections.flatMap(\.lines).map(\.keys)
        let form = FormScreen()
        let everyTable: [[String]] = [
            GlobalBindings.table.map(\.keys), FormScreen.formKeys.map(\.keys), TextField.bindings.map(\.keys),
            form.eventList.bindings.map(\.keys), form.status.bindings.map(\.keys), form.submitButton.bindings.map(\.keys),
            SecretModal.mainKeys.map(\.keys), HelpModal.helpLines.map(\.keys),
        ]
        for keys in everyTable.joined() { #expect(listed.contains(keys), "help lacks \(keys)") }
        // The keys the old help left out.
        for keys in ["Space or x", "← or h", "Home or PgUp", "Delete or Ctrl-D", "Enter, q or Esc", "Ctrl-Z"] {
            #expect(listed.contains(keys), "help lacks \(keys)")
        }
    }

    /// The help window scrolls to its last line in a short terminal, and shows it.
    @Test func helpScrollsToTheEnd() {
        var d = Driver()
        d.press(.function(1))
        #expect(!d.screen.contains("close this help"))
        d.press(.end)
        #expect(d.screen.contains("close this help"))
        d.press(.home)
        #expect(d.screen.contains("Anywhere"))
        d.press(.escape)
        #expect(d.state.topModal == nil)
    }

    /// Each key bar entry shown is a key that acts: pressing it changes something.
    @Test func everyKeyBarEntryComesFromABinding() {
        let d = Driver()
        let bar = d.screen.split(separator: "\n").last.map(String.init) ?? ""
        for entry in FormScreen.formKeys.compactMap(\.bar) where entry.key != "Esc" && entry.key != "F2" {
            #expect(bar.contains(entry.text), "key bar lacks \(entry.text)")
        }
        // F2 picks only on the filter fields, and is shown only there.
        #expect(!bar.contains("F2 pick"))
        var onFilter = Driver()
        onFilter.state.form.focus = .filterUsers
        #expect(onFilter.screen.split(separator: "\n").last?.contains("F2 pick") == true)
    }
}
