import ArgumentParser
import Foundation

/// Exit codes: 0 success, 1 an API or network error, 2 invalid input or usage.
@main
enum Entry {
    static func main() async {
        // A broken pipe (`| head`) must end the program quietly, not kill it with a signal mid-write.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try RootCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = RootCommand.exitCode(for: error)
            let message = RootCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            StandardError.write(message)
            exit(code == .validationFailure || code == .failure ? 2 : code.rawValue)
        }
    }
}

enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
