import Foundation
import JetEmailSandbox
import Testing
import TestSupport

/// `create --no-input` against servers, files and streams that misbehave on purpose (issue 9).
@Suite(.serialized) struct HostileCreateCommandTests {
    let flags = ["create", "--no-input", "--name", "Probe", "--url", "https://example.com/h", "--event", "outbound.delivered"]

    static func created(name: String = "Probe", secret: String = "whsec_abc", status: String = "1", extra: String = "") -> String {
        let n = String(data: try! JSONEncoder().encode(name), encoding: .utf8)!
        let s = String(data: try! JSONEncoder().encode(secret), encoding: .utf8)!
        return #"{"success":true,"webhook":{"uuid":"u-1","name":\#(n),"url":"https://example.com/h","events":["outbound.delivered"],"status":\#(status),"secret":\#(s)\#(extra)}}"#
    }

    func environment(_ server: MisbehavingServer) -> [String: String] {
        ["JETEMAIL_BASE_URL": server.baseURL, "JETEMAIL_API_KEY": "api_test0000000001"]
    }

    static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test func serverTextNeverReachesTheTerminalRaw() async throws {
        // Item 3: name and secret carry a title change, a screen clear and a C1 CSI.
        let hostile = "Pwn\u{1B}]0;title\u{07}\u{1B}[2J\u{9B}31m"
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, Self.created(name: hostile, secret: "whsec_\u{1B}[5m")))] }
        let r = try await BuiltProgram.run(flags, environment: environment(server))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!Self.hasControls(r.stdout), "\(r.stdout.debugDescription)")
        #expect(r.stdout.contains("Pwn\\x1b]0;title\\x07\\x1b[2J\\u009b31m"))
        let json = try await BuiltProgram.run(flags + ["--json"], environment: environment(server))
        #expect(!Self.hasControls(json.stdout))
        #expect(json.stdout.contains("\\u009b31m"), "C1 escaped in JSON too")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded?["name"] as? String == hostile, "the JSON still reads back as what the server sent")
    }

    @Test func serverErrorsNeverReachTheTerminalRaw() async throws {
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(400, #"{"error":"bad \u001b]52;c;ZXZpbA==\u0007 url"}"#))] }
        let r = try await BuiltProgram.run(flags, environment: environment(server))
        #expect(r.status == 1)
        #expect(!Self.hasControls(r.stderr))
        #expect(r.stderr.contains("\\x1b]52;c;ZXZpbA==\\x07"))
    }

    @Test func aSecretBesideOddFieldsIsKept() async throws {
        // Item 6: "status":"paused" and a string filter used to cost the secret (exit 1, file deleted).
        let server = try MisbehavingServer { _ in
            [.sendText(MisbehavingServer.answer(200, Self.created(secret: "whsec_kept", status: #""paused""#, extra: #","filter_users":"u1""#)))]
        }
        let dir = TemporaryDirectory()
        let path = dir.path + "/kept.whsec"
        let r = try await BuiltProgram.run(flags + ["--secret-file", path], environment: environment(server))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "whsec_kept\n")
        #expect(r.stderr.contains("could not be read (status, filter_users)"))
    }

    @Test(arguments: [">/dev/full", ">&-", "<&- >&-"])
    func aStdoutThatCannotTakeTheSecretStopsBeforeSending(_ redirections: String) async throws {
        // Item 8: created, exit 0, secret lost. Now nothing is sent.
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, Self.created()))] }
        let r = try await BuiltProgram.run(flags, environment: environment(server), redirections: redirections + " 2>&2")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("the signing secret would be lost"))
        #expect(server.received.isEmpty)
    }

    @Test func withASecretFileAClosedStdoutIsNoLoss() async throws {
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, Self.created(secret: "whsec_file")))] }
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.whsec"
        let r = try await BuiltProgram.run(flags + ["--secret-file", path], environment: environment(server), redirections: ">&-")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "whsec_file\n")
    }

    @Test func aSignalWhileSendingWaitsAndSavesTheSecret() async throws {
        // Item 9: SIGTERM during the request left an empty file and said nothing.
        let server = try MisbehavingServer { _ in [.pause(1.5), .sendText(MisbehavingServer.answer(200, Self.created(secret: "whsec_late")))] }
        let dir = TemporaryDirectory()
        let path = dir.path + "/late.whsec"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProgram.path)
        process.arguments = flags + ["--secret-file", path]
        process.environment = environment(server).merging(["PATH": "/usr/bin:/bin", "HOME": dir.path]) { a, _ in a }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        // Timed on a thread of its own (a sleep on the pool can resume late under load).
        let stderr = try await offThePool { () -> String in
            try process.run()
            Thread.sleep(forTimeInterval: 0.5)
            process.terminate()
            process.waitUntilExit()
            return String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(stderr.contains("Waiting up to 30 s for the answer"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "whsec_late\n")
    }

    @Test func aKeyFileOfTwoLinesIsRefusedWithoutShowingIt() async throws {
        // Item 2: the key used to end up in full in "Network error: …invalidHeaderFieldValues".
        let dir = TemporaryDirectory()
        let keyFile = dir.file("key", "api_first0000secret\napi_second000secret\n")
        let r = try await BuiltProgram.run(flags + ["--api-key-file", keyFile])
        #expect(r.status == 2)
        #expect(r.stderr.contains("The API key from --api-key-file \(keyFile) is not usable: it holds more than one line"))
        #expect(!r.stderr.contains("secret") && !r.stdout.contains("secret"))
        let env = try await BuiltProgram.run(flags, environment: ["JETEMAIL_API_KEY": "api_first\t0000secret"])
        #expect(env.status == 2)
        #expect(env.stderr.contains("JETEMAIL_API_KEY") && !env.stderr.contains("0000secret"))
    }

    @Test func aFIFOForTheKeyFileIsRefusedAtOnce() async throws {
        // Item 13: it hung for ever.
        let dir = TemporaryDirectory()
        let fifo = dir.path + "/fifo"
        mkfifo(fifo, 0o600)
        let r = try await BuiltProgram.run(flags + ["--api-key-file", fifo], timeout: 20)
        #expect(r.status == 2)
        #expect(r.stderr.contains("not a regular file"))
        let config = try await BuiltProgram.run(flags, environment: ["JETEMAIL_CONFIG": fifo], timeout: 20)
        #expect(config.status == 2 && config.stderr.contains("not a regular file"))
    }

    @Test func smallThingsOfItem19() async throws {
        let empty = try await BuiltProgram.run(flags + ["--secret-file", ""])
        #expect(empty.status == 2 && empty.stderr.contains("--secret-file needs a path"))
        let help = try await BuiltProgram.run(["help", "bogus"])
        #expect(help.status == 2 && help.stderr.contains("'bogus' is not one"))
        let dashes = try await BuiltProgram.run(flags + ["--dry-run", "--"])
        #expect(dashes.status == 0)
        let port = try await BuiltProgram.run(flags, environment: ["JETEMAIL_API_KEY": "api_x", "JETEMAIL_BASE_URL": "https://e.com:x/"])
        #expect(port.stderr.contains("is not a number.") && !port.stderr.contains(".."))
    }

    @Test func aTildeAfterTheEqualsSignIsExpanded() async throws {
        let server = try MisbehavingServer { _ in [.sendText(MisbehavingServer.answer(200, Self.created(secret: "whsec_home")))] }
        let dir = TemporaryDirectory()
        let r = try await BuiltProgram.run(flags + ["--secret-file=~/tilde.whsec"], environment: environment(server).merging(["HOME": dir.path]) { _, b in b })
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: dir.path + "/tilde.whsec", encoding: .utf8) == "whsec_home\n")
    }
}
