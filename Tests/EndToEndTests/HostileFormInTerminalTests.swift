import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// The form in a real terminal (tmux) against input and servers that misbehave on purpose
/// (issue 9): keys from terminals whose TERM is wrong, hostile pastes, huge secrets, a window
/// too small, a server asking to wait for ever, signals with a secret on screen.
extension InTerminal {
@Suite struct HostileFormInTerminalTests {
    static let ready = "0 of 14 selected"

    /// The Name field's text as shown on the first row (between the label and the counter).
    static func nameField(_ screen: String) -> String {
        let row = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first ?? ""
        return String(row.dropFirst(17).prefix(54)).trimmingCharacters(in: .whitespaces)
    }

    /// Pastes raw bytes as a terminal does with bracketed paste.
    static func paste(_ bytes: [UInt8], into term: TmuxSession, dir: TemporaryDirectory) throws {
        let file = dir.path + "/paste.bin"
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
        try term.tmux(["load-buffer", "-b", "p", file])
        try term.tmux(["paste-buffer", "-p", "-d", "-b", "p", "-t", term.name])
    }

    @Test func keysInTheFormsAnyTerminalSendsWhateverTERMSays() async throws {
        // Item 20: the program runs with TERM=xterm-256color inside tmux, whose Home and End are
        // `\e[1~` and `\e[4~`; PuTTY's F1 is `\e[11~`; an unknown `\e[99~` must type nothing.
        let term = try TmuxSession(["create", "--demo"])
        defer { term.close() }
        try await term.waitFor(Self.ready)
        try term.type("abc")
        try term.send("-H", "1b", "5b", "31", "7e")           // Home, \e[1~
        try term.type("X")
        try term.send("-H", "1b", "5b", "34", "7e")           // End, \e[4~
        try term.type("Y")
        try term.send("-H", "1b", "5b", "39", "39", "7e")     // unknown, \e[99~
        try term.send("-H", "1b", "4f", "48")                 // Home, \eOH
        try term.type("<")
        try term.send("-H", "1b", "5b", "38", "7e")           // End, rxvt \e[8~
        try term.type(">")
        let screen = try await term.waitFor("<XabcY>")
        #expect(Self.nameField(screen) == "<XabcY>", "nothing of a sequence was typed:\n\(screen)")
        try term.send("-H", "1b", "5b", "31", "31", "7e")     // F1, PuTTY \e[11~
        try await term.waitFor("Keys")
    }

    @Test func aPasteWithInvalidBytesShowsAtOnceAndKeepsTheRest() async throws {
        // Item 12: `ab\xffcdef` pasted into Name, then Right: no "C" typed.
        let dir = TemporaryDirectory()
        let term = try TmuxSession(["create", "--demo"])
        defer { term.close() }
        try await term.waitFor(Self.ready)
        try Self.paste(Array("ab".utf8) + [0xFF] + Array("cdef".utf8), into: term, dir: dir)
        let screen = try await term.waitFor("cdef")
        #expect(Self.nameField(screen) == "ab\u{FFFD}cdef")
        try term.send("Left", "Right")
        try term.type("!")
        #expect(Self.nameField(try await term.waitFor("cdef!")) == "ab\u{FFFD}cdef!")
    }

    @Test func controlCharactersInsideAPasteNeverAct() async throws {
        // Item 17: `ab\e[201~\x13cd` pasted: the early end marker and the Ctrl-S are text, not keys.
        let backend = try await Backend()
        let dir = TemporaryDirectory()
        let term = try TmuxSession(backend.arguments + ["--url", "https://e.com/h", "--event", "inbound.spam"], environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try Self.paste(Array("ab\u{1B}[201~\u{13}cd".utf8), into: term, dir: dir)
        let screen = try await term.waitFor("abcd")
        #expect(Self.nameField(screen) == "abcd")
        try await Task.sleep(for: .milliseconds(500))
        #expect(backend.server.webhookRequests.isEmpty, "the Ctrl-S inside the paste sent nothing")
        #expect(!(try term.screen()).contains("Creating"))
        await backend.stop()
    }

    @Test func aHugeRetryAfterIsShownNotCrashedOn() async throws {
        // Item 1: Retry-After 9223372036854775807 crashed the form (exit 132).
        let backend = try await Backend(faults: SandboxFaults(rateLimitRetryAfter: Int.max))
        let term = try TmuxSession(backend.arguments + ["--name", "R", "--url", "https://e.com/r", "--event", "inbound.spam"],
                                   environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        // The form's first call (the account's users and domains) meets the 429: it holds every
        // call, the create included, and the countdown says so at once.
        try await term.waitFor("more than an hour", settle: false)
        try term.send(TableKeys.submit)
        try await Task.sleep(for: .milliseconds(300))
        #expect(backend.server.webhookRequests.isEmpty, "no create while the limit holds")
        #expect(try term.screen().contains("more than an hour"))
        try term.send(TableKeys.quit)
        try await term.waitFor("Quit", settle: false)
        try term.send("y")
        #expect(await term.exitStatus() == 0)
        await backend.stop()
    }

    @Test func aHugeSecretKeepsTheWindowUsable() async throws {
        // Item 5: a 200 KB secret took 17 s to draw; the save prompt fell off the screen.
        let secret = "whsec_" + String(repeating: "s", count: 200_000)
        let body = #"{"success":true,"webhook":{"uuid":"u-1","name":"Big","url":"https://e.com/b","events":["inbound.spam"],"status":1,"secret":"\#(secret)"}}"#
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, body))] }
        let dir = TemporaryDirectory()
        let term = try TmuxSession(["--api-key-file", dir.file("key", "api_test0000000001"), "--name", "Big", "--url", "https://e.com/b",
                                    "--event", "inbound.spam"], environment: ["JETEMAIL_BASE_URL": server.baseURL])
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        let modal = try await term.waitFor("too long to show")
        #expect(modal.contains("w  write to file"), "the keys stay on screen:\n\(modal)")
        try term.send(TableKeys.writeSecret, "C-u")
        let path = dir.path + "/big.whsec"
        try term.type(path)
        try term.send("Enter")
        try await term.waitFor("Saved to")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == secret + "\n", "the whole secret, not what was shown")
    }

    @Test func aWindowTooSmallActsOnNothingUnseen() async throws {
        // Item 11: at 40x12 Ctrl-S created a webhook whose secret and quit question were invisible.
        let backend = try await Backend()
        let term = try TmuxSession(backend.arguments + ["--name", "S", "--url", "https://e.com/s", "--event", "inbound.spam"],
                                   environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try term.resize(columns: 40, rows: 12)
        try await term.waitFor("Enlarge")
        try term.send(TableKeys.submit)
        try await Task.sleep(for: .milliseconds(500))
        #expect(backend.server.webhookRequests.isEmpty, "nothing was sent from a screen that cannot show the answer")
        try term.send(TableKeys.quit)
        try await term.waitFor("Quit jetemail-webhooks? y/N")
        try term.send("n")
        try term.resize(columns: 80, rows: 24)
        let screen = try await term.waitFor("1 of 14 selected")
        #expect(screen.contains("https://e.com/s"), "the input is kept")
        await backend.stop()
    }

    @Test func aSignalWithAnUnsavedSecretSaysWhatWasLost() async throws {
        // Item 18: SIGTERM with the secret window open, nothing saved.
        let term = try TmuxSession(["--demo", "--name", "Lost", "--url", "https://e.com/l", "--event", "inbound.spam"])
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        try await term.waitFor("Webhook created")
        kill(try #require(try term.programPID()), SIGTERM)
        #expect(await term.exitStatus() == 128 + Int(SIGTERM))
        let after = try await term.waitFor("has been discarded")
        #expect(after.contains("\"Lost\""))
        #expect(try term.alternateScreenOn() == false)
    }

    @Test func theSecretFileIsReservedForEveryCreate() async throws {
        // Item 9: a second create with the same --secret-file asks for a new path, then saves there.
        let backend = try await Backend()
        let path = backend.dir.path + "/twice.whsec"
        let flags = ["--secret-file", path, "--name", "Twice", "--url", "https://e.com/t", "--event", "inbound.spam"]
        let term = try TmuxSession(backend.arguments + flags, environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        try await term.waitFor("Saved to \(path)")
        try term.send("Enter")
        try await term.waitFor("its secret is in")
        try term.type("Again")
        try term.send(TableKeys.next)
        try term.type("https://e.com/again")
        try term.send(TableKeys.next, TableKeys.toggleEvent, TableKeys.submit)
        try await term.waitFor("already exists")
        #expect(backend.server.webhookRequests.count == 1, "nothing sent while the path is taken")
        let second = backend.dir.path + "/twice-2.whsec"
        try await term.waitFor(second)
        try term.send("Enter")
        try await term.waitFor("Saved to \(second)")
        let secrets = backend.server.webhooks.compactMap(\.secret)
        #expect(secrets.count == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == secrets[0] + "\n")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == secrets[1] + "\n")
        await backend.stop()
    }

    @Test func copyReachesTmuxWithSetClipboardOn() async throws {
        // Item 16: the plain OSC 52 becomes a tmux buffer when set-clipboard is on.
        let term = try TmuxSession(["--demo", "--name", "Copy", "--url", "https://e.com/c", "--event", "inbound.spam"], tmuxVariable: true)
        defer { term.close() }
        try term.tmux(["set", "-g", "set-clipboard", "on"])
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        let modal = try await term.waitFor("Webhook created")
        let secret = try #require(modal.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).first { $0.hasPrefix("whsec_") })
        try term.send(TableKeys.copySecret)
        try await term.waitFor("Sent to the terminal's clipboard")
        var buffer = ""
        for _ in 0..<30 where !buffer.contains(secret) {
            try? await Task.sleep(for: .milliseconds(100))
            buffer = (try? term.tmux(["show-buffer"])) ?? ""
        }
        #expect(buffer == String(secret))
    }

    @Test func copyInsideTmuxWithItsClipboardOffSaysWhatToSet() async throws {
        let term = try TmuxSession(["--demo", "--name", "Copy", "--url", "https://e.com/c", "--event", "inbound.spam"], tmuxVariable: true)
        defer { term.close() }
        try term.tmux(["set", "-g", "set-clipboard", "external"])
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        try await term.waitFor("Webhook created")
        try term.send(TableKeys.copySecret)
        try await term.waitFor("tmux set -g set-clipboard on")
    }

    @Test func aBadCAFileIsReportedBeforeTheFormEvenWithoutAKey() async throws {
        // Item 15: it used to end, after a key was typed, in "no API key configured".
        let dir = TemporaryDirectory()
        let term = try TmuxSession(["--ca-file", dir.path + "/missing.pem"], environment: ["HOME": dir.path])
        defer { term.close() }
        let screen = try await term.waitFor("Cannot read the CA file")
        #expect(screen.contains("missing.pem"))
        #expect(await term.exitStatus() == 2)
    }

    typealias Backend = SandboxBackend
}
}
