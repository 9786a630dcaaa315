import ArgumentParser
import JetEmailClient

struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jetemail-webhooks",
        abstract: "Create and administer JetEmail webhooks from the terminal.",
        discussion: """
            Exit codes: 0 success, 1 API or network error, 2 invalid input or usage.
            The API key is read from --api-key-file, JETEMAIL_API_KEY, or the jetemail CLI's config file.
            """,
        version: JetEmailWebhooksVersion.current,
        subcommands: [CreateCommand.self, SandboxCommand.self],
        defaultSubcommand: CreateCommand.self
    )
}
