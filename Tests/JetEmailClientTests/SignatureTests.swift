import Testing
@testable import JetEmailClient

/// SHA-256 and HMAC-SHA256 against the published vectors, and JetEmail's signature check.
@Suite struct SignatureTests {
    func hex(_ bytes: [UInt8]) -> String { HMACSHA256.hex(bytes) }
    func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex { let j = hex.index(i, offsetBy: 2); out.append(UInt8(hex[i..<j], radix: 16)!); i = j }
        return out
    }

    @Test func sha256NISTVectors() {
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hmacRFC4231Vectors() {
        // Test cases 1, 2, 4 and 6 (a key longer than the block).
        #expect(hex(HMACSHA256.mac(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(hex(HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(hex(HMACSHA256.mac(key: bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"), message: [UInt8](repeating: 0xcd, count: 50)))
                == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        #expect(hex(HMACSHA256.mac(key: [UInt8](repeating: 0xaa, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func verifyAcceptsTheSignatureMadeAndRefusesATamperedBodyAStaleTimeOrGarbage() {
        let body = SampleEvent(type: "outbound.bounced", n: 7, createdAt: 1_800_000_000).body
        let header = WebhookSignature.header(body: body, secret: "whsec_abc")
        #expect(header.hasPrefix("sha256=") && header.count == 71)
        #expect(WebhookSignature.verify(body: body, secret: "whsec_abc", signature: header, timestamp: 1_800_000_000, now: 1_800_000_100) == .valid)
        #expect(WebhookSignature.verify(body: body, secret: "whsec_abc", signature: header.uppercased().replacingOccurrences(of: "SHA256=", with: "sha256="), now: 0) == .valid, "hex in either case")
        #expect(WebhookSignature.verify(body: body + [0x20], secret: "whsec_abc", signature: header, now: 0) == .mismatch)
        #expect(WebhookSignature.verify(body: body, secret: "whsec_abd", signature: header, now: 0) == .mismatch)
        #expect(WebhookSignature.verify(body: body, secret: "whsec_abc", signature: header, timestamp: 1_800_000_000, now: 1_800_000_301) == .stale(age: 301))
        if case .malformed = WebhookSignature.verify(body: body, secret: "s", signature: "sha256=xyz", now: 0) {} else { Issue.record("garbage accepted") }
    }

    @Test func sampleEventsHaveJetEmailsEnvelopeForEveryType() throws {
        for type in DeliveryQuery.eventTypes {
            let event = SampleEvent(type: type, n: 3, createdAt: 1_800_000_000)
            let value = try #require(JSONParser.parse(event.body)?.object)
            #expect(value["type"]?.string == type && value["id"]?.string == event.id && value["created_at"]?.integer == 1_800_000_000)
            #expect(value["service"]?.string == (type.hasPrefix("inbound") ? "inbound" : "outbound"))
            #expect(value["data"]?.object?["message_id"] != nil)
        }
        let text = String(decoding: SampleEvent(type: "outbound.delivered", n: 1, createdAt: 5).body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"id":"evt_"#) && text.contains(#""service":"outbound","type":"outbound.delivered","created_at":5,"data":{"#), "JetEmail's field order")
    }
}
