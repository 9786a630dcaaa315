import Testing
@testable import JetEmailClient

/// The JSON parser the client reads answers with: strict RFC 8259, bounded nesting.
@Suite struct JSONParserTests {
    func parse(_ text: String) -> JSONValue? { JSONParser.parse(Array(text.utf8)) }

    @Test func valuesOfEveryKind() {
        #expect(parse(#" {"a": [1, -2.5e3, true, false, null, "x"], "b": {}} "#)
                == .object(["a": .array([.number(1), .number(-2500), .bool(true), .bool(false), .null, .string("x")]), "b": .object([:])]))
    }

    @Test func escapesAndSurrogatePairs() {
        #expect(parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
        #expect(parse(#""\ud83d""#) == nil, "a lone high surrogate")
        #expect(parse(#""\x""#) == nil)
    }

    @Test(arguments: ["", "01", "1.", ".5", "-", "1e", "+1", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "tru", "\"unterminated", "\"a\u{01}b\"", "1 2", "1e999"])
    func refused(_ text: String) {
        #expect(parse(text) == nil, "\(text.debugDescription) must be refused")
    }

    @Test func invalidUTF8AndDeepNestingAreRefused() {
        #expect(JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) == nil)
        #expect(parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
        #expect(parse(String(repeating: "[", count: 100_000)) == nil, "no stack overflow")
    }
}
