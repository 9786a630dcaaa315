import Foundation
import Testing
@testable import JetEmailClient

@Suite struct ModelCodingTests {
    @Test func shortNamesAreThePartAfterTheDot() {
        #expect(EventType.outboundDelivered.shortName == "delivered")
        #expect(EventType.inboundReceived.shortName == "received")
        for event in EventType.allCases {
            #expect(event.rawValue.hasSuffix("." + event.shortName))
            #expect(!event.shortName.contains("."))
        }
    }

    @Test func requestBodyIsExactAndInSchemaOrder() {
        let request = CreateWebhookRequest(name: "Production Webhook", url: "https://example.com/webhook",
                                           events: [.outboundDelivered, .inboundReceived], status: .disabled,
                                           filterUsers: ["u1"], filterDomains: ["example.com"])
        let body = String(decoding: JetEmailClient.encode(request), as: UTF8.self)
        #expect(body == #"{"name":"Production Webhook","url":"https://example.com/webhook","events":["outbound.delivered","inbound.received"],"status":0,"filter_users":["u1"],"filter_domains":["example.com"]}"#)
    }

    @Test func jsonStringsAreEscaped() {
        #expect(JSONText.quote("a\"b\\c\n\u{01}\u{2028}é") == #""a\"b\\c\n\u0001\u2028é""#)
        // What we write must read back as the same string.
        let original = "tab\there \u{FEFF} \"quoted\""
        let decoded = try? JSONDecoder().decode(String.self, from: Data(JSONText.quote(original).utf8))
        #expect(decoded == original)
    }

    @Test("status decodes from words, numbers and booleans", arguments: [
        (#""enabled""#, WebhookStatus.enabled), (#""disabled""#, .disabled), ("1", .enabled), ("0", .disabled), ("true", .enabled),
    ])
    func status(_ json: String, _ expected: WebhookStatus) throws {
        #expect(try JSONDecoder().decode(WebhookStatus.self, from: Data(json.utf8)) == expected)
    }

    @Test func webhookDecodingToleratesUnknownEventsAndLooseTypes() throws {
        let json = #"{"uuid":"a1b2","name":"n","url":"https://e.com","events":["outbound.queued","outbound.delivered"],"status":1,"filter_users":null,"created_at":"1736524800","last_modified":1736524800.0}"#
        let webhook = try JSONDecoder().decode(Webhook.self, from: Data(json.utf8))
        #expect(webhook.events.map(\.rawValue) == ["outbound.queued", "outbound.delivered"])
        #expect(webhook.events.first?.known == nil)
        #expect(webhook.events.last?.known == .outboundDelivered)
        #expect(webhook.status == .enabled)
        #expect(webhook.createdAt == 1_736_524_800 && webhook.lastModified == 1_736_524_800)
        #expect(webhook.secret == nil)
    }
}
