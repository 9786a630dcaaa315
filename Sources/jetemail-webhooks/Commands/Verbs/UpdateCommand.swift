import JetEmailClient

/// `update (UUID | --uuid UUID) [field flags] [--dry-run] [--json]`, with the official CLI's flag
/// names. The webhook is fetched, the flags applied to it and checked by the create rules, and
/// only what changes is sent. `--event` replaces the whole set.
struct UpdateCommand: Command {
    static let name = "update"
    static let abstract = "Change a webhook's fields; only the ones given (and different) are sent."
    static let discussion = """
        The webhook by its uuid or its exact name. Flags are checked by the same rules as create
        before anything is sent (exit 2 on a problem).
        Only the fields given are checked and sent: an unchanged name or status is left as it is.
        --event replaces the whole set of events (outbound.queued, which delivery logs show but
        no update may send, is dropped, with a warning). Nothing to change is a usage error.
        """
    static let positional: String? = "uuid"
    static let options: [OptionSpec] = [
        .value("uuid", "uuid", "The webhook (or give it as the argument)."),
        .value("name", "name", "New name."),
        .value("url", "url", "New endpoint URL."),
        .repeated("event", "type", "The new set of events (replaces the old one).").choosing { EventType.allCases.map(\.rawValue) },
        .value("status", "0|1", "1 enabled, 0 disabled.").choosing { ["1", "0", "enabled", "disabled"] },
        .repeated("filter-user", "user", "The new outbound user filter (replaces the old one)."),
        .repeated("filter-domain", "domain", "The new inbound domain filter (replaces the old one)."),
        .flag("clear-filter-users", "Remove the user filter (all users; sent as null)."),
        .flag("clear-filter-domains", "Remove the domain filter (all domains; sent as null)."),
        .flag("dry-run", "Print the PATCH body that would be sent; send nothing."),
        .flag("json", "Print the updated webhook as JSON even on a terminal."),
    ] + APIAccess.options

    let access: APIAccess
    let uuid: String
    let arguments: ParsedArguments
    let dryRun: Bool
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        uuid = try APIAccess.uuid(arguments, allowFlag: true)
        self.arguments = arguments
        dryRun = arguments.flag("dry-run")
        json = arguments.flag("json")
        let changes = ["name", "url", "event", "status", "filter-user", "filter-domain"].contains { arguments.values[$0] != nil }
            || arguments.flag("clear-filter-users") || arguments.flag("clear-filter-domains")
        guard changes else { throw UsageError("Nothing to change: give at least one of --name, --url, --event, --status, --filter-user, --filter-domain, --clear-filter-users, --clear-filter-domains.") }
        if arguments.flag("clear-filter-users"), !arguments.strings("filter-user").isEmpty {
            throw UsageError("--clear-filter-users and --filter-user contradict each other.")
        }
        if arguments.flag("clear-filter-domains"), !arguments.strings("filter-domain").isEmpty {
            throw UsageError("--clear-filter-domains and --filter-domain contradict each other.")
        }
    }

    /// The webhook as it is, with the flags applied.
    func edited(_ current: Webhook) -> WebhookDraft {
        var draft = WebhookDraft(current)
        if let name = arguments.string("name") { draft.name = name }
        if let url = arguments.string("url") { draft.url = url }
        if arguments.values["event"] != nil { draft.events = arguments.strings("event") }
        if let status = arguments.string("status") { draft.status = CreateCommand.statusNumber(status) }
        if arguments.values["filter-user"] != nil { draft.filterUsers = arguments.strings("filter-user") }
        if arguments.values["filter-domain"] != nil { draft.filterDomains = arguments.strings("filter-domain") }
        if arguments.flag("clear-filter-users") { draft.filterUsers = [] }
        if arguments.flag("clear-filter-domains") { draft.filterDomains = [] }
        return draft
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            let uuid = try await APIAccess.resolveWebhook(self.uuid, client: client)
            let current: Webhook
            do { current = try await client.getWebhook(uuid: uuid) } catch { throw APIAccess.fail(error, doing: .read) }
            let (patch, report) = WebhookPatch.between(current, and: edited(current))
            for warning in report.warnings { StandardError.write("warning: \(warning)") }
            guard let patch else {
                for error in report.errors { StandardError.write(error.description) }
                throw ExitCode(2)
            }
            guard !patch.isEmpty else {
                StandardError.write("Nothing to change: the webhook already has these values. Nothing was sent.")
                throw ExitCode(2)
            }
            if dryRun {
                try APIAccess.print(String(decoding: patch.encoded(pretty: true), as: UTF8.self))
                return
            }
            let updated: Webhook
            do { updated = try await client.updateWebhook(patch) } catch { throw APIAccess.fail(error, doing: .change) }
            try APIAccess.print(APIAccess.wantsJSON(json) ? WebhookOutput.json(updated.withoutSecret) : WebhookOutput.details(updated))
        }
    }
}
