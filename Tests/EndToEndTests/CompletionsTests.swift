import Foundation
import Testing

/// `completions bash|zsh|fish`: scripts made from the option tables, loaded into real shells.
@Suite struct CompletionsTests {
    static let hasZsh = FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")
    static let hasFish = FileManager.default.isExecutableFile(atPath: "/usr/bin/fish")

    /// What bash's completion function offers for the words of a command line (the last one
    /// being completed).
    func bashCompletes(_ words: [String]) async throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("completions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = try await BuiltProgram.run(["completions", "bash"])
        #expect(script.status == 0)
        let file = dir.appendingPathComponent("completion.bash")
        try script.stdout.write(to: file, atomically: true, encoding: .utf8)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let probe = "source '\(file.path)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _jetemail_webhooks; printf '%s\\n' \"${COMPREPLY[@]}\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--norc", "--noprofile", "-c", probe]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        return text.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesSubcommandsOptionsAndValues() async throws {
        #expect(try await bashCompletes(["jetemail-webhooks", "cr"]) == ["create"])
        #expect(try await bashCompletes(["jetemail-webhooks", "create", "--ev"]) == ["--event"])
        #expect(try await bashCompletes(["jetemail-webhooks", "create", "--event", "inbound.sp"]) == ["inbound.spam"])
        #expect(try await bashCompletes(["jetemail-webhooks", "sandbox", "--mal"]) == ["--malformed"])
        #expect(try await bashCompletes(["jetemail-webhooks", "sandbox", "--malformed", ""]) == ["not-json", "success-false", "no-secret"])
        #expect(try await bashCompletes(["jetemail-webhooks", "completions", ""]) == ["bash", "zsh", "fish"])
        #expect(try await bashCompletes(["jetemail-webhooks", "--no-in"]) == ["--no-input"], "create's options without naming it")
        #expect(try await bashCompletes(["jetemail-webhooks", "--status", ""]) == ["1", "0", "enabled", "disabled"], "create's values without naming it")
    }

    @Test func eachSubcommandsOptionCompletesItsOwnValues() async throws {
        // Issue 17 item 28: `query --status` offered the webhook statuses `1 0 enabled disabled`.
        #expect(try await bashCompletes(["jetemail-webhooks", "query", "--status", ""]) == ["success", "failed", "retry", "pending"])
        #expect(try await bashCompletes(["jetemail-webhooks", "update", "--status", ""]) == ["1", "0", "enabled", "disabled"])
        #expect(try await bashCompletes(["jetemail-webhooks", "query", "--event-type", "outbound.q"]) == ["outbound.queued"])
    }

    @Test func everyOptionOfEveryCommandIsOffered() async throws {
        // The script comes from the same tables as --help: each option in the help is completed.
        for command in ["create", "sandbox"] {
            let help = try await BuiltProgram.run([command, "--help"]).stdout
            let options = Set(help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map(String.init)
                .filter { $0.hasPrefix("--") && $0.dropFirst(2).allSatisfy { $0.isLowercase || $0 == "-" } })
            let offered = await Set(try bashCompletes(["jetemail-webhooks", command, "--"]))
            #expect(options.isSubset(of: offered), "\(command): missing \(options.subtracting(offered).sorted())")
        }
    }

    @Test func unknownShellIsAUsageError() async throws {
        let r = try await BuiltProgram.run(["completions", "tcsh"])
        #expect(r.status == 2 && r.stderr.contains("bash|zsh|fish"))
    }

    @Test(.enabled(if: hasZsh, "needs zsh (CI installs it)"))
    func zshScriptParses() async throws {
        let script = try await BuiltProgram.run(["completions", "zsh"]).stdout
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("_jetemail-webhooks-\(UUID().uuidString)")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = try Process.run(URL(fileURLWithPath: "/usr/bin/zsh"), arguments: ["-n", file.path])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(script.hasPrefix("#compdef jetemail-webhooks"))
    }

    @Test(.enabled(if: hasFish, "needs fish (CI installs it)"))
    func fishCompletesSubcommandsAndValues() async throws {
        let script = try await BuiltProgram.run(["completions", "fish"]).stdout
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jw-\(UUID().uuidString).fish")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fish")
        process.arguments = ["--no-config", "-c", "source \(file.path); complete -C 'jetemail-webhooks cr'; complete -C 'jetemail-webhooks create --event inbound.sp'"]
        process.environment = ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let words = text.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        #expect(words == ["create", "inbound.spam"], "\(text)")
    }
}
