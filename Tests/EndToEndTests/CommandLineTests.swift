import Foundation
import Testing

/// The command line as a script author meets it: option spellings, mistakes and their messages.
struct CommandLineTests {
    @Test func bothOptionSpellingsAndRepeatsReachTheRequest() async throws {
        let r = try await BuiltProgram.run(["--dry-run", "--name=Ops Hook", "--url", "https://example.com/h",
                                      "--event", "outbound.delivered", "--event=inbound.received", "--status=0"])
        #expect(r.status == 0, "\(r.stderr)")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(body["name"] as? String == "Ops Hook")
        #expect(body["events"] as? [String] == ["outbound.delivered", "inbound.received"])
        #expect(body["status"] as? Int == 0)
    }

    @Test(arguments: [
        (["--nmae", "x"], "Unknown option '--nmae'. Did you mean '--name'?"),
        (["--name"], "--name needs a value"),
        (["--name", "--url", "https://example.com/h"], "--name needs a value"),
        (["--name", "a", "--name", "b"], "--name was given twice"),
        (["--json=yes"], "--json is a switch and takes no value"),
        (["--timeout", "soon"], "--timeout takes a whole number, not 'soon'"),
        (["--timeout", "0"], "--timeout must be from 1 to 600 seconds"),
        (["--demo-latency-ms", "-1"], "--demo-latency-ms cannot be negative"),
        (["crate"], "'crate' is not a subcommand"),
        (["create", "stray"], "Unexpected argument 'stray'"),
        (["-n", "x"], "Unknown option '-n'"),
        (["sandbox", "--port", "70000"], "--port must be from 0 to 65535"),
        (["sandbox", "--malformed", "odd"], "--malformed must be one of: not-json, success-false, no-secret"),
    ])
    func mistakesExit2WithOneClearLine(arguments: [String], message: String) async throws {
        let r = try await BuiltProgram.run(arguments)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.contains("--help' for the options"))
    }

    @Test func helpAndVersion() async throws {
        let root = try await BuiltProgram.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("SUBCOMMANDS:") && root.stdout.contains("sandbox") && root.stdout.contains("--no-input"))
        let sandbox = try await BuiltProgram.run(["help", "sandbox"])
        #expect(sandbox.stdout.contains("USAGE: jetemail-webhooks sandbox") && sandbox.stdout.contains("--drop-connections"))
        #expect(try await BuiltProgram.run(["create", "-h"]).stdout.contains("USAGE: jetemail-webhooks create"))
        let version = try await BuiltProgram.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("0."))
        // Every help line fits an 80-column terminal.
        #expect(root.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
