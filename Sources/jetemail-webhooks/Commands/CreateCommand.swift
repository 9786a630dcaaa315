import ArgumentParser
import Foundation
import JetEmailClient

struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a webhook: the form on a terminal, or from flags with --no-input.",
        discussion: """
            With --no-input nothing is asked: the flags are validated (every problem is printed as
            'field: message' and the exit code is 2), then the webhook is created. The signing secret
            is shown once; --secret-file writes it to a new file (mode 0600) instead of printing it.
            """
    )

    @Option(help: "Webhook name: letters, digits, hyphens, underscores, spaces; at most 64.")
    var name: String?

    @Option(help: "Endpoint URL, https:// (or http://).")
    var url: String?

    @Option(name: .customLong("event"), help: ArgumentHelp("An event type to subscribe to; repeat for more.", valueName: "type"))
    var events: [String] = []

    @Option(help: ArgumentHelp("1 enabled (default), 0 disabled.", valueName: "0|1"))
    var status: String?

    @Option(name: .customLong("filter-user"), help: ArgumentHelp("Only outbound events of this user; repeatable.", valueName: "user"))
    var filterUsers: [String] = []

    @Option(name: .customLong("filter-domain"), help: ArgumentHelp("Only inbound events of this domain; repeatable.", valueName: "domain"))
    var filterDomains: [String] = []

    @Flag(help: "Never ask; take everything from flags (for scripts).")
    var noInput = false

    @Flag(help: "Validate and print the JSON body that would be sent; send nothing.")
    var dryRun = false

    @Flag(help: "Print the created webhook as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Write the signing secret to this new file (0600) and print only its path.", valueName: "path"))
    var secretFile: String?

    @Flag(help: "Use a built-in sandbox API on a random loopback port instead of JetEmail.")
    var demo = false

    @Option(help: ArgumentHelp("With --demo: delay each sandbox answer, to see a slow submit.", valueName: "ms"))
    var demoLatencyMs: Int = 0

    @Flag(help: "Plain line-by-line prompts instead of the full-screen form (also ACCESSIBLE=1): for screen readers and serial consoles.")
    var accessible = false

    @OptionGroup var connection: ConnectionOptions

    var draft: WebhookDraft {
        WebhookDraft(name: name ?? "", url: url ?? "", events: events, status: Self.statusNumber(status),
                     filterUsers: filterUsers, filterDomains: filterDomains)
    }

    /// A number as given, or the words enabled/disabled; other text becomes -1, which validation reports.
    static func statusNumber(_ text: String?) -> Int {
        guard let text else { return 1 }
        if let n = Int(text) { return n }
        switch text.lowercased() {
        case "enabled": return 1
        case "disabled": return 0
        default: return -1
        }
    }

    func run() async throws {
        if noInput || dryRun {
            try await NonInteractiveCreate(command: self).run()
        } else if accessible || ProcessInfo.processInfo.environment["ACCESSIBLE"].map({ !$0.isEmpty && $0 != "0" }) == true {
            try await NonInteractiveCreate(command: self).runAccessible()
        } else {
            try await InteractiveCreate.run(self)
        }
    }
}
