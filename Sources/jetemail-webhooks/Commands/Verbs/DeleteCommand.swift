import Glibc
import JetEmailClient

/// `delete UUID [--yes]`: asks on a terminal; without one, `--yes` is required (exit 2 otherwise).
struct DeleteCommand: Command {
    static let name = "delete"
    static let abstract = "Delete a webhook. Asks first on a terminal; scripts pass --yes."
    static let discussion = "The webhook by its uuid or its exact name. Without a terminal and without --yes nothing is deleted and the exit code is 2."
    static let positional: String? = "uuid"
    static let options: [OptionSpec] = [.flag("yes", "Delete without asking.")] + APIAccess.options

    let access: APIAccess
    let yes: Bool
    let uuid: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        yes = arguments.flag("yes")
        uuid = try APIAccess.uuid(arguments)
    }

    @MainActor func begin() throws -> CommandWork {
        try APIAccess.requireTerminal(unless: yes, "pass --yes to delete \(TerminalSafe.escaped(uuid)). Nothing was deleted.")
        return { try await run() }
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            let uuid = try await APIAccess.resolveWebhook(self.uuid, client: client)
            if !yes {
                // Name and URL in the question, so the person sees what goes.
                let webhook: Webhook
                do { webhook = try await client.getWebhook(uuid: uuid) } catch { throw APIAccess.fail(error, doing: .read) }
                let name = TerminalSafe.escaped(webhook.name), url = TerminalSafe.escaped(webhook.url)
                try APIAccess.confirm("Delete \(name) (\(url))? This cannot be undone. y/N ", declined: "Nothing was deleted.")
            }
            do { _ = try await client.deleteWebhook(uuid: uuid) } catch { throw APIAccess.fail(error, doing: .delete) }
            StandardError.write("Deleted \(TerminalSafe.escaped(uuid)).")
        }
    }
}
