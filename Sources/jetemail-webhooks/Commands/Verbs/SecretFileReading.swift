import JetEmailClient
import WebhookTUI
import PosixSupport

/// A webhook secret from a file named on the command line or typed in the TUI (never from argv
/// itself): a regular file, at most 1 MiB, its surrounding whitespace dropped.
enum SecretFileReading {
    /// The secret, or why it cannot be read (a sentence without the secret in it).
    static func read(_ path: String) -> Result<String, ExampleFailure> {
        let expanded = HomeDirectory.expandingTilde(path, environment: ProcessEnvironment.current)
        let text: String
        do { text = try SecureRead.string(atPath: expanded) } catch {
            return .failure(ExampleFailure("cannot read the secret file \(TerminalSafe.escaped(path)): \(error.reason)."))
        }
        let secret = text.trimmingWhitespace()
        guard !secret.isEmpty else { return .failure(ExampleFailure("the secret file \(TerminalSafe.escaped(path)) is empty.")) }
        return .success(secret)
    }

    /// For the verbs: the secret, or exit 2 with the reason on stderr; a warning when others may read the file.
    static func secret(atPath path: String) throws -> String {
        switch read(path) {
        case .failure(let failure):
            StandardError.write(failure.message.prefix(1).uppercased() + failure.message.dropFirst())
            throw ExitCode(2)
        case .success(let secret):
            let expanded = HomeDirectory.expandingTilde(path, environment: ProcessEnvironment.current)
            if let warning = SecureRead.permissionWarning(path: expanded) { StandardError.write("warning: \(warning)") }
            return secret
        }
    }
}
