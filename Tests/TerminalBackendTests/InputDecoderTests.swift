import Testing
import TerminalBackend
@testable import TerminalUI

/// The bytes a terminal sends, decoded into keys whatever TERM says (issue 9, items 12, 17, 20).
@Suite struct InputDecoderTests {
    private func keys(_ bytes: [UInt8], flush: Bool = true) -> [Key] {
        var decoder = InputDecoder()
        var out = decoder.feed(bytes)
        if flush { out += decoder.flush() }
        return out
    }

    private func keys(_ text: String, flush: Bool = true) -> [Key] { keys(Array(text.utf8), flush: flush) }

    @Test func controlsAndText() {
        #expect(keys("\u{13}\u{1A}\t\u{7F}\u{8}\r") == [.control("s"), .control("z"), .tab, .backspace, .backspace, .enter])
        #expect(keys("aé中") == [.character("a"), .character("é"), .character("中")])
    }

    @Test(arguments: [
        ("\u{1B}[1~", Key.home), ("\u{1B}[4~", .end), ("\u{1B}[H", .home), ("\u{1B}[F", .end),
        ("\u{1B}OH", .home), ("\u{1B}OF", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
        ("\u{1B}[11~", .function(1)), ("\u{1B}[14~", .function(4)), ("\u{1B}OP", .function(1)),
        ("\u{1B}[[A", .function(1)), ("\u{1B}[A", .up), ("\u{1B}OB", .down), ("\u{1B}[1;5C", .right),
        ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[Z", .backTab),
        ("\u{1B}[24~", .function(12)), ("\u{1B}OM", .enter),
    ])
    func commonFormsWhateverTerminfoSays(sequence: String, key: Key) {
        #expect(keys(sequence) == [key])
    }

    @Test func unknownSequencesAreSwallowedWhole() {
        #expect(keys("a\u{1B}[99~b") == [.character("a"), .character("b")])
        #expect(keys("\u{1B}[?1;2c\u{1B}Oz\u{1B}[201~x") == [.character("x")])
        // A partial sequence at the end, then nothing more: swallowed, not typed.
        #expect(keys("\u{1B}[12") == [])
    }

    @Test func loneEscapeWaitsForTheFlush() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.hasPending)
        #expect(decoder.flush() == [.escape])
        // Split across reads, a sequence still decodes as one key.
        #expect(decoder.feed([0x1B, 0x5B]) == [])
        #expect(decoder.feed([0x31, 0x7E]) == [.home])
        #expect(!decoder.hasPending)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        #expect(keys([0x61, 0xFF, 0x62, 0xC0, 0xAF]) == [.character("a"), .character("\u{FFFD}"), .character("b"),
                                                          .character("\u{FFFD}"), .character("\u{FFFD}")])
        // A character cut across two reads waits for its end.
        var decoder = InputDecoder()
        #expect(decoder.feed([0xC3]) == [])
        #expect(decoder.feed([0xA9]) == [.character("é")])
    }

    @Test func pasteWithInvalidBytesKeepsTheRestAndEndsAtOnce() {
        // Item 12: `ab\xffcdef` pasted, then Right: the paste is whole and Right is a key.
        let bytes: [UInt8] = Array("\u{1B}[200~ab".utf8) + [0xFF] + Array("cdef\u{1B}[201~\u{1B}OC".utf8)
        #expect(keys(bytes, flush: false) == [.paste("ab\u{FFFD}cdef"), .right])
    }

    @Test func endMarkerInsideThePasteDoesNotEndIt() {
        // Item 17: `ab\e[201~\x13cd` pasted; the Ctrl-S inside must not act.
        let keys = keys("\u{1B}[200~ab\u{1B}[201~\u{13}cd\u{1B}[201~", flush: false)
        #expect(keys == [.paste("abcd")])
        #expect(!keys.contains(.control("s")))
    }

    @Test func twoPastesInOneReadStayTwo() {
        #expect(keys("\u{1B}[200~one\u{1B}[201~\u{1B}[200~two\u{1B}[201~", flush: false) == [.paste("one"), .paste("two")])
    }

    @Test func pasteKeepsLineBreaksAndDropsOtherControls() {
        #expect(keys("\u{1B}[200~a\r\nb\u{7}\u{1B}]0;x\u{7}c\u{9B}d\u{1B}[201~", flush: false) == [.paste("a\nb]0;xcd")])
    }

    @Test func pasteSplitAcrossReadsAndAtTheMarker() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~hel".utf8)) == [])
        #expect(decoder.feed(Array("lo\u{1B}[2".utf8)) == [])
        #expect(decoder.isPasting)
        #expect(decoder.feed(Array("01~".utf8)) == [.paste("hello")])
    }

    @Test func pasteWithoutItsEndIsTakenOnFlush() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~abc".utf8)) == [])
        #expect(decoder.flush() == [.paste("abc")])
        #expect(decoder.feed(Array("x".utf8)) == [.character("x")])
    }

    @Test func declaredSequencesComeFirst() {
        var decoder = InputDecoder(declared: [("\u{1B}[1~", .end)])
        #expect(decoder.feed(Array("\u{1B}[1~".utf8)) == [.end])
    }

    @Test func randomBytesNeverCrashAndAlwaysDrain() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var decoder = InputDecoder()
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in
                [0x1B, 0x5B, 0x7E, 0x4F, 0x32, 0x30, 0x31, 0xFF, 0xC3, 0x41][Int.random(in: 0..<10, using: &generator)] as UInt8
            }
            _ = decoder.feed(bytes)
            _ = decoder.flush()
            #expect(!decoder.hasPending)
        }
    }
}
