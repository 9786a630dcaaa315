import Foundation
import TestSupport

/// The built `jetemail-webhooks` executable, run as a user would run it.
enum BuiltProgram {
    /// Next to the test bundle in the build folder (`swift test` builds both).
    static var path: String {
        // To run these tests against another build (an older one, to see a test fail before its fix).
        if let other = ProcessInfo.processInfo.environment["JETEMAIL_WEBHOOKS_UNDER_TEST"], !other.isEmpty { return other }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test runner may live inside a .xctest bundle folder.
        while dir.path != "/" && !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("jetemail-webhooks").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("jetemail-webhooks").path
    }

    static func freshStateFolder() -> String {
        var template = Array((NSTemporaryDirectory() + "/jetemail-state-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the program with a clean environment plus `environment`; stdin is /dev/null.
    /// `redirections` (shell syntax, such as `>&-` or `>/dev/full`) are applied by /bin/sh.
    /// `stopWhen` ends a program that runs until stopped (`--follow`) as soon as its output so far
    /// satisfies it, rather than after a fixed time that a loaded machine may not meet.
    /// The same, awaited on a thread of its own: a test that waits for the program holds none of
    /// the concurrency pool's few threads (two on a two-core machine), which other tests need.
    /// `terminal`: stdout and stderr are a terminal (`script`'s), merged into `stdout`, as a person sees them.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, timeout: TimeInterval = 60,
                    redirections: String? = nil, terminal: Bool = false, stopWhen: (@Sendable (String) -> Bool)? = nil) async throws -> Result {
        try await offThePool {
            try runBlocking(arguments, environment: environment, input: input, timeout: timeout, redirections: redirections, terminal: terminal, stopWhen: stopWhen)
        }
    }

    /// Blocking: only on a thread of its own (inside `offThePool`), never on the pool.
    static func runBlocking(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, timeout: TimeInterval = 60,
                            redirections: String? = nil, terminal: Bool = false, stopWhen: (@Sendable (String) -> Bool)? = nil) throws -> Result {
        let process = Process()
        if terminal {
            let quoted = ([path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", quoted, "/dev/null"]
        } else if let redirections {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirections)", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        // A state folder of its own unless the test names one: the request ledger there is keyed
        // by host and port, and a port used again within a minute must not inherit a window.
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8",
                   "XDG_STATE_HOME": Self.freshStateFolder()]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle(forReadingAtPath: "/dev/null") : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        // Safe: each variable is written by exactly one block, and read only after group.wait().
        DispatchQueue.global().async(group: group) {
            guard let stopWhen else { outData = out.fileHandleForReading.readDataToEndOfFile(); return }
            while true {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                outData.append(chunk)
                if stopWhen(String(decoding: outData, as: UTF8.self)) { process.terminate() }
            }
        }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut { process.terminate() }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
