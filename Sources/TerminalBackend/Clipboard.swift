import FoundationEssentials
import Glibc

/// OSC 52: asks the terminal to put text on the clipboard. Works over SSH because the terminal
/// itself does it. Never shells out to xclip or pbcopy.
public enum Clipboard {
    /// The plain OSC 52, which tmux takes with `set-clipboard on` (the setting OSC 52 tools
    /// document) and GNU screen passes on; inside tmux also the passthrough-wrapped form, which
    /// reaches the outer terminal when `allow-passthrough` is on. A terminal that gets both
    /// just sets the clipboard twice.
    public static func sequence(for text: String, environment: [String: String]) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let osc = "\u{1B}]52;c;\(payload)\u{07}"
        if environment["TMUX"].map({ !$0.isEmpty }) == true {
            // tmux passthrough: DCS tmux; with every ESC doubled, ended by ST.
            return osc + "\u{1B}Ptmux;" + osc.replacing("\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
        }
        if environment["STY"].map({ !$0.isEmpty }) == true || (environment["TERM"] ?? "").hasPrefix("screen") {
            return "\u{1B}P" + osc + "\u{1B}\\"
        }
        return osc
    }

    /// Inside tmux, what to tell the person when neither way through is open: tmux's default
    /// `set-clipboard external` ignores OSC 52 from programs, and `allow-passthrough` is off by
    /// default since tmux 3.3. Nil outside tmux or when the copy can get through. Asks tmux
    /// (`show -gv`, nothing secret on its command line), waiting at most a second.
    public static func tmuxAdvice(environment: [String: String]) -> String? {
        guard environment["TMUX"].map({ !$0.isEmpty }) == true else { return nil }
        let setClipboard = tmuxOption("set-clipboard")
        if setClipboard == "on" { return nil }
        if tmuxOption("allow-passthrough").map({ $0 == "on" || $0 == "all" }) == true { return nil }
        let now = setClipboard.map { "is '\($0)'" } ?? "could not be read"
        return "tmux's set-clipboard \(now), so the copy may not reach your clipboard: run `tmux set -g set-clipboard on`, or use w."
    }

    /// `tmux show -gv NAME`, or nil when tmux does not answer in time.
    static func tmuxOption(_ name: String) -> String? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        defer { close(pipeEnds[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let words: [String] = ["tmux", "show", "-gv", name]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        close(pipeEnds[1])
        guard spawned == 0 else { return nil }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        var reader = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
        while output.count < 256, poll(&reader, 1, 1000) > 0 {
            let n = read(pipeEnds[0], &buffer, buffer.count)
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
        let text = String(decoding: output, as: UTF8.self).filter { !$0.isWhitespace }
        return text.isEmpty ? nil : text
    }
}
