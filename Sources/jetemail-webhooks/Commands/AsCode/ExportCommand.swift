import Glibc
import JetEmailClient
import PosixSupport

/// `export [--webhook W …] [--output FILE [--force]]`: the account's webhooks as a file that
/// `plan` reads back as unchanged (TOML, by name, never a secret).
struct ExportCommand: Command {
    static let name = "export"
    static let abstract = "Write the account's webhooks as a file of webhooks (TOML) for plan and apply."
    static let discussion = """
        One [[webhook]] table each (name, url, events, status, filter_users, filter_domains),
        ordered by name, with a comment naming its uuid; never a secret. `plan` reads the file
        back as unchanged. To stdout, or --output FILE (a new file; --force replaces one).
        """
    static let options: [OptionSpec] = [
        .repeated("webhook", "uuid", "Only this webhook (its uuid or exact name); repeated, several."),
        .value("output", "path", "Write the file here instead of stdout (a new file)."),
        .flag("force", "With --output: replace the file if it exists."),
    ] + APIAccess.options

    let access: APIAccess
    let webhooks: [String]
    let output: String?
    let force: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        webhooks = arguments.strings("webhook")
        output = arguments.string("output")
        force = arguments.flag("force")
        if force, output == nil { throw UsageError("--force goes with --output FILE.") }
    }

    @MainActor func begin() throws -> CommandWork { { try await run() } }

    @MainActor func run() async throws {
        try await access.withClient { client in
            let list: [Webhook]
            do { list = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
            var chosen = list
            if !webhooks.isEmpty {
                let uuids = Set(try webhooks.map { try APIAccess.resolveWebhook($0, among: list) })
                chosen = list.filter { uuids.contains($0.uuid) }
            }
            let clock = SystemClock.wallClock()
            let text = WebhookExport.toml(chosen.map(\.withoutSecret), source: client.baseURL.description, at: clock.iso(SystemClock.unixNow))
            guard let output else { try APIAccess.print(text, newline: false); return }
            try write(text, to: HomeDirectory.expandingTilde(output, environment: ProcessEnvironment.current))
            StandardError.write("Wrote \(chosen.count) webhook\(chosen.count == 1 ? "" : "s") to \(TerminalSafe.escaped(output)).")
        }
    }

    /// A new file (never through a link); with --force, a file written beside and moved over it.
    func write(_ text: String, to path: String) throws {
        let target = force ? path + ".tmp-\(getpid())" : path
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            StandardError.write(code == EEXIST || code == ELOOP ? "\(TerminalSafe.escaped(path)) already exists: --force replaces it. Nothing was written."
                                : "Cannot write \(TerminalSafe.escaped(path)): \(String(cString: strerror(code))).")
            throw ExitCode(code == EEXIST || code == ELOOP ? 2 : 1)
        }
        let failed = writeAll(fd, Array(text.utf8))
        close(fd)
        if let failed {
            unlink(target)
            StandardError.write("Cannot write \(TerminalSafe.escaped(path)): \(String(cString: strerror(failed))). Nothing was written.")
            throw ExitCode(1)
        }
        if force, rename(target, path) != 0 {
            let code = errno
            unlink(target)
            StandardError.write("Cannot replace \(TerminalSafe.escaped(path)): \(String(cString: strerror(code))).")
            throw ExitCode(1)
        }
    }
}
