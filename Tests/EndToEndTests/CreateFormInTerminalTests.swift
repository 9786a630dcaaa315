import Foundation
import JetEmailClient
import JetEmailSandbox
import Testing
import TestSupport

/// The real program in a real terminal (tmux), driven by keys, against a sandbox on loopback.
extension InTerminal {
@Suite struct CreateFormInTerminalTests {
    typealias Backend = SandboxBackend

    static func secret(on screen: String) -> String? {
        screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).first { $0.hasPrefix("whsec_") }.map(String.init)
    }

    @Test func createWithTheKeyboardAndSaveTheSecret() async throws {
        let backend = try await Backend()
        let term = try TmuxSession(backend.arguments, environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("0 of 14 selected")
        try term.type("Ops Alerts")
        try term.send(TableKeys.next)
        try term.type("https://hooks.example.com/jetemail")
        try term.send("Tab", "Space", "Down", "Space", "i", "Tab", "Space", "Tab")
        try term.type("transactional-main")
        try term.send(TableKeys.next)
        try term.type("example.com")
        try term.send(TableKeys.submit)
        let modal = try await term.waitFor("Webhook created")
        let shownSecret = try #require(Self.secret(on: modal))

        let stored = try #require(backend.server.webhooks.first)
        #expect(stored.secret == shownSecret)
        #expect(backend.server.webhookRequests.count == 1)
        #expect(backend.server.webhookRequests[0].bodyText == #"{"name":"Ops Alerts","url":"https://hooks.example.com/jetemail","events":["outbound.delivered","outbound.bounced","inbound.received","inbound.delivered","inbound.spam","inbound.blocked"],"status":0,"filter_users":["transactional-main"],"filter_domains":["example.com"]}"#)

        let path = backend.dir.path + "/ops.whsec"
        try term.send(TableKeys.writeSecret, "C-u")
        try term.type(path)
        try term.send("Enter")
        try await term.waitFor("Saved to \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == shownSecret + "\n")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)

        try term.send("Enter")
        let fresh = try await term.waitFor("Webhook Ops Alerts created; its secret is in")
        #expect(!fresh.contains(shownSecret), "closing wipes the secret from the screen")
        #expect(fresh.contains("0 of 14 selected"), "and returns to a fresh form")
        try term.send(TableKeys.quit)
        #expect(await term.exitStatus() == 0)
        #expect(try term.alternateScreenOn() == false)
        await backend.stop()
    }

    @Test func invalidInputNeverReachesTheServer() async throws {
        let backend = try await Backend()
        let term = try TmuxSession(backend.arguments, environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("0 of 14 selected")
        try term.type("bad name!")
        try term.send(TableKeys.next)
        try term.type("ftp://example.com")
        try term.send(TableKeys.submit)
        let screen = try await term.waitFor("Nothing was sent")
        #expect(screen.contains("remove '!'"))
        #expect(screen.contains("Scheme 'ftp:' is not allowed"))
        #expect(screen.contains("Choose at least one event"))
        #expect(backend.server.webhookRequests.isEmpty)
        await backend.stop()
    }

    @Test func escDuringASlowSubmitKeepsTheInput() async throws {
        let backend = try await Backend(faults: SandboxFaults(latencyMilliseconds: 8000))
        let term = try TmuxSession(backend.arguments, environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("0 of 14 selected")
        try term.type("Slow Hook")
        try term.send(TableKeys.next)
        try term.type("https://example.com/slow")
        try term.send(TableKeys.next, "o", TableKeys.submit)
        try await term.waitFor("Creating…", settle: false)
        // Typing still works while the request is in flight.
        try term.send(TableKeys.previous, TableKeys.previous)
        try term.type("X")
        try await term.waitFor("Slow HookX", settle: false)
        try term.send("Escape")
        let after = try await term.waitFor("Cancelled; your input is kept")
        #expect(after.contains("Slow HookX"))
        #expect(after.contains("https://example.com/slow"))
        #expect(after.contains("10 of 14 selected"))
        await backend.stop()
    }

    @Test func resizeDuringTheModalKeepsTheSecret() async throws {
        let backend = try await Backend()
        let term = try TmuxSession(backend.arguments + ["--name", "Resize Me", "--url", "https://example.com/r", "--event", "inbound.spam"],
                                   environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        let secret = try #require(Self.secret(on: try await term.waitFor("Webhook created")))
        try term.resize(columns: 60, rows: 20)
        try await term.waitFor("Enlarge to at least 80 x 24")
        try term.resize(columns: 120, rows: 40)
        let big = try await term.waitFor("Webhook created")
        #expect(Self.secret(on: big) == secret)
        try term.resize(columns: 80, rows: 24)
        #expect(Self.secret(on: try await term.waitFor("Webhook created")) == secret)
        await backend.stop()
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let term = try TmuxSession(["create", "--demo"])
        defer { term.close() }
        try await term.waitFor("DEMO")
        #expect(try term.alternateScreenOn())
        let pid = try #require(try term.programPID())
        kill(pid, SIGTERM)
        #expect(await term.exitStatus() == 128 + Int(SIGTERM))
        #expect(try term.alternateScreenOn() == false)
    }

    @Test func secretFileIsWrittenTheMomentTheSecretArrives() async throws {
        let backend = try await Backend()
        let path = backend.dir.path + "/auto.whsec"
        let term = try TmuxSession(backend.arguments + ["--secret-file", path, "--name", "Auto", "--url", "https://e.com/a", "--event", "inbound.spam"],
                                   environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        let screen = try await term.waitFor("Saved to \(path)")
        let secret = try #require(Self.secret(on: screen))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == secret + "\n")
        await backend.stop()
    }

    @Test func hangUpDuringASubmitStillSavesTheSecret() async throws {
        let backend = try await Backend(faults: SandboxFaults(latencyMilliseconds: 1500))
        let path = backend.dir.path + "/hup.whsec"
        let term = try TmuxSession(backend.arguments + ["--secret-file", path, "--name", "Hup", "--url", "https://e.com/h", "--event", "inbound.spam"],
                                   environment: backend.environment)
        defer { term.close() }
        try await term.waitFor("1 of 14 selected")
        try term.send(TableKeys.submit)
        try await term.waitFor("Creating…", settle: false)
        let pid = try #require(try term.programPID())
        kill(pid, SIGHUP)
        #expect(await term.exitStatus(timeout: 15) == 128 + Int(SIGHUP))
        let stored = try #require(backend.server.webhooks.first?.secret)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == stored + "\n")
        await backend.stop()
    }

    @Test func existingSecretFileIsRefusedBeforeTheFormOpens() async throws {
        let dir = TemporaryDirectory()
        let taken = dir.file("taken.whsec", "old")
        let term = try TmuxSession(["create", "--demo", "--secret-file", taken])
        defer { term.close() }
        #expect(await term.exitStatus() == 2)
        #expect(try term.screen().contains("already exists"))
    }

    @Test func flagsPrefillTheForm() async throws {
        let term = try TmuxSession(["create", "--demo", "--name", "Prefilled", "--url", "https://e.com/x", "--event", "outbound.opened", "--status", "0"])
        defer { term.close() }
        let screen = try await term.waitFor("Prefilled")
        #expect(screen.contains("https://e.com/x"))
        #expect(screen.contains("[x] opened"))
        #expect(screen.contains("(•) Disabled"))
    }
}

}

/// Places the form cannot start: no terminal, a useless TERM.
@Suite struct TerminalRefusalTests {
    @Test func withoutATerminalItPointsToNoInput() async throws {
        let r = try await BuiltProgram.run(["--demo"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("create --no-input"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
