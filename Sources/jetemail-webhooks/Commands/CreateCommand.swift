import FoundationEssentials
import Glibc
import JetEmailClient
import PosixSupport
import WebhookTUI

struct CreateCommand: Command {
    static let name = "create"
    static let abstract = "Create a webhook: the form on a terminal, or from flags with --no-input."
    static let discussion = """
        With --no-input nothing is asked: the flags are validated (every problem is printed as 'field: message' and the exit code is 2), then the webhook is created.
        The signing secret is shown once; --secret-file writes it to a new file (mode 0600) instead of printing it.
        """
    static let options: [OptionSpec] = [
        .value("name", "name", "Webhook name: letters, digits, hyphens, underscores, spaces; at most 64."),
        .value("url", "url", "Endpoint URL, https:// (or http://)."),
        .repeated("event", "type", "An event type to subscribe to.").choosing { EventType.allCases.map(\.rawValue) },
        .value("status", "0|1", "1 enabled (default), 0 disabled.").choosing { ["1", "0", "enabled", "disabled"] },
        .repeated("filter-user", "user", "Only outbound events of this user."),
        .repeated("filter-domain", "domain", "Only inbound events of this domain."),
        .flag("no-input", "Never ask; take everything from flags (for scripts)."),
        .flag("dry-run", "Validate and print the JSON body that would be sent; send nothing."),
        .flag("json", "Print the created webhook as JSON."),
        .value("secret-file", "path", "Write the signing secret to this new file (0600) and print only its path."),
        .flag("demo", "Use a built-in sandbox API on a random loopback port instead of JetEmail."),
        .value("demo-latency-ms", "ms", "With --demo: delay each sandbox answer, to see a slow submit."),
        .flag("accessible", "Plain line-by-line prompts instead of the full-screen form (also ACCESSIBLE=1): for screen readers and serial consoles."),
    ] + ConnectionOptions.options

    let name: String?
    let url: String?
    let events: [String]
    let status: String?
    let filterUsers: [String]
    let filterDomains: [String]
    let noInput: Bool
    let dryRun: Bool
    let json: Bool
    let secretFile: String?
    let demo: Bool
    let demoLatencyMs: Int
    let accessible: Bool
    let connection: ConnectionOptions
    /// The first screen on a terminal: the list when the program is run without a subcommand
    /// and without values for the form; otherwise the form.
    var home: AppState.Home = .form

    init(_ arguments: ParsedArguments) throws(UsageError) {
        name = arguments.string("name")
        url = arguments.string("url")
        events = arguments.strings("event")
        status = arguments.string("status")
        filterUsers = arguments.strings("filter-user")
        filterDomains = arguments.strings("filter-domain")
        noInput = arguments.flag("no-input")
        dryRun = arguments.flag("dry-run")
        json = arguments.flag("json")
        // `--secret-file=~/x` reaches us unexpanded: the shell expands only a word-initial `~`.
        secretFile = try arguments.string("secret-file").map { path throws(UsageError) in
            guard !path.isEmpty else { throw UsageError("--secret-file needs a path.") }
            return HomeDirectory.expandingTilde(path, environment: ProcessEnvironment.current)
        }
        demo = arguments.flag("demo")
        demoLatencyMs = try arguments.int("demo-latency-ms", default: 0)
        guard demoLatencyMs >= 0 else { throw UsageError("--demo-latency-ms cannot be negative.") }
        accessible = arguments.flag("accessible")
        connection = try ConnectionOptions(arguments)
    }

    /// No value for the form was given, so there is nothing to prefill.
    var prefillsNothing: Bool {
        name == nil && url == nil && events.isEmpty && status == nil && filterUsers.isEmpty && filterDomains.isEmpty && secretFile == nil
            && !noInput && !dryRun && !json
    }

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

    enum Mode { case flagsOnly, prompts, form }

    /// Flags only (`--no-input`, `--dry-run`), line-by-line prompts (`--accessible`, ACCESSIBLE=1), or the form.
    func mode(environment: [String: String]) -> Mode {
        if noInput || dryRun { return .flagsOnly }
        if accessible || environment["ACCESSIBLE"].map({ !$0.isEmpty && $0 != "0" }) == true { return .prompts }
        return .form
    }

    @MainActor func begin() throws -> CommandWork {
        // Read once: each read of the environment builds a new dictionary.
        let environment = ProcessEnvironment.current
        switch mode(environment: environment) {
        case .flagsOnly: return { try await NonInteractiveCreate(command: self).run() }
        case .prompts: return { try await NonInteractiveCreate(command: self).runAccessible() }
        case .form where demo: return { try await InteractiveCreate.run(self, environment: environment) }
        case .form:
            // Nothing to wait for: the first frame is drawn now, before the async runtime starts.
            let session = try InteractiveCreate.begin(self, environment: environment)
            return { try await InteractiveCreate.end(session, sandbox: nil) }
        }
    }
}
