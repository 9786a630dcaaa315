// The floor for the first-frame and memory figures: an empty Swift program built the way the
// one-file release is (static Swift runtime, async main). It switches to the alternate screen,
// writes one word, echoes what is typed (the benchmark waits for each echo), and ends on Ctrl-Q.
// Built and run by Benchmarks/run only.
import Glibc

@main
enum Floor {
    static func main() async {
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var raw = saved
        cfmakeraw(&raw)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        let frame = "\u{1B}[?1049h\u{1B}[Hready"
        _ = frame.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1, byte != 0x11 { write(STDOUT_FILENO, &byte, 1) }
        _ = "\u{1B}[?1049l".withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
}
