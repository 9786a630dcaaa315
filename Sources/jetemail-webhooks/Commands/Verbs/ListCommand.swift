import JetEmailClient

/// `list [--json]`: every webhook, as the official CLI's `webhooks list`.
struct ListCommand: Command {
    static let name = "list"
    static let abstract = "List the account's webhooks: a table on a terminal, JSON otherwise."
    static let discussion = "Secrets are never printed: the API shows a secret once, at creation."
    static let options: [OptionSpec] = [.flag("json", "Print JSON even on a terminal.")] + APIAccess.options

    let access: APIAccess
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        json = arguments.flag("json")
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            let list: [Webhook]
            do { list = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
            let safe = list.map(\.withoutSecret)
            try APIAccess.print(APIAccess.wantsJSON(json) ? WebhookOutput.json(safe) : WebhookOutput.table(safe))
        }
    }
}
