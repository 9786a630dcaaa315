import FoundationEssentials
import Glibc

/// Exit codes: 0 success, 1 an API or network error, 2 invalid input or usage.
@main
enum Entry {
    static func main() async {
        // A broken pipe (`| head`) must end the program quietly, not kill it with a signal mid-write.
        signal(SIGPIPE, SIG_IGN)
        let status = await RootCommand.run(Array(CommandLine.arguments.dropFirst()))
        fflush(nil)
        exit(status)
    }
}

enum StandardError {
    static func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            sent += n
        }
    }
}
