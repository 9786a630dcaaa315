import Foundation
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// Configuration that is wrong on purpose (issue 9, items 2 and 13): refused at once, with its
/// source named and the key never shown.
@Suite struct HostileConfigurationTests {
    static let key = "api_0123456789secret"

    @Test(arguments: ["\(key)\napi_second", "api_0123\t456789secret", "api_0123\r456789secret", "api_0123\u{0}456789secret"])
    func aKeyWithControlCharactersIsRefusedEverywhere(_ raw: String) throws {
        let dir = TemporaryDirectory()
        let keyFile = dir.file("key", raw)
        let config = dir.file("config.toml", "[profiles.default]\napi_key = \"\(raw.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\u{0}", with: "\\u0000"))\"\n")
        let attempts: [(APIKeyResolver, String)] = [
            (APIKeyResolver(keyFile: keyFile, environment: [:]), "--api-key-file \(keyFile)"),
            (APIKeyResolver(environment: ["JETEMAIL_API_KEY": raw]), "JETEMAIL_API_KEY"),
            (APIKeyResolver(environment: ["JETEMAIL_CONFIG": config]), "\(config) (profile default)"),
        ]
        for (resolver, source) in attempts {
            do {
                _ = try resolver.resolve()
                Issue.record("accepted from \(source)")
            } catch {
                guard case .keyInvalid(let named, _) = error else { Issue.record("\(error)"); continue }
                #expect(named == source)
                #expect(!error.description.contains("0123"), "the key is never shown: \(error.description)")
            }
        }
        #expect(APIKey(raw) == nil)
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let dir = TemporaryDirectory()
        let fifo = dir.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Each of these hung for ever before: nothing writes to the FIFO.
        #expect(throws: ConfigurationError.keyFileUnreadable(path: fifo, reason: "not a regular file")) {
            _ = try APIKeyResolver(keyFile: fifo, environment: [:]).resolve()
        }
        #expect(throws: ConfigurationError.configUnreadable(path: fifo, reason: "not a regular file")) {
            _ = try APIKeyResolver(environment: ["JETEMAIL_CONFIG": fifo]).resolve()
        }
        #expect(throws: ConfigurationError.caFileUnreadable(path: fifo, reason: "not a regular file")) {
            _ = try AsyncHTTPTransport(options: TransportOptions(caFile: fifo))
        }
    }
}
