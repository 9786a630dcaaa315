import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    func field(_ text: String, cursor: Int? = nil) -> TextField {
        var f = TextField(text)
        if let cursor { for _ in 0..<(text.count - cursor) { _ = f.handle(.left) } }
        return f
    }

    @Test func typingInsertsAtTheCursor() {
        var f = field("helo", cursor: 3)
        _ = f.handle(.character("l"))
        #expect(f.text == "hello" && f.cursor == 4)
    }

    @Test func movement() {
        var f = field("abc")
        _ = f.handle(.home); #expect(f.cursor == 0)
        _ = f.handle(.left); #expect(f.cursor == 0)
        _ = f.handle(.control("e")); #expect(f.cursor == 3)
        _ = f.handle(.right); #expect(f.cursor == 3)
        _ = f.handle(.control("a")); #expect(f.cursor == 0)
        _ = f.handle(.end); #expect(f.cursor == 3)
    }

    @Test func deletion() {
        var f = field("abcd", cursor: 2)
        _ = f.handle(.backspace); #expect(f.text == "acd" && f.cursor == 1)
        _ = f.handle(.delete); #expect(f.text == "ad" && f.cursor == 1)
        f = field("hello world", cursor: 5)
        _ = f.handle(.control("k")); #expect(f.text == "hello" && f.cursor == 5)
        f = field("hello world", cursor: 6)
        _ = f.handle(.control("u")); #expect(f.text == "world" && f.cursor == 0)
        f = field("one two  three")
        _ = f.handle(.control("w")); #expect(f.text == "one two  ")
        _ = f.handle(.control("w")); #expect(f.text == "one ")
        f = field("")
        _ = f.handle(.backspace); _ = f.handle(.delete); _ = f.handle(.control("w"))
        #expect(f.text == "" && f.cursor == 0)
    }

    @Test func utf8AndWideCharacters() {
        var f = TextField()
        for c in "café 日本 👍🏽" { _ = f.handle(.character(c)) }
        #expect(f.text == "café 日本 👍🏽")
        _ = f.handle(.backspace)
        #expect(f.text == "café 日本 ", "a whole grapheme is one character")
    }

    @Test func pasteDropsLineBreaksAndTabs() {
        var f = TextField("x")
        #expect(f.insert("a\nb\tc\r\n").lineBreaks == 3)
        #expect(f.text == "xabc")
    }

    @Test func aHugePasteStopsAtTheFieldsLimit() {
        var f = TextField("ab")
        let dropped = f.insert(String(repeating: "x", count: 50_000))
        #expect(f.characters.count == TextField.maxLength)
        #expect(dropped.overflow == 50_002 - TextField.maxLength)
        #expect(f.cursor == TextField.maxLength)
    }

    @Test func nonEditingKeysAreLeftToTheCaller() {
        var f = TextField("x")
        #expect(f.handle(.tab) == false)
        #expect(f.handle(.enter) == false)
        #expect(f.handle(.control("s")) == false)
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var f = TextField(String(repeating: "a", count: 50) + "XYZ")
        var (visible, column) = TextInput.window(f, width: 20)
        #expect(visible.hasSuffix("XYZ") && column == 19)
        #expect(visible.count == 19)
        _ = f.handle(.home)
        (visible, column) = TextInput.window(f, width: 20)
        #expect(visible.hasPrefix("aaaa") && column == 0)
    }
}

/// A prefill is selected: typing replaces it (never "3h16:00"), a deletion clears it, a move keeps it.
@Suite struct SelectedPrefillTests {
    @Test func typingReplacesASelectedPrefill() {
        var f = TextField("16:00", selected: true)
        _ = f.handle(.character("3")); _ = f.handle(.character("h"))
        #expect(f.text == "3h" && f.cursor == 2 && !f.selected)
        var pasted = TextField("16:00", selected: true)
        _ = pasted.handle(.paste("2h"))
        #expect(pasted.text == "2h")
    }

    @Test func deletionClearsAndMovementKeeps() {
        var f = TextField("16:00", selected: true)
        _ = f.handle(.backspace)
        #expect(f.text == "" && !f.selected)
        var kept = TextField("16:00", selected: true)
        _ = kept.handle(.left)
        #expect(kept.text == "16:00" && !kept.selected)
        _ = kept.handle(.character("x"))
        #expect(kept.text == "16:0x0")
    }

    @Test func anEmptyPrefillIsNotSelected() {
        #expect(!TextField("", selected: true).selected)
        #expect(!TextField("a").selected)
    }
}
