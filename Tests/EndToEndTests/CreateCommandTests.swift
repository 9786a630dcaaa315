import Foundation
import JetEmailSandbox
import Testing
import TestSupport

/// `jetemail-webhooks create --no-input` run as a separate process, as scripts run it.
@Suite(.serialized) struct CreateCommandTests {
    let flags = ["create", "--no-input", "--name", "Ops Hook", "--url", "https://example.com/webhook",
                 "--event", "outbound.delivered", "--event", "inbound.received"]

    @Test func dryRunPrintsTheExactBodyAndSendsNothing() async throws {
        let r = try await BuiltProgram.run(flags + ["--dry-run", "--filter-domain", "example.com", "--status", "0"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            {
              "name": "Ops Hook",
              "url": "https://example.com/webhook",
              "events": [
                "outbound.delivered",
                "inbound.received"
              ],
              "status": 0,
              "filter_domains": [
                "example.com"
              ]
            }

            """)
    }

    @Test func invalidInputListsEveryProblemAndExits2() async throws {
        let r = try await BuiltProgram.run(["create", "--no-input", "--name", "bad!", "--url", "ftp://x", "--event", "nope", "--status", "5"])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: ":")[0] } == ["name", "url", "events", "status"])
        #expect(r.stdout.isEmpty)
    }

    @Test func usageErrorsExit2() async throws {
        #expect(try await BuiltProgram.run(["create", "--no-input", "--bogus"]).status == 2)
        #expect(try await BuiltProgram.run(["create", "--timeout", "0", "--no-input"]).status == 2)
        let help = try await BuiltProgram.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("create"))
    }

    @Test func createsAgainstTheSandboxAndWritesTheSecretFile() async throws {
        let server = SandboxServer()
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let dir = TemporaryDirectory()
        let keyFile = dir.file("key", server.apiKey)
        let secretPath = dir.path + "/ops.whsec"
        let r = try await BuiltProgram.run(flags + ["--api-key-file", keyFile, "--secret-file", secretPath],
                                     environment: ["JETEMAIL_BASE_URL": "http://127.0.0.1:\(port)"])
        #expect(r.status == 0, "\(r.stderr)")
        let webhook = try #require(server.webhooks.first)
        let secret = try #require(webhook.secret)
        #expect(try String(contentsOfFile: secretPath, encoding: .utf8) == secret + "\n")
        var info = stat()
        stat(secretPath, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(r.stdout.contains(secretPath))
        #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret), "with --secret-file the secret is not printed")
        #expect(!r.stdout.contains(server.apiKey) && !r.stderr.contains(server.apiKey), "the key is never printed")
        #expect(server.received.first?.bodyText == #"{"name":"Ops Hook","url":"https://example.com/webhook","events":["outbound.delivered","inbound.received"],"status":1}"#)
    }

    @Test func jsonOutputCarriesTheWebhook() async throws {
        let server = SandboxServer()
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let r = try await BuiltProgram.run(flags + ["--json"], environment: ["JETEMAIL_BASE_URL": "http://127.0.0.1:\(port)", "JETEMAIL_API_KEY": server.apiKey])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["uuid"] as? String == server.webhooks.first?.uuid)
        #expect(object?["secret"] as? String == server.webhooks.first?.secret)
        #expect(object?["status"] as? String == "enabled")
    }

    @Test func existingSecretFileStopsBeforeAnythingIsSent() async throws {
        let server = SandboxServer()
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let dir = TemporaryDirectory()
        let existing = dir.file("taken.whsec", "old")
        let r = try await BuiltProgram.run(flags + ["--secret-file", existing],
                                     environment: ["JETEMAIL_BASE_URL": "http://127.0.0.1:\(port)", "JETEMAIL_API_KEY": server.apiKey])
        #expect(r.status == 2)
        #expect(r.stderr.contains("already exists"))
        #expect(server.received.isEmpty)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "old")
    }

    @Test func apiErrorsExit1AndRemoveTheReservedSecretFile() async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(faults: SandboxFaults(forcedStatus: 500)))
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let dir = TemporaryDirectory()
        let r = try await BuiltProgram.run(flags + ["--secret-file", dir.path + "/s"],
                                     environment: ["JETEMAIL_BASE_URL": "http://127.0.0.1:\(port)", "JETEMAIL_API_KEY": server.apiKey])
        #expect(r.status == 1)
        #expect(r.stderr.contains("HTTP 500"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/s"))
    }

    @Test func missingKeyIsExplained() async throws {
        let dir = TemporaryDirectory()
        let r = try await BuiltProgram.run(flags, environment: ["HOME": dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("No API key found"))
    }

    @Test func plainHTTPToARemoteHostIsRefused() async throws {
        let r = try await BuiltProgram.run(flags, environment: ["JETEMAIL_API_KEY": "api_x", "JETEMAIL_BASE_URL": "http://api.jetemail.com"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("plain http is only allowed to this machine"))
    }
}
