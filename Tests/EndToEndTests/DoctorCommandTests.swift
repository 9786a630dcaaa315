import Foundation
import JetEmailClient
import Testing
import TestSupport

/// `doctor` as a process: all well against the sandbox; then, against loopback servers that
/// misbehave on purpose, each fault fails its own check with its own message: a wrong key (401),
/// a skewed clock (the Date header), TLS to a plain port, a proxy that refuses.
@Suite struct DoctorCommandTests {
    let dir = TemporaryDirectory()
    var key: String { dir.file("key", "api_doctor0000000001") }

    func run(_ arguments: [String], _ environment: [String: String]) async throws -> (BuiltProgram.Result, [String: [String: Any]]) {
        let r = try await BuiltProgram.run(["doctor", "--json", "--api-key-file", key] + arguments, environment: environment)
        let report = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any]
        var checks: [String: [String: Any]] = [:]
        for check in report?["checks"] as? [[String: Any]] ?? [] { checks[check["name"] as? String ?? ""] = check }
        return (r, checks)
    }

    static let list = #"{"success":true,"result":[]}"#

    @Test func allWellAgainstTheSandbox() async throws {
        let backend = try await SandboxBackend(seed: 2)
        let sandboxKey = dir.file("sandbox-key", backend.server.apiKey)
        let r = try await BuiltProgram.run(["doctor", "--json", "--api-key-file", sandboxKey], environment: backend.environment)
        await backend.stop()
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains(#""name" : "clock""#) && r.stdout.contains("in step with the API"), "\(r.stdout)")
        #expect(!r.stdout.contains(backend.server.apiKey), "the key only masked")
    }

    /// The shared request ledger: its state when usable, an error (and the file behind a link
    /// left alone) when not.
    @Test func theRequestLedgerIsReportedAndALinkInItsPlaceIsAnError() async throws {
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, Self.list))] }
        let state = TemporaryDirectory()
        let port = server.baseURL.split(separator: ":").last.map(String.init) ?? ""
        let (_, fine) = try await run([], ["JETEMAIL_BASE_URL": server.baseURL, "XDG_STATE_HOME": state.path])
        let detail = fine["request budget"]?["detail"] as? String ?? ""
        #expect(fine["request budget"]?["status"] as? String == "ok" && detail.contains("budget-127.0.0.1_\(port).ledger")
                && detail.contains("requests in the last minute"), "\(fine["request budget"] ?? [:])")
        let other = TemporaryDirectory()
        let target = other.file("precious", "keep me")
        try FileManager.default.createDirectory(atPath: other.path + "/jetemail-webhooks", withIntermediateDirectories: true)
        symlink(target, other.path + "/jetemail-webhooks/budget-127.0.0.1_\(port).ledger")
        let (_, linked) = try await run([], ["JETEMAIL_BASE_URL": server.baseURL, "XDG_STATE_HOME": other.path])
        #expect(linked["request budget"]?["status"] as? String == "error"
                && (linked["request budget"]?["detail"] as? String)?.contains("symbolic link") == true, "\(linked["request budget"] ?? [:])")
        #expect(FileManager.default.contents(atPath: target) == Data("keep me".utf8), "the file behind the link is left alone")
    }

    @Test func aWrongKeyFailsTheKeyCheck() async throws {
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(401, #"{"success":false,"error":"Invalid API key"}"#))] }
        let (r, checks) = try await run([], ["JETEMAIL_BASE_URL": server.baseURL])
        #expect(r.status == 1)
        #expect(checks["key accepted"]?["status"] as? String == "error" && (checks["key accepted"]?["advice"] as? String)?.contains("401") == true)
        #expect(checks["TCP"]?["status"] as? String == "ok", "the way there was fine")
    }

    @Test(arguments: [(1_000, "error"), (60, "warning"), (0, "ok")])
    func aSkewedClockIsSaidAgainstTheSignatureWindow(skew: Int, status: String) async throws {
        let server = try MisbehavingServer { _ in
            let date = HTTPDate.format(Int(Date().timeIntervalSince1970) - skew)
            return [.sendText(MisbehavingServer.answer(200, Self.list, headers: ["Date: \(date)"]))]
        }
        let (r, checks) = try await run([], ["JETEMAIL_BASE_URL": server.baseURL])
        #expect(checks["clock"]?["status"] as? String == status, "\(checks["clock"] ?? [:])")
        #expect(r.status == (status == "error" ? 1 : 0))
        if status == "error" { #expect((checks["clock"]?["advice"] as? String)?.contains("300 s") == true) }
    }

    @Test func tlsToAPlainPortFailsTheTLSCheck() async throws {
        let server = try MisbehavingServer(readRequest: false) { _ in [.sendText(MisbehavingServer.answer(200, Self.list))] }
        let (r, checks) = try await run(["--base-url", "https://127.0.0.1:\(server.port)", "--timeout", "3"], [:])
        #expect(r.status == 1)
        #expect(checks["TCP"]?["status"] as? String == "ok" && checks["TLS"]?["status"] as? String == "error", "\(checks)")
        #expect(checks["key accepted"]?["detail"] as? String == "not tried: the API cannot be reached")
    }

    @Test func aProxyThatRefusesFailsTheKeyCheckWithProxyAdvice() async throws {
        // It refuses the CONNECT: nothing goes past it (no request leaves this machine).
        let proxy = try MisbehavingServer { _ in [.sendText("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")] }
        let (r, checks) = try await run(["--timeout", "5"], ["HTTPS_PROXY": proxy.baseURL])
        #expect(r.status == 1)
        #expect((checks["proxy"]?["detail"] as? String)?.contains("127.0.0.1:\(proxy.port)") == true)
        #expect(checks["TCP"]?["status"] as? String == "ok", "TCP to the proxy")
        #expect(checks["key accepted"]?["status"] as? String == "error", "\(checks["key accepted"] ?? [:])")
        // The TCP check connects and sends nothing; the key check asks the proxy to CONNECT.
        #expect(proxy.received.filter { !$0.isEmpty }.allSatisfy { $0.hasPrefix("CONNECT api.jetemail.com:443") }, "\(proxy.received)")
    }

    @Test func httpDatesParseAndFormatAndHostileOnesAreRefused() {
        #expect(HTTPDate.parse("Sun, 06 Dec 2026 02:10:00 GMT") == 1_796_523_000)
        #expect(HTTPDate.format(1_796_523_000) == "Sun, 06 Dec 2026 02:10:00 GMT")
        #expect(HTTPDate.parse(HTTPDate.format(0)) == 0)
        for bad in ["", "yesterday", "Sun, 31 Feb 2026 02:10:00 GMT", "Sun, 06 Dec 2026 25:10:00 GMT", "Sun, 06 Dec 99999999999999999999 02:10:00 GMT",
                    "Sun, 06 Dec 2026 02:10:00 PST", String(repeating: "x", count: 10_000)] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad.prefix(40))")
        }
    }
}
