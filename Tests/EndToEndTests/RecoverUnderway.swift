import Foundation
import JetEmailClient
import JetEmailSandbox
import TestSupport

/// A sandbox with an outage of Billing (its second webhook), and a `recover` of it running as
/// a command, a few replays in: what the terminal tests then meet from the TUI.
struct RecoverUnderway {
    let backend: SandboxBackend
    let state = TemporaryDirectory()
    let environment: [String: String]
    let key: [String]
    let billing: Webhook
    let cli: KilledRun

    /// `options`: more of the command's, after `--webhook`; it has sent 3 replays (or `waitSeconds` passed).
    init(latencyMilliseconds: Int, outage: Int, options: [String] = [], waitSeconds: Double) async throws {
        backend = try await SandboxBackend(faults: SandboxFaults(latencyMilliseconds: latencyMilliseconds), seed: 3, seedDeliveries: 30, outage: outage)
        environment = backend.environment.merging(["XDG_STATE_HOME": state.path]) { $1 }
        key = Array(backend.arguments.dropFirst())
        billing = backend.server.webhooks[1]
        cli = try KilledRun(["recover", "--webhook", billing.uuid] + options + ["--yes"] + key, environment: environment)
        let server = backend.server
        await waitUntil(seconds: waitSeconds) { server.replays.count >= 3 }
    }
}

extension TmuxSession {
    struct NoSuchRow: Error, CustomStringConvertible {
        var list: String
        var description: String { "no such row in the list:\n\(list)" }
    }

    /// Moves the list's selection (from its first row) down to the first row `matches` takes.
    func selectRow(in list: String, where matches: (String) -> Bool) throws {
        let lines = list.split(separator: "\n").map(String.init)
        guard let first = lines.firstIndex(where: { $0.contains("Name") }), let row = lines.firstIndex(where: matches), row > first else {
            throw NoSuchRow(list: list)
        }
        for _ in 0..<(row - first - 1) { try send("Down") }
    }
}
