import Testing
@testable import JetEmailClient

@Suite("url: absolute http(s) with a host, no whitespace, valid port")
struct URLRuleTests {
    func errors(_ url: String) -> [String] { URLRule.check(url).filter { $0.severity == .error }.map(\.message) }
    func warnings(_ url: String) -> [String] { URLRule.check(url).filter { $0.severity == .warning }.map(\.message) }

    @Test("valid URLs", arguments: [
        "https://example.com/webhook", "https://example.com", "https://EXAMPLE.com:8443/a/b?c=d&e=f#frag",
        "https://hooks.example.co.uk/path%20with%20escapes", "https://[2001:db8::1]:443/x", "https://93.184.216.34/x",
        "HTTPS://example.com/", "https://a-b.example/~user/!$&'()*+,;=:@", "https://example.com:/x",
    ])
    func valid(_ url: String) {
        #expect(errors(url).isEmpty, "\(url): \(errors(url))")
    }

    @Test("invalid URLs, each with its reason", arguments: [
        ("", "required"),
        ("ftp://example.com/x", "Scheme 'ftp:'"),
        ("example.com/webhook", "Did you mean https://example.com/webhook?"),
        ("https:/example.com", "must name a host"),
        ("https://", "no host"),
        ("https:///path", "no host"),
        ("https://example.com:99999/x", "Port 99999 is out of range"),
        ("https://example.com:0/x", "out of range"),
        ("https://example.com:http/x", "Port 'http' is not a number"),
        ("https://exa mple.com", "whitespace"),
        ("https://example.com/a b", "whitespace"),
        ("https://example.com/\u{00A0}", "U+00A0"),
        ("https://example.com/a|b", "'|'"),
        ("https://example.com/%zz", "two hex digits"),
        ("https://exämple.com/", "punycode"),
        ("https://example..com/", "empty part"),
        ("https://ex_ample.com/", ""),
        ("https://999.1.1.1/", "IPv4"),
        ("https://[2001:db8::1/", "closing ']'"),
        ("https://[12345::]/", "IPv6"),
        ("https://example.com/#a#b", "'#'"),
        ("mailto:someone@example.com", "Scheme 'mailto:'"),
    ])
    func invalid(_ url: String, _ reason: String) {
        let found = errors(url)
        if url == "https://ex_ample.com/" {
            #expect(found.isEmpty, "underscores occur in real DNS names")
            return
        }
        #expect(found.count == 1, "\(url): \(found)")
        #expect(found.first?.contains(reason) == true, "\(url): \(found)")
    }

    @Test func plainHTTPIsAWarningNotAnError() {
        #expect(errors("http://example.com/hook").isEmpty)
        #expect(warnings("http://example.com/hook").first?.contains("Plain http") == true)
    }

    @Test("hosts JetEmail cannot reach are warned about", arguments: [
        "https://localhost/x", "https://127.0.0.1:8080/x", "https://10.1.2.3/", "https://172.20.0.1/", "https://192.168.1.10/",
        "https://169.254.169.254/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://printer.local/",
        "https://[::ffff:192.168.0.1]/", "https://api.localhost/",
    ])
    func unreachable(_ url: String) {
        #expect(errors(url).isEmpty)
        #expect(warnings(url).contains { $0.contains("cannot deliver") }, "\(url)")
    }

    @Test("public hosts are not warned about", arguments: ["https://172.32.0.1/", "https://8.8.8.8/", "https://[2001:db8::1]/", "https://example.com/"])
    func reachable(_ url: String) {
        #expect(warnings(url).isEmpty)
    }

    @Test func credentialsAreWarned() {
        #expect(warnings("https://user:pw@example.com/").contains { $0.contains("credentials") })
    }

    @Test func ipv6Parsing() {
        #expect(IPv6Literal.groups("::1") == [0, 0, 0, 0, 0, 0, 0, 1])
        #expect(IPv6Literal.groups("2001:db8::8:800:200c:417a") == [0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a])
        #expect(IPv6Literal.groups("::ffff:1.2.3.4") == [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304])
        #expect(IPv6Literal.groups("1:2:3:4:5:6:7:8") == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(IPv6Literal.groups("1::2::3") == nil)
        #expect(IPv6Literal.groups("1:2:3:4:5:6:7:8:9") == nil)
        #expect(IPv6Literal.groups("1:2:3:4:5:6:7::8") == nil)
    }
}
