import Dispatch
import FoundationEssentials
import Glibc
import JetEmailClient

/// Exit codes: 0 success, 1 an API or network error, 2 invalid input or usage.
@main
enum Entry {
    /// Synchronous on purpose: help, usage errors and the form's first frame are done on the main
    /// thread before the async runtime starts (`dispatchMain` hands the main queue to a worker
    /// thread, which cost about 0.85 ms before anything could be drawn). The rest runs as a task.
    @MainActor static func main() {
        // A broken pipe (`| head`) must end the program quietly, not kill it with a signal mid-write.
        signal(SIGPIPE, SIG_IGN)
        // Before anything opens a file or a socket: descriptors 0-2 must not be reused.
        _ = StandardStreams.closedAtStart
        let work = RootCommand.prepare(Array(CommandLine.arguments.dropFirst()))
        Task { @MainActor in
            let status = await work()
            fflush(nil)
            exit(status)
        }
        dispatchMain()
    }
}
