import Testing
@testable import JetEmailClient

/// The CLI's config.toml read as TOML 1.0 (issue 9, item 14): what used to be misread.
@Suite struct ConfigFileTOMLTests {
    func key(_ text: String, profile: String? = nil) throws -> String? {
        try ConfigFile.parse(text).apiKey(profile: profile)?.key
    }

    @Test func crlfLineEndings() throws {
        #expect(try key("current_profile = \"default\"\r\n[profiles.default]\r\napi_key = \"api_crlf\"\r\n") == "api_crlf")
    }

    @Test func byteOrderMark() throws {
        #expect(try key("\u{FEFF}[profiles.default]\napi_key = \"api_bom\"\n") == "api_bom")
    }

    @Test func unclosedTableHeaderIsReportedWithItsLine() {
        #expect(throws: ConfigFile.ParseError(line: 2, reason: "a table header must end with ]")) {
            try ConfigFile.parse("# config\n[profiles.default\napi_key = \"api_x\"\n")
        }
    }

    @Test func everyKindOfString() throws {
        #expect(try key("[profiles.default]\napi_key = \"\"\"\napi_multi\"\"\"\n") == "api_multi")
        #expect(try key("[profiles.default]\napi_key = '''api_lit'''\n") == "api_lit")
        #expect(try key("[profiles.default]\napi_key = 'api_\\raw'\n") == "api_\\raw")
        #expect(try key("[profiles.default]\napi_key = \"api_caf\\u00e9\\U0001F600\"\n") == "api_café😀")
        #expect(try key("[profiles.default]\napi_key = \"\"\"api_\\\n    joined\"\"\"\n") == "api_joined")
    }

    @Test func aKeyThatIsNotAStringIsReported() {
        #expect(throws: ConfigFile.ParseError(line: 2, reason: "api_key must be a string in quotes")) {
            try ConfigFile.parse("[profiles.default]\napi_key = 12345\n")
        }
        #expect(throws: ConfigFile.ParseError(line: 2, reason: "'api_x' is not a TOML value (strings need quotes)")) {
            try ConfigFile.parse("[profiles.default]\napi_key = api_x\n")
        }
    }

    @Test func otherValuesAreReadAndPassedOver() throws {
        let text = """
            current_profile = "work" # the one in use
            timeout = 30
            ratio = 1.5e3
            verbose = true
            since = 1979-05-27 07:32:00Z
            regions = [
              "eu", # first
              "us",
            ]
            nested = [[1, 2], ["a"]]
            owner = { name = "ops", id = 7 }
            [profiles.work]
            api_key = "api_work"
            colour.mode = "auto"
            [[plugins]]
            api_key = "not a profile"
            """
        let file = try ConfigFile.parse(text)
        #expect(file.apiKey(profile: nil)?.key == "api_work")
        #expect(file.profiles.keys.sorted() == ["work"])
    }

    @Test func brokenValuesAreReported() {
        #expect(throws: ConfigFile.ParseError(line: 1, reason: "unterminated string")) { try ConfigFile.parse("a = \"open\n") }
        #expect(throws: ConfigFile.ParseError(line: 1, reason: "unknown escape \\q")) { try ConfigFile.parse("a = \"\\q\"\n") }
        #expect(throws: ConfigFile.ParseError(line: 3, reason: "expected , or ] in an array")) { try ConfigFile.parse("a = [\n1\n2]\n") }
        #expect(throws: ConfigFile.ParseError(line: 1, reason: "unexpected text after the value")) { try ConfigFile.parse("a = \"x\" y\n") }
    }
}
