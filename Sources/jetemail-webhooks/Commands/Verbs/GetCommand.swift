import JetEmailClient

/// `get UUID [--json]`: one webhook.
struct GetCommand: Command {
    static let name = "get"
    static let abstract = "Show one webhook: every field, or JSON when not on a terminal."
    static let discussion = "The webhook by its uuid or its exact name. One that does not exist (404) is exit 1 with a message saying so."
    static let positional: String? = "uuid"
    static let options: [OptionSpec] = [.flag("json", "Print JSON even on a terminal.")] + APIAccess.options

    let access: APIAccess
    let json: Bool
    let uuid: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        json = arguments.flag("json")
        uuid = try APIAccess.uuid(arguments)
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            let uuid = try await APIAccess.resolveWebhook(self.uuid, client: client)
            let webhook: Webhook
            do { webhook = try await client.getWebhook(uuid: uuid) } catch { throw APIAccess.fail(error, doing: .read) }
            try APIAccess.print(APIAccess.wantsJSON(json) ? WebhookOutput.json(webhook.withoutSecret) : WebhookOutput.details(webhook))
        }
    }
}
