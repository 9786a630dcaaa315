import Testing
@testable import JetEmailClient

@Suite("name: required, at most 64, ^[a-zA-Z0-9-_\\s]+$ with ECMA-262 \\s")
struct NameRuleTests {
    @Test("schema examples and ordinary names are valid", arguments: [
        "Production Webhook", "My Webhook", "a", "prod-webhook_2", "ALL CAPS 123", "tab\there", "   ",
    ])
    func valid(_ name: String) {
        #expect(NameRule.check(name).filter { $0.severity == .error }.isEmpty)
    }

    @Test func lengthLimitIsSixtyFour() {
        #expect(NameRule.check(String(repeating: "a", count: 64)).isEmpty)
        let problems = NameRule.check(String(repeating: "a", count: 65))
        #expect(problems.map(\.message) == ["Name is 65 characters long; at most 64 are allowed."])
    }

    @Test func lengthCountsCodePointsNotBytes() {
        // 64 no-break spaces are 128 UTF-8 bytes but 64 characters to the schema.
        #expect(NameRule.check(String(repeating: "\u{00A0}", count: 64)).filter { $0.severity == .error }.isEmpty)
    }

    @Test func emptyIsRequired() {
        #expect(NameRule.check("").map(\.message) == ["Name is required."])
    }

    @Test("ECMA-262 whitespace is allowed", arguments: [
        "\u{00A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{0B}", "\u{0C}",
    ])
    func ecmaWhitespace(_ space: String) {
        #expect(NameRule.check("a\(space)b").isEmpty)
    }

    @Test("characters outside the pattern are refused and named", arguments: [
        ("café", "'é'"), ("a!b", "'!'"), ("a.b", "'.'"), ("a\u{0085}b", "U+0085"), ("a\u{180E}b", "U+180E"),
        ("a\u{200B}b", "U+200B"), ("😀", "'😀'"), ("Ａ", "'Ａ'"),
    ])
    func refused(_ name: String, _ named: String) {
        let errors = NameRule.check(name).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains(named) == true)
    }

    @Test func whitespaceOnlyNameIsValidButWarned() {
        let problems = NameRule.check("  ")
        #expect(problems.map(\.severity) == [.warning])
    }
}
