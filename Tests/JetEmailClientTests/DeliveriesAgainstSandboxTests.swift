import Foundation
import JetEmailSandbox
import Testing
@testable import JetEmailClient
import JetEmailHTTP

/// The delivery log, replay and the account's filter choices: the real client over loopback
/// HTTP against the sandbox seeded with deliveries, every query filter checked against the
/// sandbox's own log.
@Suite(.serialized) struct DeliveriesAgainstSandboxTests {
    func withSandbox(deliveries: Int = 600, replaysSettleAfter: Int? = nil, _ body: (SandboxServer, JetEmailClient) async throws -> Void) async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(seed: 6, seedDeliveries: deliveries, replaysSettleAfter: replaysSettleAfter))
        let port = try await server.start()
        let client = JetEmailClient(baseURL: try BaseURL("http://127.0.0.1:\(port)"), key: APIKey(server.apiKey)!,
                                    transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 10)))
        do { try await body(server, client) } catch { await server.stop(); throw error }
        await server.stop()
    }

    @Test func aPageHasTheEventsTotalLimitAndOffsetNewestFirst() async throws {
        try await withSandbox { server, client in
            let page = try await client.queryDeliveries(DeliveryQuery(limit: 100, offset: 50))
            #expect(page.total == 600 && page.limit == 100 && page.offset == 50)
            #expect(page.events.map(\.id) == server.deliveries[50..<150].map(\.id))
            let times = page.events.compactMap(\.createdAt)
            #expect(times == times.sorted(by: >), "newest first")
            let first = try #require(page.events.first)
            #expect(first.id.hasPrefix("evt_") && !first.uuid.isEmpty && !first.webhookURL.isEmpty)
            #expect(first.payload?.object?["type"]?.string == first.eventType.rawValue, "the payload is JetEmail's envelope")
            let sent = try #require(server.received.last)
            #expect(sent.method == "POST" && sent.path == "/webhooks/query" && sent.bodyText == #"{"limit":100,"offset":50}"#)
        }
    }

    @Test func everyFilterSelectsWhatTheLogHolds() async throws {
        try await withSandbox { server, client in
            let all = server.deliveries
            let sample = all[37]
            let cases: [(DeliveryQuery, (Delivery) -> Bool)] = [
                (DeliveryQuery(uuid: sample.uuid), { $0.uuid == sample.uuid }),
                (DeliveryQuery(eventID: sample.id), { $0.id == sample.id }),
                (DeliveryQuery(sourceUID: sample.sourceUID), { $0.sourceUID == sample.sourceUID }),
                (DeliveryQuery(eventType: sample.eventType.rawValue), { $0.eventType == sample.eventType }),
                (DeliveryQuery(status: .failed), { $0.status == .failed }),
                (DeliveryQuery(status: .retry), { $0.status == .retry }),
                (DeliveryQuery(dateFrom: all[100].createdAt, dateTo: all[40].createdAt), { ($0.createdAt ?? 0) >= all[100].createdAt! && ($0.createdAt ?? 0) <= all[40].createdAt! }),
                (DeliveryQuery(uuid: sample.uuid, status: .success), { $0.uuid == sample.uuid && $0.status == .success }),
            ]
            for (query, keep) in cases {
                var q = query
                q.limit = 1000
                let page = try await client.queryDeliveries(q)
                let expected = all.filter(keep)
                #expect(!expected.isEmpty, "the seeded log has some for \(q)")
                #expect(page.total == expected.count && page.events.map(\.id) == expected.map(\.id), "\(q)")
            }
        }
    }

    @Test func outboundQueuedIsAFilterTooAndAnUnknownTypeIsRefusedBeforeSending() async throws {
        try await withSandbox { server, client in
            let queued = try await client.queryDeliveries(DeliveryQuery(eventType: "outbound.queued", limit: 1000))
            #expect(queued.total == server.deliveries.filter { $0.eventType.rawValue == "outbound.queued" }.count && queued.total > 0)
            let before = server.received.count
            do { _ = try await client.queryDeliveries(DeliveryQuery(eventType: "outbound.nope")); Issue.record("sent") } catch let error as JetEmailError {
                #expect(error.message.contains("not an event type"))
            }
            do { _ = try await client.queryDeliveries(DeliveryQuery(limit: 1001)); Issue.record("sent") } catch let error as JetEmailError {
                #expect(error.message.contains("between 1 and 1000"))
            }
            #expect(server.received.count == before, "nothing was sent")
        }
    }

    @Test func withReplaysSettlingAReplayIsPendingThenDeliveredAndOneInTwentyFailsAgain() async throws {
        try await withSandbox(replaysSettleAfter: 3) { server, client in
            let targets = Array(server.deliveries.prefix(20))
            for target in targets { _ = try await client.replay(ReplayTarget(.eventID(target.id), uuid: target.uuid)) }
            func statuses() async throws -> [String] {
                var out: [String] = []
                for target in targets { out += try await client.queryDeliveries(DeliveryQuery(eventID: target.id)).events.compactMap(\.latestStatus) }
                return out
            }
            #expect(try await statuses().allSatisfy { $0 == "pending" }, "pending until it settles")
            // A delivery arriving meanwhile moves every stored index: the right ones still settle.
            _ = server.deliverNow(to: targets[0].uuid)
            try await Task.sleep(for: .milliseconds(4_100))
            let settled = try await statuses()
            #expect(settled.filter { $0 == "success" }.count == 19 && settled.filter { $0 == "failed" }.count == 1, "\(settled)")
        }
    }

    @Test func replayRecordsTheReplayAndAddsAnAttempt() async throws {
        try await withSandbox { server, client in
            let target = server.deliveries[5]
            let receipt = try await client.replay(ReplayTarget(.eventID(target.id), uuid: target.uuid))
            #expect(receipt.eventID == target.id && receipt.status == "enqueued")
            #expect(server.replays.map(\.eventID) == [target.id] && server.replays.map(\.uuid) == [target.uuid] && server.replays[0].sourceUID == nil)
            let after = try await client.queryDeliveries(DeliveryQuery(eventID: target.id)).events.first
            #expect(after?.totalAttempts == (target.totalAttempts ?? 0) + 1 && after?.latestStatus == "pending")
            #expect(server.received.last { $0.path == "/webhooks/replay" }?.bodyText == #"{"event_id":"\#(target.id)","uuid":"\#(target.uuid)"}"#)
            do { _ = try await client.replay(ReplayTarget(.eventID("evt_none"))); Issue.record("replayed") } catch let error as JetEmailError {
                #expect(error == .eventNotFound(message: "Event not found"))
                #expect(error.message.contains("no such event"))
            }
            let bySource = try await client.replay(ReplayTarget(.sourceUID(target.sourceUID)))
            #expect(bySource.status == "enqueued")
        }
    }

    @Test func theAccountsUsersAndDomainsAndNeverATokenKept() async throws {
        try await withSandbox(deliveries: 0) { server, client in
            let users = try await client.accountUsers(), domains = try await client.inboundDomains()
            #expect(users == AccountNames(names: ["transactional-main", "smarthost-eu"]))
            #expect(domains == ["example.com", "test.com"])
            #expect(server.received.map(\.path) == ["/outbound/transactional-keys", "/outbound/smarthost", "/inbound/domains"])
        }
    }
}

/// The shapes NOTES.md leaves open, and answers that are wrong, read from bytes.
@Suite struct DeliveryAnswerDecodingTests {
    func response(_ body: String, status: Int = 200) -> APIResponse { APIResponse(status: status, headers: [:], body: Array(body.utf8)) }

    @Test func usernamesUnderEitherKeySpellingAndTokensAreNotKept() throws {
        for key in ["transactionalKeys", "transactional-keys"] {
            let body = #"{"success":true,"\#(key)":[{"uuid":"1","name":"main","api_token":"transactional_SECRET","status":"active"},{"uuid":"2","username":"eu","name":"EU key","api_token":"transactional_OTHER"}]}"#
            let names = try ResponseInterpreter.usernames(response(body))
            #expect(names == ["main", "eu"], "username first, else name (\(key))")
            #expect(!names.joined().contains("transactional_"))
        }
        #expect(try ResponseInterpreter.usernames(response(#"{"success":true,"smarthosts":[{"username":"relay-1","status":"active"}]}"#)) == ["relay-1"])
    }

    @Test func domainsUnderAnyEnvelope() throws {
        for body in [#"[{"domain":"a.com"}]"#, #"{"domains":[{"domain":"a.com","status":"verified"}]}"#, #"{"success":true,"data":[{"domain":"a.com"}]}"#, #"{"result":["a.com"]}"#] {
            #expect(try ResponseInterpreter.domains(response(body)) == ["a.com"], "\(body)")
        }
        #expect(throws: JetEmailError.self) { try ResponseInterpreter.domains(response(#"{"nothing":1}"#)) }
    }

    @Test func aDeliveryIsReadToleratingNumbersAndPayloadText() throws {
        let body = #"{"data":{"events":[{"id":123,"uuid":"u","event_type":"outbound.queued","payload":"{\"a\":1}","created_at":"1800000000","latest_status":"weird","total_attempts":"2","last_response_code":null}],"total":7}}"#
        let page = try ResponseInterpreter.deliveryPage(response(body), asked: DeliveryQuery(limit: 50, offset: 0))
        let d = try #require(page.events.first)
        #expect(d.id == "123" && d.eventType.rawValue == "outbound.queued" && d.createdAt == 1_800_000_000 && d.totalAttempts == 2)
        #expect(d.payload == .object(["a": .number(1)]), "JSON text in payload is parsed")
        #expect(d.status == nil && d.latestStatus == "weird", "an unknown status is kept as its word")
        #expect(page.total == 7 && page.limit == 50)
        #expect(throws: JetEmailError.self) { try ResponseInterpreter.deliveryPage(response(#"{"events":"no"}"#), asked: DeliveryQuery()) }
    }

    @Test func theQueryBodyHasOnlyTheFiltersGiven() {
        let q = DeliveryQuery(uuid: "u", eventID: "e", sourceUID: "s", eventType: "inbound.spam", status: .retry, dateFrom: 1, dateTo: 2, limit: 3, offset: 4)
        #expect(String(decoding: q.encoded(), as: UTF8.self)
                == #"{"uuid":"u","event_id":"e","source_uid":"s","event_type":"inbound.spam","status":"retry","date_from":1,"date_to":2,"limit":3,"offset":4}"#)
        #expect(String(decoding: DeliveryQuery().encoded(), as: UTF8.self) == "{}")
    }
}
