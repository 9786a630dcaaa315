import Foundation
import Testing
import TestSupport

/// Issue 17 in a real terminal: times at the edges of Int, tables fitted to 80 columns, a huge
/// payload, quitting with a change in flight, and the C locale.
extension InTerminal {
    @Suite struct HostileScreensInTerminalTests {
        let dir = TemporaryDirectory()

        static let edgeHook = #"{"uuid":"u-1","name":"Edge","url":"https://hooks.example.com/e","events":["outbound.delivered"],"status":1,"#
            + #""created_at":"9223372036854775807","last_modified":"-9223372036854775808"}"#

        static func event(_ id: String, created: String, payload: String = #"{"to":"a@example.org"}"#) -> String {
            #"{"id":"\#(id)","uuid":"u-1","event_type":"outbound.delivered","latest_status":"failed","created_at":\#(created),"#
                + #""total_attempts":6,"last_response_code":500,"source_uid":"msg_\#(id)","payload":\#(payload)}"#
        }

        /// The list (one webhook with edge times) and a log whose events have them too.
        func server(payload: String = #"{"to":"a@example.org"}"#, deleteAfter: Double = 0) throws -> MisbehavingServer {
            let log = #"{"events":["# + [Self.event("evt_max", created: #""9223372036854775807""#, payload: payload),
                                            Self.event("evt_min", created: #""-9223372036854775808""#),
                                            Self.event("evt_ok", created: "1800000000")].joined(separator: ",") + #"],"total":3}"#
            return try MisbehavingServer { request in
                let line = request.components(separatedBy: "\r\n").first ?? ""
                if line.hasPrefix("DELETE") { return [.pause(deleteAfter), .sendText(MisbehavingServer.answer(200, #"{"success":true}"#))] }
                if line.contains("/webhooks/query") { return [.sendText(MisbehavingServer.answer(200, log))] }
                if line.hasPrefix("GET /webhooks ") { return [.sendText(MisbehavingServer.answer(200, "[" + Self.edgeHook + "]"))] }
                return [.sendText(MisbehavingServer.answer(200, #"{"success":true,"result":[]}"#))]
            }
        }

        func session(_ arguments: [String], _ server: MisbehavingServer, environment: [String: String] = [:], columns: Int = 80) throws -> TmuxSession {
            try TmuxSession(arguments + ["--api-key-file", dir.file("key", "api_test0000000001")],
                            environment: ["JETEMAIL_BASE_URL": server.baseURL].merging(environment) { $1 }, columns: columns)
        }

        @Test func timesAtTheEdgesOfIntShowAsQuestionMarksWhereTheOffsetIsPositive() async throws {
            // Item 2: query on a terminal, l in the TUI, Enter on such an event and on such a
            // webhook's details crashed (JST-9: Tokyo's offset, without a time zone database).
            let server = try server()
            let query = try session(["query"], server, environment: ["TZ": "JST-9"])
            defer { query.close() }
            let table = try await query.waitFor("of 3")
            #expect(await query.exitStatus() == 0, "\(table)")
            #expect(table.contains("evt_max") && table.contains("?"))
            let term = try session([], server, environment: ["TZ": "JST-9"])
            defer { term.close() }
            try await term.waitFor("Edge")
            try term.send("Enter")
            try await term.waitFor("Failures")
            try term.send("End")
            try await term.waitFor("Last modified")
            try term.send("Escape")
            try term.send("l")
            try await term.waitFor("evt_ok")
            try term.send("Enter")
            let event = try await term.waitFor("Payload")
            #expect(event.contains("evt_max"), "\(event)")
            try term.send("C-q")
            #expect(await term.exitStatus() == 0)
        }

        @Test func theQueryAndListTablesFitEightyColumnsAndNameTheWebhook() async throws {
            // Items 24 and 28: the query table was ~160 columns wide with the webhook as a uuid;
            // list padded every row to the longest name.
            let longName = String(repeating: "n", count: 3_000)
            let server = try MisbehavingServer { request in
                let line = request.components(separatedBy: "\r\n").first ?? ""
                if line.contains("/webhooks/query") {
                    return [.sendText(MisbehavingServer.answer(200, #"{"events":["# + Self.event("evt_0123456789abcdef0123456789", created: "1800000000") + #"],"total":1}"#))]
                }
                return [.sendText(MisbehavingServer.answer(200, #"[{"uuid":"u-1","name":"Orders","url":"https://o.example.com","events":[],"status":1},"#
                                                           + #"{"uuid":"u-2","name":"\#(longName)","url":"https://l.example.com","events":[],"status":0}]"#))]
            }
            for verb in [["query"], ["list"]] {
                let term = try session(verb, server)
                defer { term.close() }
                try await term.waitFor(verb == ["query"] ? "1-1 of 1" : "Orders")
                #expect(await term.exitStatus() == 0)
                let lines = try term.screen().split(separator: "\n")
                #expect(lines.allSatisfy { $0.count <= 80 }, "\(verb): \(lines.map(\.count))")
                if verb == ["query"] { #expect(lines.contains { $0.contains("Orders") }, "the webhook by name: \(lines)") }
            }
        }

        @Test func aHugePayloadKeepsKeysAndQuittingAnswered() async throws {
            // Item 5: after 1,000 queued j the screen froze and Ctrl-C was not honoured for 6 minutes.
            let fields = (0..<2_400).map { #""k\#($0)":""# + String(repeating: "v", count: 1_500) + #"""# }.joined(separator: ",")
            let server = try server(payload: "{" + fields + "}")
            let term = try session([], server)
            defer { term.close() }
            try await term.waitFor("Edge")
            try term.send("l")
            try await term.waitFor("evt_ok")
            try term.send("Enter")
            try await term.waitFor("Payload")
            try term.send(String(repeating: "j", count: 400), literal: true)
            try term.send("C-c")
            #expect(await term.exitStatus(timeout: 30) == 0, "Ctrl-C answered behind 400 queued keys")
        }

        @Test func quittingWhileADeleteIsInFlightAsksAndSaysWhatMayHaveHappened() async throws {
            // Item 17: it quit at once with exit 0 and no word.
            let server = try server(deleteAfter: 20)
            let term = try session([], server)
            defer { term.close() }
            try await term.waitFor("Edge")
            try term.send("d")
            try await term.waitFor("Delete it? y/N")
            try term.send("y")
            try await term.waitFor("Deleting", settle: false)
            try term.send("C-q")
            try await term.waitFor("in flight")
            try term.send("y")
            #expect(await term.exitStatus() == 0)
            let after = try term.screen()
            #expect(after.contains("Quit while the delete of Edge (u-1) was in flight"), "said on stderr:\n\(after)")
        }

        @Test func everyScreenKeepsItsMeaningInTheCLocale() async throws {
            // Item 29: enabled and disabled both drew as "?", and "no filter" too.
            let term = try TmuxSession(["--demo"], environment: ["LANG": "C", "LC_ALL": "C"])
            defer { term.close() }
            var screens: [String: String] = [:]
            try await term.waitFor("8 webhooks")
            // A mark on the first row: its own column, and a glyph no status uses.
            try term.send("m")
            screens["list"] = try await term.waitFor("1 marked")
            try term.send("Escape", "Enter")
            screens["chart"] = try await term.waitFor("failed of")
            try term.send("End")
            screens["details"] = try await term.waitFor("Filter users")
            try term.send("Escape", "l")
            screens["log"] = try await term.waitFor("of 60")
            try term.send("Enter")
            screens["event"] = try await term.waitFor("Payload")
            try term.send("Escape", "Escape", "n")
            screens["form"] = try await term.waitFor("Create webhook")
            try term.send("F1")
            screens["help"] = try await term.waitFor("Keys (Esc closes")
            for (name, screen) in screens {
                // The demo's URLs hold "?token=": data, not a symbol.
                let symbols = screen.replacingOccurrences(of: "?token=", with: "")
                #expect(!symbols.contains("?") || name == "help", "\(name) shows ? for a symbol:\n\(screen)")
            }
            let marked = screens["list"]?.split(separator: "\n").first { $0.contains("Analytics") } ?? ""
            #expect(marked.hasPrefix(" * +  Analytics"), "marked and enabled, told apart: \(marked)")
            #expect(marked.contains("webhooks.shop.exa~"), "a cut URL shows where it was cut: \(marked)")
            #expect(screens["list"]?.contains(" o  CRM") == true && screens["list"]?.contains("   +  Billing") == true, "enabled + and disabled o")
            #expect(screens["list"]?.contains(" - ") == true, "no filter: -")
        }
    }
}
