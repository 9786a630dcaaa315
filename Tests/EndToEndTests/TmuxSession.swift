import Foundation
import Testing
import TestSupport

/// The suites that drive the program in tmux run one test at a time, never beside each other:
/// timing-sensitive terminal checks (job control, resizes) must not share the machine's two cores.
@Suite(.serialized) enum InTerminal {}

/// A real terminal: the program runs in a detached tmux session on a private socket; keys go
/// in with send-keys and the screen comes out with capture-pane.
final class TmuxSession: Sendable {
    let socket = "jetemail-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let name = "t"
    /// Where the wrapper writes the program's exit status when it ends.
    let exitFile: String

    /// Starts `arguments` (after the program path) with `environment` in an 80x24 terminal by default.
    /// Nothing secret goes on the command line: keys travel in files named by path.
    /// With `jobControl`, the program is typed into an interactive bash, as a person starts it,
    /// so Ctrl-Z and `fg` work as they do for them.
    /// `launcher` runs the program inside another program (GNU screen, say).
    /// `tmuxVariable` sets TMUX for the program as tmux does for what runs in it (the clean
    /// environment otherwise hides that it runs inside tmux).
    init(_ arguments: [String], environment: [String: String] = [:], columns: Int = 80, rows: Int = 24, jobControl: Bool = false,
         launcher: [String] = [], tmuxVariable: Bool = false) throws {
        exitFile = NSTemporaryDirectory() + "/\(socket).exit"
        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no", "HOME": NSTemporaryDirectory(),
                   "XDG_STATE_HOME": BuiltProgram.freshStateFolder()]
        if tmuxVariable {
            let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            env["TMUX"] = "\(folder)/tmux-\(getuid())/\(socket),0,0"
        }
        env.merge(environment) { _, new in new }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let program = (launcher + [BuiltProgram.path] + arguments).map(Self.quote).joined(separator: " ")
        // After the program ends, record its status and keep the pane open so the screen can be read.
        let line = "\(program); echo $? > \(Self.quote(exitFile))"
        if jobControl {
            let shell = "env -i PATH=/usr/bin:/bin \(assignments) PS1='$ ' bash --norc --noprofile -i"
            try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", shell])
            try tmux(["send-keys", "-t", name, "-l", line])
            try tmux(["send-keys", "-t", name, "Enter"])
        } else {
            let command = "env -i PATH=/usr/bin:/bin \(assignments) \(line); sleep 120"
            try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command])
        }
    }

    /// Ends the terminal and everything in it. Tests call it with `defer`.
    func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: exitFile)
    }

    /// Runs tmux with posix_spawn and waitpid. Foundation's Process is not used here: it
    /// notices a child's exit through a descriptor that the forked tmux server inherits, so
    /// `new-session` would never be seen to finish.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "/\(socket).\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else may leak into the long-lived tmux server: an inherited pipe of the test
        // runner's would keep `swift test` waiting for end-of-file after the tests finish.
        for fd in Int32(3)..<1024 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // A test runner's thread may block signals, and spawned processes inherit the mask: reset
        // it, and every disposition, so the program sees signals as it would in a user's shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ)
        guard rc == 0 else { throw SpawnFailed(code: rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    struct SpawnFailed: Error { var code: Int32 }

    /// Keys in tmux's names (`Tab`, `C-s`, `BTab`, `Escape`) or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try send(text, literal: true) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until the screen contains `text` and two captures 150 ms apart agree (`settle`;
    /// pass false while a spinner keeps changing the screen). Awaited: the looking is done on a
    /// thread of its own, so it neither holds the concurrency pool nor waits behind tests that
    /// keep the pool's threads busy (a look delayed past the deadline is a false timeout).
    @discardableResult
    func waitFor(_ text: String, settle: Bool = true, timeout: TimeInterval = 15) async throws -> String {
        try await offThePool { [self] in try self.waitForBlocking(text, settle: settle, timeout: timeout) }
    }

    private func waitForBlocking(_ text: String, settle: Bool, timeout: TimeInterval) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            let now = try screen()
            if now.contains(text) && (now == last || !settle) { return now }
            last = now
            Thread.sleep(forTimeInterval: 0.15)
        }
        throw Timeout(waitingFor: text, screen: last)
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Whether the terminal is still in the alternate screen (curses mode).
    func alternateScreenOn() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of the program (the child of the pane's shell that runs our binary).
    func programPID() throws -> pid_t? {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid_t($0) }.first { pid in
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
            return exe.hasSuffix("/jetemail-webhooks")
        }
    }

    /// The program's exit status, once it has ended.
    func exitStatus(timeout: TimeInterval = 10) async -> Int? {
        let exitFile = self.exitFile
        return try? await offThePool { () -> Int? in
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: exitFile, encoding: .utf8), let n = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    return n
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        } ?? nil
    }

    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \"\(waitingFor)\"; screen was:\n\(screen)" }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
