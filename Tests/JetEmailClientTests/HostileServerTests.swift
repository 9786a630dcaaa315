import Foundation
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// The client against loopback servers that misbehave on purpose (issue 9): slow, huge, broken,
/// hostile answers, and a proxy that fails. Each says whether the webhook may exist, exactly.
@Suite(.serialized) struct HostileServerTests {
    let request = CreateWebhookRequest(name: "Probe", url: "https://example.com/hook", events: [.outboundDelivered])

    func client(_ base: String, deadline: Int = 10, proxy: ProxySettings? = nil) throws -> JetEmailClient {
        JetEmailClient(baseURL: try BaseURL(base), key: APIKey("api_secretkey1234")!,
                       transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: deadline, proxy: proxy)))
    }

    func createError(_ client: JetEmailClient) async -> JetEmailError? {
        do { _ = try await client.createWebhook(request); return nil } catch { return error }
    }

    static let created = #"{"success":true,"webhook":{"uuid":"u-1","name":"Probe","url":"https://example.com/hook","events":["outbound.delivered"],"status":1,"secret":"whsec_abc"}}"#

    @Test func aSlowBodyIsBoundedByTheDeadline() async throws {
        // Item 4: the head at once, then the body one byte a second (it would take 370 s).
        let body = Array(Self.created.utf8)
        let server = try MisbehavingServer { _ in
            [.sendText("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"),
             .trickle(body, everySeconds: 1)]
        }
        let started = Date()
        let e = await createError(try client(server.baseURL, deadline: 2))
        let elapsed = Date().timeIntervalSince(started)
        #expect(e == .noAnswer(.timedOut, deadlineSeconds: 2))
        #expect(e?.outcomeUnknown == true)
        // The body would take 370 s. The bound is loose on purpose: on two cores the suites that
        // block a thread (processes, tmux) can hold this task's resumption for half a minute.
        #expect(elapsed < 150, "ended after \(elapsed) s, not when the body would have ended")
    }

    @Test func aSlowHeadIsBoundedByTheDeadline() async throws {
        let server = try MisbehavingServer { _ in [.trickle(Array(MisbehavingServer.answer(200, Self.created).utf8), everySeconds: 1)] }
        let e = await createError(try client(server.baseURL, deadline: 2))
        #expect(e?.outcomeUnknown == true)
        #expect(e?.message.contains("may have been created") == true)
    }

    /// What each misbehaving server sends, by a short name: the test's label stays short
    /// (a 10 MB body in a test's arguments made `swift test` print 42 MB).
    static let afterSending: [String: [MisbehavingServer.Step]] = [
        "a 10 MB body": [.sendText("HTTP/1.1 200 OK\r\nContent-Length: 10485760\r\n\r\n"), .send([UInt8](repeating: 0x61, count: 10 << 20))],
        "not HTTP": [.sendText("SSH-2.0-OpenSSH_9.2\r\n\r\n"), .close],
        "headers then close": [.sendText("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"succ"), .close],
        "chunked garbage": [.sendText("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n"), .close],
        "invalid UTF-8": [.send(Array("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n".utf8) + [0xFF, 0xFE, 0x7B, 0x7D])],
        "a close before any answer": [.close],
    ]

    @Test(arguments: ["a 10 MB body", "not HTTP", "headers then close", "chunked garbage", "invalid UTF-8", "a close before any answer"])
    func failuresAfterSendingSayTheWebhookMayExist(_ label: String) async throws {
        // Item 7: the request reached the server; whatever went wrong next, the webhook may exist.
        let steps = try #require(Self.afterSending[label])
        let server = try MisbehavingServer { _ in steps }
        let e = await createError(try client(server.baseURL))
        #expect(e?.outcomeUnknown == true, "\(label): \(String(describing: e))")
        #expect(e?.message.contains("may have been created") == true, "\(label): \(e?.message ?? "no error")")
        #expect(server.received.first?.hasPrefix("POST /webhooks") == true)
    }

    @Test func aProxyThatRefusesConnectSaysNothingWasSent() async throws {
        // Item 7: the proxy fails at CONNECT, so the API never saw the request.
        let proxy = try MisbehavingServer { _ in [.sendText("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"), .close] }
        let e = await createError(try client("https://api.jetemail.invalid", proxy: ProxySettings(kind: .http, host: "127.0.0.1", port: proxy.port)))
        #expect(e?.outcomeUnknown == false, "\(String(describing: e))")
        #expect(e?.message.contains("may have been created") == false)
        #expect(proxy.received.first?.hasPrefix("CONNECT api.jetemail.invalid:443") == true)
    }

    @Test func aProxyThatHangsUpAtConnectSaysNothingWasSent() async throws {
        let proxy = try MisbehavingServer { _ in [.close] }
        let e = await createError(try client("https://api.jetemail.invalid", proxy: ProxySettings(kind: .http, host: "127.0.0.1", port: proxy.port)))
        #expect(e?.outcomeUnknown == false, "\(String(describing: e))")
    }

    @Test func aSecretIsKeptWhateverElseIsOdd() async throws {
        // Item 6: a valid secret beside fields of unexpected types.
        let odd = #"{"success":true,"webhook":{"uuid":12345,"name":"Probe","url":"https://example.com/hook","events":{"a":1},"status":"paused","filter_users":"u1","secret":"whsec_kept"}}"#
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, odd))] }
        let webhook = try await client(server.baseURL).createWebhook(request)
        #expect(webhook.secret == "whsec_kept")
        #expect(webhook.uuid == "12345")
        #expect(Set(webhook.unreadable) == ["events", "status", "filter_users"])
    }

    @Test func serverTextIsEscapedAndCut() async throws {
        // Item 3 (client side) and item 5: a hostile 400 message of 100 KB with escapes.
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m" + String(repeating: "x", count: 100_000)
        let body = String(data: try JSONEncoder().encode(["error": hostile]), encoding: .utf8)!
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(400, body))] }
        let e = try #require(await createError(try client(server.baseURL)))
        #expect(!e.message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(e.message.contains("\\x1b]0;pwned\\x07"))
        #expect(e.message.contains("\\u009b31m"))
        #expect(e.message.count < 1000)
    }

    @Test func aRedirectNamesWhereItPoints() async throws {
        // Item 19: not "HTTP 301: HTTP 301".
        let server = try MisbehavingServer { _ in
            [.sendText("HTTP/1.1 301 Moved\r\nLocation: https://elsewhere.example/webhooks\r\nContent-Length: 0\r\n\r\n")]
        }
        let e = await createError(try client(server.baseURL))
        #expect(e == .redirected(status: 301, location: "https://elsewhere.example/webhooks"))
        #expect(e?.message.contains("https://elsewhere.example/webhooks") == true)
        #expect(server.received.count == 1, "not followed")
    }

    @Test func retryAfterOfAnyShapeIsReadWithoutTrapping() async throws {
        // Item 1: the header that crashed the form, through the real client.
        let server = try MisbehavingServer { _ in
            [.sendText(MisbehavingServer.answer(429, #"{"error":"slow down"}"#, headers: ["Retry-After: 9223372036854775807999"]))]
        }
        let e = await createError(try client(server.baseURL))
        #expect(e == .rateLimited(retryAfter: Int.max, message: "slow down"))
        #expect(e?.message.contains("more than an hour") == true)
    }

    @Test func noErrorCarriesTheKey() {
        // Item 2: whatever a library puts in its error, the key is taken out.
        let key = "api_secretkey1234"
        let e = JetEmailError.network(.other, detail: "HTTPClientError.invalidHeaderFieldValues([\"Bearer \(key)\"])").redacting(key)
        #expect(!e.message.contains(key))
        #expect(e.message.contains("[redacted]"))
    }
}
