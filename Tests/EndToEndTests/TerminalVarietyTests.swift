import Foundation
import Testing

/// The form in the terminals ops people really have: no colours, no UTF-8, odd TERM values,
/// huge windows, job control; and random keys through the real binary.
extension InTerminal {
@Suite struct TerminalVarietyTests {
    @Test("unusable TERM values get one line and exit 2 before the screen is touched", arguments: ["dumb", "no-such-terminal-xyz"])
    func unusableTerm(_ term: String) throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["TERM": term])
        defer { session.close() }
        #expect(session.exitStatus() == 2)
        let screen = try session.screen()
        #expect(screen.contains("create --no-input"))
        #expect(try session.alternateScreenOn() == false)
    }

    @Test func noColorUsesNoColours() throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["NO_COLOR": "1"])
        defer { session.close() }
        try session.waitFor("0 of 14 selected")
        try session.send(TableKeys.submit)
        try session.waitFor("Nothing was sent")
        let styled = try session.tmux(["capture-pane", "-p", "-e", "-t", session.name])
        // SGR colour parameters: 30-37, 39, 90-97 (foreground), 40-47, 49 (background), 38;5 / 48;5.
        let colour = try Regex(#"\x1B\[[0-9;]*\b(3[0-8]|9[0-7]|4[0-8])\b[0-9;]*m"#)
        #expect(styled.firstMatch(of: colour) == nil, "no colour codes with NO_COLOR")
        #expect(styled.contains("\u{1B}[1m") || styled.contains(";1m") || styled.contains("[1;"), "bold still marks things")
    }

    @Test func terminalWithoutColoursStaysUsable() throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["TERM": "vt100"])
        defer { session.close() }
        try session.waitFor("0 of 14 selected")
        try session.send(TableKeys.submit)
        let screen = try session.waitFor("Nothing was sent")
        #expect(screen.contains("Name is required."))
    }

    @Test func aCrashRestoresTheTerminal() throws {
        let session = try TmuxSession(["create", "--demo"])
        defer { session.close() }
        try session.waitFor("0 of 14 selected")
        #expect(try session.alternateScreenOn())
        // A key first: a program that reads keys through curses turns keypad mode on then.
        try session.type("x")
        try session.waitFor("1/64")
        let pid = try #require(try session.programPID())
        kill(pid, SIGSEGV)
        #expect(session.exitStatus() == 128 + Int(SIGSEGV))
        #expect(try session.alternateScreenOn() == false, "the crash guard left the alternate screen")
        // Issue 9, item 1: keypad (application cursor) mode was left on, so arrows typed escapes.
        let modes = try session.tmux(["display-message", "-p", "-t", session.name, "#{keypad_cursor_flag}#{keypad_flag}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "00", "the crash guard turned keypad mode off")
        try session.type("echo typed-back")
        try session.send("Enter")
        try session.waitFor("typed-back", timeout: 5)
    }

    @Test func nonUTF8LocaleGetsASCIIBorders() throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["LANG": "C", "LC_ALL": "C"])
        defer { session.close() }
        try session.waitFor("of 14 selected")
        try session.send(TableKeys.help)
        let screen = try session.waitFor("Keys (Esc closes")
        #expect(screen.contains("+- Keys (Esc closes"))
        #expect(!screen.contains("┌"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/screen"), "needs GNU screen (CI installs it)"))
    func insideGNUScreen() throws {
        let session = try TmuxSession(["--demo", "--name", "In Screen", "--url", "https://example.com/s", "--event", "inbound.spam"],
                                      launcher: ["/usr/bin/screen", "-q"])
        defer { session.close() }
        try session.waitFor("1 of 14 selected")
        try session.send(TableKeys.submit)
        let screen = try session.waitFor("Webhook created")
        #expect(screen.contains("whsec_"))
        try session.send("C-c")
        try session.waitFor("has not been saved")
        try session.send("y")
        #expect(session.exitStatus() == 0)
    }

    @Test func largeWindowsWork() throws {
        let session = try TmuxSession(["create", "--demo"], columns: 300, rows: 100)
        defer { session.close() }
        try session.waitFor("0 of 14 selected")
        try session.type(String(repeating: "n", count: 64))
        let screen = try session.waitFor("64/64")
        #expect(screen.contains(String(repeating: "n", count: 64)))
    }

    // Once flaky: the stop was sent to the process, another thread took it, and the suspending
    // thread repainted before stopping (see Terminal.suspend). The pane's output showed it.
    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let session = try TmuxSession(["create", "--demo"], jobControl: true)
        defer { session.close() }
        try session.waitFor("0 of 14 selected")
        try session.type("Before")
        let pid = try #require(try session.programPID())
        try session.send(TableKeys.suspend)
        var stopped = false
        for _ in 0..<50 where !stopped {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            stopped = stat.split(separator: ")").last?.split(separator: " ").first == "T"
            if !stopped { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(stopped, "Ctrl-Z stops the process")
        try session.waitFor("Stopped")
        var released = false
        for _ in 0..<30 where !released {
            released = try session.alternateScreenOn() == false
            if !released { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(released, "and gives the terminal back to the shell")
        try session.type("fg")
        try session.send("Enter")
        try session.waitFor("0 of 14 selected")
        try session.type("After")
        let screen = try session.waitFor("BeforeAfter")
        #expect(screen.contains("0 of 14 selected"), "fg redraws the whole form")
    }

    @Test func randomKeysThroughTheRealBinary() throws {
        let session = try TmuxSession(["create", "--demo"])
        defer { session.close() }
        try session.waitFor("0 of 14 selected")
        var rng = SystemRandomNumberGenerator()
        // Everything but the quit keys (C-c, C-q, C-z) and Escape-then-y, which would end the run.
        let named = ["Tab", "BTab", "Enter", "BSpace", "DC", "Left", "Right", "Up", "Down", "Home", "End", "PPage", "NPage",
                     "F1", "C-a", "C-e", "C-u", "C-k", "C-w", "C-s", "Space", "M-x", "F5", "C-x", "C-_"]
        for step in 0..<400 {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5:
                let scalars = (0..<Int.random(in: 1...4, using: &rng)).compactMap { _ in
                    Unicode.Scalar(UInt32.random(in: 0x21...0x7E, using: &rng)).map(Character.init)
                }
                try session.type(String(scalars.filter { $0 != "y" && $0 != "q" }))
            case 5..<9:
                try session.send(named.randomElement(using: &rng)!)
            default:
                if step % 40 == 0 {
                    try session.resize(columns: Int.random(in: 40...200, using: &rng), rows: Int.random(in: 10...60, using: &rng))
                } else {
                    try session.send("Escape")
                    try session.send("n")
                }
            }
        }
        try session.resize(columns: 80, rows: 24)
        #expect(try session.programPID() != nil, "still running")
        #expect(try session.alternateScreenOn())
        try session.send(TableKeys.quit)
        try session.send("y")
        #expect(session.exitStatus() == 0)
        #expect(try session.alternateScreenOn() == false, "terminal restored")
    }
}
}
