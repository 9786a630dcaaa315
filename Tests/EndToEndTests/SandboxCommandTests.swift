import Foundation
import Testing

/// `jetemail-webhooks sandbox` as a new user starts it: prints its URL and key, serves, stops on SIGTERM.
@Suite struct SandboxCommandTests {
    @Test func sandboxServesAndCreateWorksAgainstIt() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProgram.path)
        process.arguments = ["sandbox", "--port", "0"]
        process.environment = ["PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Read until the "export JETEMAIL_API_KEY" line has arrived.
        var text = ""
        let handle = out.fileHandleForReading
        while !text.contains("export JETEMAIL_API_KEY=") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        func value(after marker: String) -> String? {
            text.split(separator: "\n").first { $0.contains(marker) }.map { String($0.split(separator: "=").last!) }
        }
        let base = try #require(value(after: "export JETEMAIL_BASE_URL="))
        let key = try #require(value(after: "export JETEMAIL_API_KEY="))
        #expect(base.hasPrefix("http://127.0.0.1:"))
        #expect(key.hasPrefix("api_sandbox_"))

        let r = try await BuiltProgram.run(["create", "--no-input", "--name", "From README", "--url", "https://example.com/webhook",
                                      "--event", "outbound.delivered"],
                                     environment: ["JETEMAIL_BASE_URL": base, "JETEMAIL_API_KEY": key])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Signing secret (shown once"))

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SIGTERM stops it cleanly")
    }
}
