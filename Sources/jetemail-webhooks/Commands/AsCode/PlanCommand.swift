import Glibc
import JetEmailClient

/// `plan FILE [--prune] [--json]`: what `apply` would do to make the account match the file.
/// Exit 0 when nothing would change, 3 when something would, 2 for a problem of the file.
struct PlanCommand: Command {
    static let name = "plan"
    static let abstract = "Say what apply would change to make the account match a file of webhooks; sends nothing."
    static let discussion = """
        Webhooks are matched by name: create, update field by field (old -> new), unchanged,
        and with --prune delete (without it, the account's webhooks missing from the file are
        listed and kept). The whole file is checked first: TOML syntax, the create schema
        exactly, unique names, filter values the account owns, no unknown keys; each problem
        names its line. A readable diff on a terminal, JSON otherwise. Exit 0 when nothing
        would change, 3 when something would, 2 for a problem of the file, 1 for the API.
        """
    static let positional: String? = "file"
    static let options: [OptionSpec] = [
        .flag("prune", "Also delete the account's webhooks that the file does not name."),
        .flag("json", "JSON even on a terminal."),
    ] + APIAccess.options

    /// Exit 3: the plan changes something (CI reads it).
    static let changesSomething: Int32 = 3

    let access: APIAccess
    let path: String
    let prune: Bool
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        path = try WebhookFileLoading.path(arguments, verb: Self.name)
        prune = arguments.flag("prune")
        json = arguments.flag("json")
    }

    @MainActor func begin() throws -> CommandWork {
        let file = try WebhookFileLoading.read(path).file
        return { try await run(file) }
    }

    @MainActor func run(_ file: WebhookFile) async throws {
        try await access.withClient { client in
            let (plan, _) = try await WebhookFileLoading.plan(file, client: client, prune: prune)
            try APIAccess.print(APIAccess.wantsJSON(json) ? PlanOutput.json(plan, file: path) : PlanOutput.text(plan, file: path, target: client.baseURL.description))
            if plan.sendsAnything { throw ExitCode(Self.changesSomething) }
        }
    }
}
