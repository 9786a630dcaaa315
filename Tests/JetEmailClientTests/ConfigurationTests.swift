import Foundation
import Testing
import TestSupport
@testable import JetEmailClient
import PosixSupport

@Suite struct ConfigurationTests {
    @Test func processEnvironmentMatchesFoundations() {
        // Read straight from environ; it must agree with Foundation's reading of the same process.
        let ours = ProcessEnvironment.current
        #expect(ours == ProcessInfo.processInfo.environment)
        #expect(ours["PATH"] != nil)
    }

    @Test func keysAreMasked() throws {
        let key = try #require(APIKey("api_1234567890abcdef\n"))
        #expect(key.masked == "api_…cdef")
        #expect("\(key)" == "api_…cdef")
        #expect(String(reflecting: key) == "api_…cdef")
        #expect(key.prefixWarning == nil)
        #expect(APIKey("transactional_abcdefgh1234")?.prefixWarning?.contains("transactional key") == true)
        #expect(APIKey("sk_live_whatever99")?.prefixWarning?.contains("does not start with api_") == true)
        #expect(APIKey("  \n") == nil)
    }

    @Test func keyFileComesFirst() throws {
        let dir = TemporaryDirectory()
        let keyFile = dir.file("key", "api_fromfile0001\n")
        let config = dir.file("config.toml", "[profiles.default]\napi_key = \"api_fromconfig01\"\n")
        let env = ["JETEMAIL_API_KEY": "api_fromenv00001", "JETEMAIL_CONFIG": config]
        let resolved = try APIKeyResolver(keyFile: keyFile, environment: env).resolve()
        #expect(resolved.key.bearerValue == "api_fromfile0001")
        #expect(resolved.warnings.isEmpty)
        #expect(try APIKeyResolver(environment: env).resolve().key.bearerValue == "api_fromenv00001")
        #expect(try APIKeyResolver(environment: ["JETEMAIL_CONFIG": config]).resolve().key.bearerValue == "api_fromconfig01")
    }

    @Test func configFileProfiles() throws {
        let dir = TemporaryDirectory()
        let config = dir.file("config.toml", """
            # written by jetemail login
            current_profile = "work"

            [profiles.default]
            api_key = "api_default00001"

            [profiles.work]
            api_key = 'api_work00000001' # literal string
            other = 42

            [profiles."with space"]
            api_key = "api_spaced000001"
            """)
        let env = ["JETEMAIL_CONFIG": config]
        #expect(try APIKeyResolver(environment: env).resolve().key.bearerValue == "api_work00000001")
        #expect(try APIKeyResolver(profile: "default", environment: env).resolve().key.bearerValue == "api_default00001")
        #expect(try APIKeyResolver(profile: "with space", environment: env).resolve().key.bearerValue == "api_spaced000001")
        // An explicit profile beats the environment variable.
        #expect(try APIKeyResolver(profile: "default", environment: env.merging(["JETEMAIL_API_KEY": "api_env"]) { a, _ in a }).resolve().key.bearerValue == "api_default00001")
        #expect(throws: ConfigurationError.profileNotFound(path: config, profile: "nope", available: ["default", "with space", "work"])) {
            try APIKeyResolver(profile: "nope", environment: env).resolve()
        }
    }

    @Test func defaultConfigPathIsUnderHome() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/.config/jetemail", withIntermediateDirectories: true)
        _ = dir.file(".config/jetemail/config.toml", "[profiles.default]\napi_key = \"api_home00000001\"\n")
        let resolver = APIKeyResolver(environment: ["HOME": dir.path])
        #expect(resolver.configPath == dir.path + "/.config/jetemail/config.toml")
        #expect(try resolver.resolve().key.bearerValue == "api_home00000001")
    }

    @Test func missingKeyExplainsWhereToPutOne() {
        let dir = TemporaryDirectory()
        #expect(throws: ConfigurationError.noKey(configPath: dir.path + "/.config/jetemail/config.toml")) {
            try APIKeyResolver(environment: ["HOME": dir.path]).resolve()
        }
        #expect(ConfigurationError.noKey(configPath: "x").description.contains("--demo"))
    }

    @Test func readableKeyFileIsWarnedAbout() throws {
        let dir = TemporaryDirectory()
        let keyFile = dir.file("key", "api_fromfile0001", mode: 0o644)
        let resolved = try APIKeyResolver(keyFile: keyFile, environment: [:]).resolve()
        #expect(resolved.warnings.first?.contains("chmod 600") == true)
        #expect(!resolved.warnings.joined().contains("api_fromfile0001"))
    }

    @Test func brokenConfigIsReportedWithLine() {
        let dir = TemporaryDirectory()
        let config = dir.file("config.toml", "[profiles.default]\napi_key = \"unterminated\n")
        #expect(throws: ConfigurationError.configInvalid(path: config, reason: "line 2: unterminated string")) {
            try APIKeyResolver(environment: ["JETEMAIL_CONFIG": config]).resolve()
        }
    }

    @Test func baseURL() throws {
        #expect(try BaseURL.resolve(flag: nil, environment: [:]).description == "https://api.jetemail.com")
        #expect(try BaseURL.resolve(flag: nil, environment: ["JETEMAIL_BASE_URL": "http://127.0.0.1:8787/"]).url("/webhooks") == "http://127.0.0.1:8787/webhooks")
        #expect(try BaseURL("https://proxy.example.com/jetemail/").url("/webhooks") == "https://proxy.example.com/jetemail/webhooks")
        #expect(try BaseURL("http://localhost:1").isLoopback)
        #expect(try BaseURL("http://[::1]:8080").isLoopback)
        #expect(throws: ConfigurationError.self) { try BaseURL("http://api.jetemail.com") }
        #expect(throws: ConfigurationError.self) { try BaseURL("ftp://api.jetemail.com") }
    }

    @Test func proxyFromEnvironment() throws {
        let base = try BaseURL("https://api.jetemail.com")
        #expect(try ProxySettings.forTarget(base, environment: [:]) == nil)
        let p = try #require(try ProxySettings.forTarget(base, environment: ["HTTPS_PROXY": "http://u:p@proxy.corp:3128"]))
        #expect(p == ProxySettings(kind: .http, host: "proxy.corp", port: 3128, username: "u", password: "p"))
        #expect(try ProxySettings.forTarget(base, environment: ["https_proxy": "proxy:8080", "NO_PROXY": ".jetemail.com"]) == nil)
        #expect(try ProxySettings.forTarget(base, environment: ["https_proxy": "proxy:8080", "no_proxy": "*"]) == nil)
        #expect(try ProxySettings.forTarget(base, environment: ["https_proxy": "proxy:8080", "no_proxy": "other.com"])?.port == 8080)
        #expect(try ProxySettings.forTarget(base, environment: ["HTTP_PROXY": "proxy:8080"]) == nil, "http_proxy is for http targets")
        #expect(try ProxySettings.forTarget(try BaseURL("http://127.0.0.1:9"), environment: ["HTTP_PROXY": "proxy:8080"]) == nil)
        #expect(try ProxySettings.forTarget(base, environment: ["HTTPS_PROXY": "socks5://s:1081"])?.kind == .socks)
    }
}
