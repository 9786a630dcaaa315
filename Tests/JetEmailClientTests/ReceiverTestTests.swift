import Foundation
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// `send-example` against receivers on loopback: one that checks the signature as a real
/// receiver would, one that fails with 500, one that never answers.
@Suite struct ReceiverTestTests {
    let secret = "whsec_receiver_test_0123456789"

    /// The body of a raw HTTP request, and one header's value.
    static func parts(_ request: String) -> (body: String, header: (String) -> String?) {
        let split = request.components(separatedBy: "\r\n\r\n")
        let head = split.first ?? ""
        let body = split.dropFirst().joined(separator: "\r\n\r\n")
        return (body, { name in
            head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        })
    }

    func transport(deadline: Int = ReceiverTest.deadlineSeconds) throws -> AsyncHTTPTransport {
        try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: deadline))
    }

    @Test func aReceiverCheckingTheSignatureAcceptsItAndSeesJetEmailsHeaders() async throws {
        let secret = secret
        let server = try MisbehavingServer { request in
            let (body, header) = Self.parts(request)
            let expected = WebhookSignature.header(body: Array(body.utf8), secret: secret)
            let ok = header("X-Webhook-Signature") == expected && header("X-Webhook-ID")?.hasPrefix("evt_") == true
                && Int(header("X-Webhook-Timestamp") ?? "") != nil && !request.contains(secret)
            return [.sendText(MisbehavingServer.answer(ok ? 200 : 401, ok ? "ok" : "bad signature"))]
        }
        let event = SampleEvent(type: "inbound.received", n: 4, createdAt: 1_800_000_000)
        let report = await ReceiverTest.send(event, url: server.baseURL + "/hook", secret: secret, transport: try transport())
        #expect(report.status == 200 && report.verdict == .delivered, "\(report.summary)")
        #expect(report.summary.contains("JetEmail would count it delivered"))
        let received = try #require(server.received.first)
        #expect(!received.contains(secret), "the secret never travels")
        #expect(received.hasPrefix("POST /hook HTTP/1.1"))

        // The same receiver refuses a body signed with another secret.
        let wrong = await ReceiverTest.send(event, url: server.baseURL + "/hook", secret: "whsec_other", transport: try transport())
        #expect(wrong.status == 401 && wrong.verdict == .discarded && wrong.summary.contains("bad signature"))
    }

    @Test func a500IsRetriedA429TooAndA404Discarded() async throws {
        for (status, verdict) in [(500, ReceiverTest.Verdict.retried), (429, .retried), (404, .discarded), (204, .delivered)] {
            let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(status, status == 204 ? "" : "\u{1b}]0;pwned\u{07}nope"))] }
            let report = await ReceiverTest.send(SampleEvent(type: "outbound.delivered", n: 1, createdAt: 1), url: server.baseURL,
                                                 secret: secret, transport: try transport())
            #expect(report.status == status && report.verdict == verdict)
            #expect(!report.summary.contains("\u{1b}"), "the receiver's answer is escaped")
        }
    }

    @Test func aReceiverThatNeverAnswersIsATimeoutJetEmailWouldRetry() async throws {
        let server = try MisbehavingServer { _ in [.pause(30)] }
        let report = await ReceiverTest.send(SampleEvent(type: "outbound.delivered", n: 1, createdAt: 1), url: server.baseURL,
                                             secret: secret, transport: try transport(deadline: 2))
        #expect(report.status == nil && report.verdict == .retried && report.detail == "no answer within 2 s", "ended by the deadline")
    }

    @Test func nothingListeningIsReportedAndUrlsAreChecked() async throws {
        let report = await ReceiverTest.send(SampleEvent(type: "outbound.delivered", n: 1, createdAt: 1), url: "http://127.0.0.1:9/",
                                             secret: secret, transport: try transport())
        #expect(report.status == nil && report.verdict == .retried && report.detail.contains("refused"))
        #expect(ReceiverTest.urlProblem("ftp://x.example/") != nil)
        #expect(ReceiverTest.urlProblem("http://x.example/a b") != nil)
        #expect(ReceiverTest.urlProblem("http://hooks.example.com/x") == nil, "plain http is allowed")
    }
}
