import Testing
@testable import JetEmailClient

@Suite struct ResponseInterpreterTests {
    func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> APIResponse {
        APIResponse(status: status, headers: headers, body: Array(body.utf8))
    }

    @Test func errorTextPrefersErrorThenMessageThenStatusLine() {
        #expect(ResponseInterpreter.errorText(response(400, #"{"success":false,"error":"URL is required and must be a string"}"#)) == "URL is required and must be a string")
        #expect(ResponseInterpreter.errorText(response(400, #"{"message":"bad"}"#)) == "bad")
        #expect(ResponseInterpreter.errorText(response(502, "<html>")) == "502 Bad Gateway")
    }

    @Test func badRequestIsTiedToTheFieldItNames() {
        let e = ResponseInterpreter.error(for: response(400, #"{"success":false,"error":"URL is required and must be a string"}"#))
        #expect(e == .badRequest(message: "URL is required and must be a string", field: .url))
        #expect(ResponseInterpreter.error(for: response(400, #"{"error":"Invalid event type"}"#)).field == .events)
        #expect(ResponseInterpreter.error(for: response(400, #"{"error":"Something else"}"#)).field == nil)
    }

    @Test func forbiddenListsTheValuesAndTheFilterField() {
        let e = ResponseInterpreter.error(for: response(403, #"{"success":false,"error":"Invalid filter_domains: example.com, test.com. You can only filter by domains that you own."}"#))
        guard case .forbiddenFilters(_, let field, let values) = e else { Issue.record("\(e)"); return }
        #expect(field == .filterDomains)
        #expect(values == ["example.com", "test.com"])
    }

    @Test func unauthorizedMentionsTheApiPrefix() {
        let e = ResponseInterpreter.error(for: response(401, #"{"success":false,"error":"User information not found"}"#))
        #expect(e.message.contains("api_"))
    }

    @Test func rateLimitCarriesRetryAfter() {
        let e = ResponseInterpreter.error(for: response(429, "{}", headers: ["retry-after": "120"]))
        #expect(e == .rateLimited(retryAfter: 120, message: "429 Too Many Requests"))
        #expect(e.message.contains("wait 2 min"))
    }

    @Test func serverErrors() {
        #expect(ResponseInterpreter.error(for: response(500, #"{"error":"Failed to create webhook"}"#)) == .server(status: 500, message: "Failed to create webhook"))
        #expect(ResponseInterpreter.error(for: response(418, "")) == .unexpectedStatus(status: 418, message: "HTTP 418"))
    }

    @Test func malformedSuccessAnswers() {
        func reason(_ r: APIResponse) -> String? {
            do { _ = try ResponseInterpreter.createdWebhook(r); return nil } catch {
                if case .malformedResponse(let reason) = error { return reason }
                return "other: \(error)"
            }
        }
        #expect(reason(response(200, "<html>"))?.contains("not JSON") == true)
        #expect(reason(response(200, #"{"success":false,"error":"Failed"}"#))?.contains("success is false") == true)
        #expect(reason(response(200, #"{"success":true,"webhook":{"uuid":"u","name":"n","url":"https://e.com","events":[]}}"#))?.contains("no signing secret") == true)
        #expect(reason(response(200, #"{"success":true}"#))?.contains("no webhook") == true)
    }

    @Test func listAcceptsEveryKnownEnvelope() throws {
        let item = #"{"uuid":"u","name":"n","url":"https://e.com","events":["inbound.spam"],"status":"enabled"}"#
        for body in ["[\(item)]", #"{"success":true,"result":[\#(item)]}"#, #"{"data":[\#(item)]}"#, #"{"items":[\#(item)]}"#] {
            #expect(try ResponseInterpreter.webhookList(response(200, body)).map(\.uuid) == ["u"], "\(body)")
        }
    }

    @Test func createdWebhookKeepsNumbersAndTextExactly() throws {
        let body = #"{"success":true,"message":"ok","webhook":{"uuid":"u-1","name":"Ops \u00e9 \"q\"","url":"https://e.com/h?a=1&b=2","events":["outbound.delivered"],"status":0,"secret":"whsec_\u00e9x"}}"#
        let webhook = try ResponseInterpreter.createdWebhook(response(200, body))
        #expect(webhook.uuid == "u-1")
        #expect(webhook.name == "Ops é \"q\"")
        #expect(webhook.url == "https://e.com/h?a=1&b=2")
        #expect(webhook.status == .disabled)
        #expect(webhook.secret == "whsec_éx")
    }
}
