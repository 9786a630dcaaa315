import Foundation
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// Issue 17: answers that crashed, flooded, changed the wrong webhook or misled, each from a
/// loopback server that misbehaves on purpose.
@Suite struct HostileAnswersTests {
    static let key = "api_secretkey1234"

    func client(_ base: String, deadline: Int = 10) throws -> JetEmailClient {
        JetEmailClient(baseURL: try BaseURL(base), key: APIKey(Self.key)!,
                       transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: deadline)))
    }

    static func webhookJSON(_ uuid: String, status: String = "1") -> String {
        #"{"uuid":"\#(uuid)","name":"Orders","url":"https://hooks.example.com/o","events":["outbound.delivered"],"status":\#(status)}"#
    }

    /// The error `work` ends with, or nil.
    func failure<T>(_ work: () async throws -> T) async -> JetEmailError? {
        do { _ = try await work(); return nil } catch { return error as? JetEmailError ?? .notConfigured(reason: "\(error)") }
    }

    /// A server that answers each request by its first line.
    func server(_ answer: @escaping @Sendable (String) -> String) throws -> MisbehavingServer {
        try MisbehavingServer { request in [.sendText(answer(request.components(separatedBy: "\r\n").first ?? ""))] }
    }

    @Test(arguments: [401, 400, 500])
    func aServerEchoingTheKeyNeverHasItShown(_ status: Int) async throws {
        // Item 12: "Invalid API key api_…" came back on stderr and in the status line.
        let server = try server { _ in MisbehavingServer.answer(status, #"{"success":false,"error":"Invalid API key \#(Self.key) for this account"}"#) }
        let c = try client(server.baseURL)
        let message = try #require(await failure { try await c.listWebhooks() }).message(doing: .read)
        #expect(!message.contains(Self.key) && message.contains("[redacted]"), "\(message)")
    }

    @Test func getRefusesSuccessFalseAndAnotherWebhook() async throws {
        // Item 8: `success: false` gave an empty webhook with exit 0; another uuid was patched.
        let server = try server { line in
            line.contains("/webhooks/wanted") ? MisbehavingServer.answer(200, Self.webhookJSON("someone-else"))
                : MisbehavingServer.answer(200, #"{"success":false,"error":"nope"}"#)
        }
        let c = try client(server.baseURL)
        #expect(await failure { try await c.getWebhook(uuid: "other") }?.readMessage.contains("success is false") == true)
        let other = await failure { try await c.getWebhook(uuid: "wanted") }
        #expect(other?.readMessage.contains("another webhook") == true, "another webhook was taken for the one asked for")
    }

    @Test func aPatchThatWorkedIsSavedEvenWhenTheReadBackFails() async throws {
        // Item 16: "The API failed… try again later" after a PATCH that had been applied.
        let server = try server { line in
            line.hasPrefix("PATCH") ? MisbehavingServer.answer(200, #"{"success":true,"message":"Webhook updated"}"#)
                : MisbehavingServer.answer(503, #"{"error":"busy"}"#)
        }
        let c = try client(server.baseURL)
        let error = await failure { try await c.updateWebhook(WebhookPatch(uuid: "u-1", name: "New")) }
        guard case .savedButNotRead? = error else { Issue.record("expected savedButNotRead, got \(String(describing: error))"); return }
        #expect(error?.message(doing: .change).hasPrefix("The change was saved") == true)
    }

    @Test func onlyTheDocumentedReplayAnswerSaysEnqueued() async throws {
        // Item 20: any 200 object (a webhook, {}) was reported as "enqueued".
        let server = try server { _ in MisbehavingServer.answer(200, Self.webhookJSON("u-1")) }
        let c = try client(server.baseURL)
        let error = await failure { try await c.replay(ReplayTarget(.eventID("evt_1"), uuid: "u-1")) }
        #expect(error?.message(doing: .replay).contains("may have been enqueued") == true, "a webhook object was taken for a receipt: \(String(describing: error))")
    }

    @Test func a404OnTheListTheLogOrTheAccountsListsNamesThePathNotAWebhook() async throws {
        // Item 21: "This webhook no longer exists" for a 404 from /webhooks, /webhooks/query, /outbound/….
        let server = try server { _ in MisbehavingServer.answer(404, #"{"error":"Not Found"}"#) }
        let c = try client(server.baseURL)
        var messages: [String] = []
        for error in [await failure { try await c.listWebhooks() }, await failure { try await c.queryDeliveries(DeliveryQuery(limit: 1)) },
                      await failure { try await c.accountUsers() }] {
            if let error { messages.append(error.readMessage) }
        }
        #expect(messages.count == 3)
        for m in messages { #expect(!m.contains("webhook no longer exists") && m.contains("404") && m.contains("--base-url"), "\(m)") }
        #expect(messages[0].contains("GET /webhooks") && messages[1].contains("POST /webhooks/query"))
    }

    @Test func oneBadEventLeavesTheRestOfThePageReadable() async throws {
        // Item 19: a 4.5 MiB payload, a 100,000-deep one or 1e999 made the whole log unviewable.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let huge = #"{"blob":""# + String(repeating: "x", count: 4_700_000) + #""}"#
        func event(_ id: String, _ payload: String) -> String {
            #"{"id":"\#(id)","uuid":"u-1","event_type":"outbound.delivered","latest_status":"failed","total_attempts":6,"payload":\#(payload)}"#
        }
        let body = #"{"events":["# + [event("evt_deep", deep), event("evt_big", huge), event("evt_inf", #"{"n":1e999}"#),
                                       event("evt_ok", #"{"to":"a@example.org"}"#)].joined(separator: ",") + #"],"total":4,"limit":100,"offset":0}"#
        let server = try server { _ in MisbehavingServer.answer(200, body) }
        let page = try await client(server.baseURL).queryDeliveries(DeliveryQuery(limit: 100))
        #expect(page.events.map(\.id) == ["evt_deep", "evt_big", "evt_inf", "evt_ok"])
        #expect(page.events[0].payload == nil && page.events[0].payloadProblem?.contains("nested deeper") == true)
        #expect(page.events[1].payload == nil && page.events[1].payloadProblem?.contains("larger than") == true)
        #expect(page.events[2].payload == nil && page.events[2].payloadProblem?.contains("out of range") == true)
        #expect(page.events[3].payload == .object(["to": .string("a@example.org")]) && page.events[3].payloadProblem == nil)
    }

    @Test func oneUnreadableUserListLeavesTheOther() async throws {
        // Item 19: a list of the account's users that could not be read left no picker at all.
        let server = try server { line in
            line.contains("transactional-keys") ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nnope!"
                : MisbehavingServer.answer(200, #"{"success":true,"smarthosts":[{"username":"smarthost-eu"}]}"#)
        }
        let users = try await client(server.baseURL).accountUsers()
        #expect(users.names == ["smarthost-eu"])
        #expect(users.missing?.hasPrefix("transactional keys could not be read") == true, "\(users.missing ?? "")")
    }

    @Test func aListOverItsLimitSaysWhichLimit() async throws {
        // Item 28: a 68 MB list said "larger than 4 MiB" (its limit is 64 MiB).
        let server = try MisbehavingServer { _ in
            [.sendText("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(68 << 20)\r\n\r\n"),
             .send([UInt8](repeating: 0x20, count: 68 << 20))]
        }
        let c = try client(server.baseURL, deadline: 30)
        let error = await failure { try await c.listWebhooks() }
        #expect(error?.readMessage.contains("larger than 64 MiB") == true, "\(String(describing: error?.readMessage))")
    }

    @Test func pageNumbersFromTheServerNeverGoNegativeOrTrap() throws {
        // Item 28: a negative offset gave "1-0 of -99999999999900"; huge ones must not overflow.
        for (offset, total) in [("-99999999999999", "-99999999999900"), ("999999999999999", "9223372036854775807"), ("1e300", "1e300")] {
            let body = #"{"events":[{"id":"e"}],"total":\#(total),"limit":100,"offset":\#(offset)}"#
            let page = try ResponseInterpreter.deliveryPage(APIResponse(status: 200, headers: [:], body: Array(body.utf8)), asked: DeliveryQuery())
            #expect(page.offset >= 0 && page.total >= page.offset + page.events.count, "\(offset), \(total): \(page)")
        }
    }
}

/// Issue 17 items 1 and 28: the signature check and send-example, with numbers and receivers that
/// misbehave.
@Suite struct HostileReceiverTests {
    let body = Array(#"{"id":"evt_1"}"#.utf8)
    let secret = "whsec_edge"

    @Test(arguments: [Int.min, Int.max, Int.min + 1, -1])
    func aTimestampAtTheEdgesOfIntIsStaleOrInTheFutureNeverATrap(_ timestamp: Int) {
        let signature = WebhookSignature.header(body: body, secret: secret)
        let verdict = WebhookSignature.verify(body: body, secret: secret, signature: signature, timestamp: timestamp, now: 1_800_000_000)
        switch verdict {
        case .stale, .fromTheFuture: #expect(!verdict.description.contains("922337"), "\(verdict.description)")
        default: Issue.record("\(timestamp): \(verdict)")
        }
    }

    func transport() throws -> AsyncHTTPTransport { try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 10)) }

    @Test func aReceiverThatAnswers200ThenTenMegabytesIsDelivered() async throws {
        // Item 14: reported as "retried" with no status.
        let server = try MisbehavingServer { _ in
            [.sendText("HTTP/1.1 200 OK\r\nContent-Length: \(10 << 20)\r\n\r\n"), .send([UInt8](repeating: 0x6F, count: 10 << 20))]
        }
        let report = await ReceiverTest.send(SampleEvent.example(type: "outbound.delivered", now: 1_800_000_000), url: server.baseURL,
                                             secret: secret, transport: try transport())
        #expect(report.status == 200 && report.verdict == .delivered, "\(report.summary)")
        #expect(report.summary.contains("the rest was not read"))
    }

    @Test func aReceiverThatClosesOrIsNotHTTPIsSaidInItsOwnTerms() async throws {
        // Item 14: "The webhook may have been created" after a receiver test.
        for steps: [MisbehavingServer.Step] in [[.close], [.sendText("SSH-2.0-OpenSSH_9.2\r\n\r\n"), .close]] {
            let server = try MisbehavingServer { _ in steps }
            let report = await ReceiverTest.send(SampleEvent.example(type: "outbound.delivered", now: 1_800_000_000), url: server.baseURL,
                                                 secret: secret, transport: try transport())
            #expect(report.verdict == .retried && !report.summary.contains("webhook may have been created"), "\(report.summary)")
            #expect(report.summary.contains("receiver"), "\(report.summary)")
        }
    }

    @Test func nothingListeningOrNoSuchHostIsNoConnectionNotNoAnswer() async throws {
        // Item 28: "Check --base-url" for send-example's --url; a DNS failure was "no answer in 3 ms".
        let closed = await ReceiverTest.send(SampleEvent.example(type: "outbound.delivered", now: 1), url: "http://127.0.0.1:9/hook",
                                             secret: secret, transport: try transport())
        #expect(closed.summary.hasPrefix("no connection in") && closed.summary.contains("nothing is listening there"), "\(closed.summary)")
        #expect(!closed.summary.contains("--base-url"))
        let dns = await ReceiverTest.send(SampleEvent.example(type: "outbound.delivered", now: 1), url: "http://no-such-host.invalid/hook",
                                          secret: secret, transport: try transport())
        #expect(dns.summary.hasPrefix("no connection in") && dns.summary.contains("cannot resolve"), "\(dns.summary)")
    }

    @Test func everyExampleHasItsOwnEventID() {
        // Item 28: examples within a second reused one id, which a de-duplicating receiver drops.
        let ids = Set((0..<50).map { _ in SampleEvent.example(type: "outbound.delivered", now: 1_800_000_000).id })
        #expect(ids.count == 50)
    }
}
