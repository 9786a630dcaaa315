import Foundation
import Testing

/// The form in the terminals ops people really have: no colours, no UTF-8, odd TERM values,
/// huge windows, job control; and random keys through the real binary.
extension InTerminal {
@Suite struct TerminalVarietyTests {
    @Test("unusable TERM values get one line and exit 2 before the screen is touched", arguments: ["dumb", "no-such-terminal-xyz"])
    func unusableTerm(_ term: String) async throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["TERM": term])
        defer { session.close() }
        #expect(await session.exitStatus() == 2)
        let screen = try session.screen()
        #expect(screen.contains("create --no-input"))
        #expect(try session.alternateScreenOn() == false)
    }

    @Test func noColorUsesNoColours() async throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["NO_COLOR": "1"])
        defer { session.close() }
        try await session.waitFor("0 of 14 selected")
        try session.send(TableKeys.submit)
        try await session.waitFor("Nothing was sent")
        let styled = try session.tmux(["capture-pane", "-p", "-e", "-t", session.name])
        // SGR colour parameters: 30-37, 39, 90-97 (foreground), 40-47, 49 (background), 38;5 / 48;5.
        let colour = try Regex(#"\x1B\[[0-9;]*\b(3[0-8]|9[0-7]|4[0-8])\b[0-9;]*m"#)
        #expect(styled.firstMatch(of: colour) == nil, "no colour codes with NO_COLOR")
        #expect(styled.contains("\u{1B}[1m") || styled.contains(";1m") || styled.contains("[1;"), "bold still marks things")
    }

    @Test func terminalWithoutColoursStaysUsable() async throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["TERM": "vt100"])
        defer { session.close() }
        try await session.waitFor("0 of 14 selected")
        try session.send(TableKeys.submit)
        let screen = try await session.waitFor("Nothing was sent")
        #expect(screen.contains("Name is required."))
    }

    @Test func aCrashRestoresTheTerminal() async throws {
        let session = try TmuxSession(["create", "--demo"])
        defer { session.close() }
        try await session.waitFor("0 of 14 selected")
        #expect(try session.alternateScreenOn())
        // A key first: a program that reads keys through curses turns keypad mode on then.
        try session.type("x")
        try await session.waitFor("1/64")
        let pid = try #require(try session.programPID())
        kill(pid, SIGSEGV)
        #expect(await session.exitStatus() == 128 + Int(SIGSEGV))
        #expect(try session.alternateScreenOn() == false, "the crash guard left the alternate screen")
        // Issue 9, item 1: keypad (application cursor) mode was left on, so arrows typed escapes.
        let modes = try session.tmux(["display-message", "-p", "-t", session.name, "#{keypad_cursor_flag}#{keypad_flag}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "00", "the crash guard turned keypad mode off")
        try session.type("echo typed-back")
        try session.send("Enter")
        try await session.waitFor("typed-back", timeout: 5)
    }

    @Test func nonUTF8LocaleGetsASCIIBorders() async throws {
        let session = try TmuxSession(["create", "--demo"], environment: ["LANG": "C", "LC_ALL": "C"])
        defer { session.close() }
        try await session.waitFor("of 14 selected")
        try session.send(TableKeys.help)
        let screen = try await session.waitFor("Keys (Esc closes")
        #expect(screen.contains("+- Keys (Esc closes"))
        #expect(!screen.contains("┌"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/screen"), "needs GNU screen (CI installs it)"))
    func insideGNUScreen() async throws {
        let session = try TmuxSession(["--demo", "--name", "In Screen", "--url", "https://example.com/s", "--event", "inbound.spam"],
                                      launcher: ["/usr/bin/screen", "-q"])
        defer { session.close() }
        try await session.waitFor("1 of 14 selected")
        try session.send(TableKeys.submit)
        let screen = try await session.waitFor("Webhook created")
        #expect(screen.contains("whsec_"))
        try session.send("C-c")
        try await session.waitFor("has not been saved")
        try session.send("y")
        #expect(await session.exitStatus() == 0)
    }

    @Test func largeWindowsWork() async throws {
        let session = try TmuxSession(["create", "--demo"], columns: 300, rows: 100)
        defer { session.close() }
        try await session.waitFor("0 of 14 selected")
        try session.type(String(repeating: "n", count: 64))
        let screen = try await session.waitFor("64/64")
        #expect(screen.contains(String(repeating: "n", count: 64)))
    }

    // Once flaky: the stop was sent to the process, another thread took it, and the suspending
    // thread repainted before stopping (see Terminal.suspend). The pane's output showed it.
    @Test func ctrlZSuspendsAndFgRedraws() async throws {
        let session = try TmuxSession(["create", "--demo"], jobControl: true)
        defer { session.close() }
        try await session.waitFor("0 of 14 selected")
        try session.type("Before")
        let pid = try #require(try session.programPID())
        try session.send(TableKeys.suspend)
        var stopped = false
        for _ in 0..<50 where !stopped {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            stopped = stat.split(separator: ")").last?.split(separator: " ").first == "T"
            if !stopped { try? await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(stopped, "Ctrl-Z stops the process")
        try await session.waitFor("Stopped")
        var released = false
        for _ in 0..<30 where !released {
            released = try session.alternateScreenOn() == false
            if !released { try? await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(released, "and gives the terminal back to the shell")
        try session.type("fg")
        try session.send("Enter")
        try await session.waitFor("0 of 14 selected")
        try session.type("After")
        let screen = try await session.waitFor("BeforeAfter")
        #expect(screen.contains("0 of 14 selected"), "fg redraws the whole form")
    }

    @Test func randomKeysThroughTheRealBinary() async throws {
        // The sandbox answers after ten minutes: random keys can fill in a valid form and submit it
        // (C-s, or Enter on the button), and a create that came back would open the secret window,
        // where a random Y closes it and the program ends as it should. Once flaky for that reason.
        let session = try TmuxSession(["create", "--demo", "--demo-latency-ms", "600000"])
        defer { session.close() }
        try await session.waitFor("0 of 14 selected")
        var rng = SystemRandomNumberGenerator()
        // What was sent, to say on a failure (the keys are random).
        var sent: [String] = []
        // Everything but the quit keys (C-c, C-q, C-z) and Escape-then-y (or Y), which would end the run.
        let named = ["Tab", "BTab", "Enter", "BSpace", "DC", "Left", "Right", "Up", "Down", "Home", "End", "PPage", "NPage",
                     "F1", "C-a", "C-e", "C-u", "C-k", "C-w", "C-s", "Space", "M-x", "F5", "C-x", "C-_"]
        // Below 80 x 24 the form waits for a larger window and Esc quits when nothing was typed
        // (the notice says so): the run's Escapes wait for a window the form fits.
        var small = false
        for step in 0..<400 {
            // Checked every 20 keys, so that a failure names the keys just before it.
            if step % 20 == 0, try session.programPID() == nil {
                Issue.record("the program ended after: \(sent.suffix(24).joined(separator: " | "))\n\(try session.screen())")
                return
            }
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5:
                let scalars = (0..<Int.random(in: 1...4, using: &rng)).compactMap { _ in
                    Unicode.Scalar(UInt32.random(in: 0x21...0x7E, using: &rng)).map(Character.init)
                }
                let text = String(scalars.filter { !"yYqQ".contains($0) })
                sent.append("type " + text)
                try session.type(text)
            case 5..<9:
                let key = named.randomElement(using: &rng)!
                // M-x is Esc then x.
                if small && key == "M-x" { continue }
                sent.append(key)
                try session.send(key)
            default:
                if step % 40 == 0 {
                    let (columns, rows) = (Int.random(in: 40...200, using: &rng), Int.random(in: 10...60, using: &rng))
                    sent.append("resize \(columns)x\(rows)")
                    try session.resize(columns: columns, rows: rows)
                    small = columns < 80 || rows < 24
                } else if !small {
                    sent.append("Escape n")
                    try session.send("Escape")
                    try session.send("n")
                }
            }
        }
        try session.resize(columns: 80, rows: 24)
        guard try session.programPID() != nil, try session.alternateScreenOn() else {
            Issue.record("the program ended (exit \(await session.exitStatus(timeout: 2).map(String.init) ?? "unknown")) after: \(sent.suffix(30).joined(separator: " | "))\nscreen:\n\(try session.screen())")
            return
        }
        try session.send(TableKeys.quit)
        try session.send("y")
        #expect(await session.exitStatus() == 0)
        #expect(try session.alternateScreenOn() == false, "terminal restored")
    }
}
}
