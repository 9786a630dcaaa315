import Glibc
import JetEmailClient
import JetEmailHTTP
import PosixSupport
import TerminalBackend
import TerminalUI

/// `doctor [--json]`: checks, one line each, everything between this program and a working
/// call: the key and where it comes from, the config file's permissions, the base URL and
/// proxy, name resolution, TCP and TLS to the API (timed), the key accepted, the clock against
/// the API's (signatures are refused past 300 s), the terminal, the recover journals' folder.
/// Exit 0 when nothing failed (warnings allowed), 1 otherwise.
struct DoctorCommand: Command {
    static let name = "doctor"
    static let abstract = "Check the key, the config, the way to the API, the clock and the terminal, one line each."
    static let discussion = """
        ✓ passed, ! a warning (exit code unchanged), ✗ failed (exit 1), each with what to do.
        The key is shown masked. One read-only call (the list) checks the key; its Date
        header checks the clock: past 30 s a warning, past 300 s an error (JetEmail's
        signature window). JSON when not on a terminal, or with --json.
        """
    static let options: [OptionSpec] = [.flag("json", "Print JSON even on a terminal.")] + ConnectionOptions.options
    static let positional: String? = nil

    let connection: ConnectionOptions
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        connection = try ConnectionOptions(arguments)
        json = arguments.flag("json")
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    @MainActor func run() async throws {
        let environment = ProcessEnvironment.current
        var checks = DoctorLocalChecks.all(connection: connection, environment: environment)
        checks += await DoctorNetworkChecks.all(connection: connection, environment: environment)
        checks += DoctorLocalChecks.terminalAndState(environment: environment)
        let failed = checks.contains { $0.status == .error }
        if APIAccess.wantsJSON(json) {
            struct Report: Encodable { var ok: Bool; var checks: [DoctorCheck] }
            try APIAccess.print(WebhookOutput.json(Report(ok: !failed, checks: checks)))
        } else {
            try APIAccess.print(checks.map(\.line).joined(separator: "\n"))
        }
        if failed { throw ExitCode(1) }
    }
}
