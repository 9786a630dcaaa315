import Foundation
import JetEmailClient
import Testing
import TestSupport

/// Both of JetEmail's signature schemes, `verify` and `send-example`, checked against another
/// implementation: Python's `hmac`, run by the test (the secret goes to it on stdin, never argv).
/// Event webhooks: `sha256=` + hex HMAC of the body; inbound domains: hex HMAC of
/// `{webhook_id}.{timestamp}.{body}`, no prefix.
@Suite struct SignatureSchemesTests {
    let dir = TemporaryDirectory()
    static let secret = "whsec_inbound_test_0123456789abcdef"

    /// Python's hex HMAC-SHA256 of `message` keyed by `secret`.
    static func pythonHMAC(_ message: [UInt8], secret: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import base64, hashlib, hmac, json, sys
            d = json.load(sys.stdin)
            print(hmac.new(d["secret"].encode(), base64.b64decode(d["message"]), hashlib.sha256).hexdigest())
            """]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let request = try JSONSerialization.data(withJSONObject: ["secret": secret, "message": Data(message).base64EncodedString()])
        input.fileHandleForWriting.write(request)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func verify(_ arguments: [String], body: String) async throws -> BuiltProgram.Result {
        try await BuiltProgram.run(["verify", "--secret-file", dir.file("s.whsec", Self.secret)] + arguments, input: body)
    }

    @Test func anInboundSignatureMadeByPythonVerifiesAndAnyChangeFails() async throws {
        let body = #"{"from":"ada@example.org","subject":"Hello"}"#
        let now = String(Int(Date().timeIntervalSince1970))
        let signature = try Self.pythonHMAC(Array("wh_inb_42.\(now).\(body)".utf8), secret: Self.secret)
        #expect(signature.count == 64)
        let good = try await verify(["--scheme", "inbound", "--webhook-id", "wh_inb_42", "--timestamp", now, "--signature", signature], body: body)
        #expect(good.status == 0 && good.stdout.contains("valid"), "\(good.stdout) \(good.stderr)")
        // Without --scheme: no sha256= prefix and a webhook id mean inbound.
        await #expect(try verify(["--webhook-id", "wh_inb_42", "--timestamp", now, "--signature", signature], body: body).status == 0)
        await #expect(try verify(["--webhook-id", "wh_inb_43", "--timestamp", now, "--signature", signature], body: body).status == 1, "another webhook id")
        await #expect(try verify(["--webhook-id", "wh_inb_42", "--timestamp", String(Int(now)! + 1), "--signature", signature], body: body).status == 1,
                "another timestamp")
        await #expect(try verify(["--webhook-id", "wh_inb_42", "--timestamp", now, "--signature", signature], body: body + " ").status == 1, "another body")
        let prefixed = try await verify(["--scheme", "inbound", "--webhook-id", "wh_inb_42", "--timestamp", now, "--signature", "sha256=" + signature], body: body)
        #expect(prefixed.status == 1 && prefixed.stdout.contains("no sha256= prefix"))
        let stale = try Self.pythonHMAC(Array("wh_inb_42.1000.\(body)".utf8), secret: Self.secret)
        let old = try await verify(["--webhook-id", "wh_inb_42", "--timestamp", "1000", "--signature", stale], body: body)
        #expect(old.status == 1 && old.stdout.contains("stale"))
    }

    @Test func withoutAPrefixOrAWebhookIDItSaysWhatToGive() async throws {
        let r = try await verify(["--signature", String(repeating: "a", count: 64)], body: "{}")
        #expect(r.status == 2 && r.stderr.contains("--webhook-id") && r.stderr.contains("--scheme event"), "\(r.stderr)")
        let noStamp = try await verify(["--scheme", "inbound", "--webhook-id", "w", "--signature", String(repeating: "a", count: 64)], body: "{}")
        #expect(noStamp.status == 2 && noStamp.stderr.contains("--timestamp"))
    }

    @Test func anEventSignatureMadeByPythonVerifies() async throws {
        let body = #"{"id":"evt_1","type":"outbound.delivered"}"#
        let signature = "sha256=" + (try Self.pythonHMAC(Array(body.utf8), secret: Self.secret))
        #expect(try await verify(["--signature", signature], body: body).status == 0)
        #expect(try await verify(["--signature", signature], body: body + "x").status == 1)
    }

    /// Issue 30, item 3: during a rotation's overlap a receiver accepts either secret; `verify`
    /// with both says which one signed it, and that none did when neither.
    @Test func eitherOfTwoSecretsVerifiesAndTheOneThatMatchedIsNamed() async throws {
        let body = #"{"id":"evt_2","type":"outbound.delivered"}"#
        let old = dir.file("old.whsec", "whsec_old_secret_0123456789"), new = dir.file("new.whsec", "whsec_new_secret_9876543210")
        let signedByNew = "sha256=" + (try Self.pythonHMAC(Array(body.utf8), secret: "whsec_new_secret_9876543210"))
        let both = try await BuiltProgram.run(["verify", "--secret-file", old, "--secret-file", new, "--signature", signedByNew], input: body)
        #expect(both.status == 0 && both.stdout.contains("new.whsec (2 of 2)"), "\(both.stdout) \(both.stderr)")
        let oldOnly = try await BuiltProgram.run(["verify", "--secret-file", old, "--signature", signedByNew], input: body)
        #expect(oldOnly.status == 1 && oldOnly.stdout.contains("not signed with this secret"))
        let neither = try await BuiltProgram.run(["verify", "--secret-file", old, "--secret-file", dir.file("s.whsec", Self.secret), "--signature", signedByNew],
                                                 input: body)
        #expect(neither.status == 1 && neither.stdout.contains("none of the 2 secrets"), "\(neither.stdout)")
        let missing = try await BuiltProgram.run(["verify", "--secret-file", new, "--secret-file", dir.path + "/absent", "--signature", signedByNew], input: body)
        #expect(missing.status == 2, "a file that cannot be read is a usage error, before anything is checked")
    }

    @Test func sendExampleSignsAnInboundEmailAsPythonDoes() async throws {
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, "{}"))] }
        let r = try await BuiltProgram.run(["send-example", "--url", server.baseURL + "/inbound", "--secret-file", dir.file("i.whsec", Self.secret),
                                      "--scheme", "inbound", "--webhook-id", "wh_inb_7", "--json"])
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        let request = try #require(server.received.first)
        let (head, body) = try #require(Self.split(request))
        func header(_ name: String) async -> String? {
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
        }
        await #expect(header("X-Webhook-ID") == "wh_inb_7")
        let stamp = try await #require(header("X-Webhook-Timestamp"))
        let expected = try Self.pythonHMAC(Array("wh_inb_7.\(stamp).".utf8) + Array(body.utf8), secret: Self.secret)
        await #expect(header("X-Webhook-Signature") == expected, "no prefix, over id.timestamp.body")
        #expect(body.contains("received_at") && !r.stdout.contains(Self.secret))
        let mixed = try await BuiltProgram.run(["send-example", "--url", server.baseURL, "--secret-file", dir.file("j.whsec", Self.secret), "--scheme", "inbound"])
        #expect(mixed.status == 2 && mixed.stderr.contains("--webhook-id"))
    }

    /// A request's head and body.
    static func split(_ request: String) -> (String, String)? {
        guard let range = request.range(of: "\r\n\r\n") else { return nil }
        return (String(request[..<range.lowerBound]), String(request[range.upperBound...]))
    }
}
