import Testing
@testable import TerminalBackend

/// OSC 52, as the terminal (or tmux, or GNU screen around it) takes it.
@Suite struct ClipboardTests {
    @Test func osc52IsWrappedForTmuxAndScreen() {
        #expect(Clipboard.sequence(for: "hi", environment: [:]) == "\u{1B}]52;c;aGk=\u{07}")
        // Inside tmux: the plain form (taken with set-clipboard on), then the wrapped one (passthrough).
        #expect(Clipboard.sequence(for: "hi", environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
                == "\u{1B}]52;c;aGk=\u{07}\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        #expect(Clipboard.sequence(for: "hi", environment: ["STY": "123.pts-0", "TERM": "screen"]) == "\u{1B}P\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
    }
}
