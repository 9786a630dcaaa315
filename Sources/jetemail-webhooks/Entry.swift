import Dispatch
import FoundationEssentials
import Glibc

/// Exit codes: 0 success, 1 an API or network error, 2 invalid input or usage.
@main
enum Entry {
    /// Synchronous on purpose: help, usage errors and the form's first frame are done on the main
    /// thread before the async runtime starts (`dispatchMain` hands the main queue to a worker
    /// thread, which cost about 0.85 ms before anything could be drawn). The rest runs as a task.
    static func main() {
        // A broken pipe (`| head`) must end the program quietly, not kill it with a signal mid-write.
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        MainActor.assumeIsolated {
            let work = RootCommand.prepare(arguments)
            Task { @MainActor in
                let status = await work()
                fflush(nil)
                exit(status)
            }
        }
        dispatchMain()
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
