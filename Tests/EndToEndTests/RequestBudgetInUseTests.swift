import Foundation
import Testing
import TestSupport

/// The request budget in the program itself: `--max-rate` holds a script's calls back and says
/// so on stderr; the TUI says so on screen.
@Suite struct RequestBudgetInUseTests {
    let dir = TemporaryDirectory()

    @Test func maxRateHoldsAScriptBackAndSaysWhy() async throws {
        let server = try LockoutServer(limit: 100, window: 60) { request in
            let offset = request.range(of: #""offset":(\d+)"#, options: .regularExpression).flatMap { Int(request[$0].dropFirst(9)) } ?? 0
            return #"{"events":[{"id":"evt_\#(offset)","uuid":"u-1","event_type":"outbound.delivered","latest_status":"failed"}],"total":5,"offset":\#(offset)}"#
        }
        let r = try await BuiltProgram.run(["query", "--all", "--limit", "1", "--json", "--max-rate", "2", "--api-key-file", dir.file("key", "api_test0000000001")],
                                     environment: ["JETEMAIL_BASE_URL": server.baseURL], timeout: 4)
        #expect(server.answered == 2, "two a minute: the third waits (\(server.answered) sent)")
        #expect(r.stderr.contains("Waiting for the request budget (2 a minute for the account)"), "\(r.stderr)")
        let refused = try await BuiltProgram.run(["list", "--max-rate", "241", "--api-key-file", dir.file("key2", "api_test0000000001")],
                                           environment: ["JETEMAIL_BASE_URL": server.baseURL])
        #expect(refused.status == 2 && refused.stderr.contains("--max-rate must be from 1 to 240"))
    }

    @Test func theConfigFilesMaxRateIsTheBudget() async throws {
        let server = try LockoutServer(limit: 100, window: 60) { _ in #"{"events":[{"id":"e","uuid":"u"}],"total":3}"# }
        let config = dir.file("config.toml", "current_profile = \"default\"\nmax_rate = 1\n[profiles.default]\napi_key = \"api_test0000000001\"\n")
        _ = try await BuiltProgram.run(["query", "--all", "--limit", "1", "--json"], environment: ["JETEMAIL_BASE_URL": server.baseURL, "JETEMAIL_CONFIG": config],
                                 timeout: 3)
        #expect(server.answered == 1, "max_rate = 1: one a minute")
    }
}

extension InTerminal {
    @Suite struct RequestBudgetOnScreenTests {
        @Test func aRequestWaitingForTheBudgetIsSaidOnScreen() async throws {
            // One request a minute: the list takes it, the log's first page waits.
            let term = try TmuxSession(["--demo", "--max-rate", "1"])
            defer { term.close() }
            // The list's health figures wait too, so the list says it before `l`: the log's line is
            // looked for only once the log is drawn.
            try await term.waitFor("8 webhooks")
            try term.send("l")
            let log = try await term.waitFor("Loading deliveries…", settle: false)
            let screen = log.contains("Waiting for the request budget:") ? log : try await term.waitFor("Waiting for the request budget:", settle: false)
            #expect(screen.contains("Loading deliveries…") && screen.contains("Waiting for the request budget:"), "\(screen)")
            try term.send("C-q")
            #expect(await term.exitStatus() == 0)
        }
    }
}
