import FoundationEssentials
import JetEmailClient

/// `jetemail-webhooks [create|sandbox|help] [options]`: picks the subcommand (create when none is
/// named), reads its options, runs it. Returns the exit status.
enum RootCommand {
    static let name = "jetemail-webhooks"
    static let abstract = "Create and administer JetEmail webhooks from the terminal."
    static let discussion = """
        Exit codes: 0 success, 1 API or network error, 2 invalid input or usage.
        The API key is read from --api-key-file, JETEMAIL_API_KEY, or the jetemail CLI's config file.
        Without a subcommand: the list of webhooks on a terminal; create's options
        (below), when given, open the form prefilled.
        """

    /// The subcommands by name. An enum rather than an array of `any Command.Type`: Swift 6.3's
    /// SILGen crashed on running an opened existential command inside a do/catch.
    enum Subcommand: String, CaseIterable {
        case create, list, get, update, delete, query, replay, recover, rotate, export, plan, apply, stats, sendExample = "send-example", verify, doctor, sandbox

        var type: any Command.Type {
            switch self {
            case .create: CreateCommand.self
            case .list: ListCommand.self
            case .get: GetCommand.self
            case .update: UpdateCommand.self
            case .delete: DeleteCommand.self
            case .query: QueryCommand.self
            case .replay: ReplayCommand.self
            case .recover: RecoverCommand.self
            case .rotate: RotateCommand.self
            case .export: ExportCommand.self
            case .plan: PlanCommand.self
            case .apply: ApplyCommand.self
            case .stats: StatsCommand.self
            case .sendExample: SendExampleCommand.self
            case .verify: VerifyCommand.self
            case .doctor: DoctorCommand.self
            case .sandbox: SandboxCommand.self
            }
        }

        var help: String { RootCommand.help(for: type) }

        /// `named`: the subcommand was given by name (`create` opens the form; none, the list).
        @MainActor func begin(_ parsed: ParsedArguments, named: Bool) throws -> CommandWork {
            switch self {
            case .create:
                var create = try CreateCommand(parsed)
                if !named, create.prefillsNothing { create.home = .list }
                return try create.begin()
            case .list: return try ListCommand(parsed).begin()
            case .get: return try GetCommand(parsed).begin()
            case .update: return try UpdateCommand(parsed).begin()
            case .delete: return try DeleteCommand(parsed).begin()
            case .query: return try QueryCommand(parsed).begin()
            case .replay: return try ReplayCommand(parsed).begin()
            case .recover: return try RecoverCommand(parsed).begin()
            case .rotate: return try RotateCommand(parsed).begin()
            case .export: return try ExportCommand(parsed).begin()
            case .plan: return try PlanCommand(parsed).begin()
            case .apply: return try ApplyCommand(parsed).begin()
            case .stats: return try StatsCommand(parsed).begin()
            case .sendExample: return try SendExampleCommand(parsed).begin()
            case .verify: return try VerifyCommand(parsed).begin()
            case .doctor: return try DoctorCommand(parsed).begin()
            case .sandbox: return try SandboxCommand(parsed).begin()
            }
        }
    }

    /// What is left to do once the async runtime runs; returns the exit status.
    typealias Work = @MainActor @Sendable () async -> Int32

    /// Reads the command line and does at once what needs no waiting: help, version, usage errors,
    /// and the form's first frame when there is no demo sandbox to start first. The rest is returned.
    @MainActor static func prepare(_ arguments: [String]) -> Work {
        var rest = arguments
        var chosen: Subcommand?
        if let first = rest.first {
            if first == "help" {
                let topic = rest.dropFirst().first
                guard let topic else { print(rootHelp); return { 0 } }
                guard let subcommand = Subcommand(rawValue: topic), rest.count == 2 else {
                    let names = Subcommand.allCases.map(\.rawValue).joined(separator: ", ")
                    let status = usageError("help takes one subcommand (\(names)); '\(rest.dropFirst().joined(separator: " "))' is not one.", chosen: nil)
                    return { status }
                }
                print(subcommand.help)
                return { 0 }
            }
            if first == "man", rest.count == 1 {
                print(manPage, terminator: "")
                return { 0 }
            }
            if first == "completions" {
                let shells = Completions.Shell.allCases.map(\.rawValue).joined(separator: "|")
                guard rest.count == 2, let shell = Completions.Shell(rawValue: rest[1]) else {
                    let status = usageError("completions takes one shell: \(shells).", chosen: nil)
                    return { status }
                }
                print(completionScript(for: shell), terminator: "")
                return { 0 }
            }
            chosen = Subcommand(rawValue: first)
            if chosen != nil {
                rest.removeFirst()
            } else if !first.hasPrefix("-") {
                let names = Subcommand.allCases.map(\.rawValue).joined(separator: ", ")
                let status = usageError("'\(first)' is not a subcommand (\(names), help) or an option.", chosen: nil)
                return { status }
            }
        }
        let command = chosen ?? .create
        let outcome: ArgumentScanner.Outcome
        do {
            outcome = try ArgumentScanner.scan(rest, options: command.type.options, positional: command.type.positional)
        } catch {
            let status = usageError(error.message, chosen: chosen)
            return { status }
        }
        switch outcome {
        case .help:
            print(chosen?.help ?? rootHelp)
            return { 0 }
        case .version:
            print(JetEmailWebhooksVersion.current)
            return { 0 }
        case .run(let parsed):
            do {
                let work = try command.begin(parsed, named: chosen != nil)
                return { await status(work) }
            } catch {
                let code = exitStatus(for: error, chosen: chosen)
                return { code }
            }
        }
    }

    /// Runs the work and turns what it throws into an exit status.
    @MainActor private static func status(_ work: CommandWork) async -> Int32 {
        do {
            try await work()
            return 0
        } catch {
            return exitStatus(for: error, chosen: nil)
        }
    }

    private static func exitStatus(for error: any Error, chosen: Subcommand?) -> Int32 {
        switch error {
        case let usage as UsageError: return usageError(usage.message, chosen: chosen)
        case let code as ExitCode: return code.rawValue
        default:
            StandardError.write("Error: \(error)")
            return 1
        }
    }

    private static func usageError(_ message: String, chosen: Subcommand?) -> Int32 {
        let helpCommand = chosen.map { "\(name) \($0.rawValue) --help" } ?? "\(name) --help"
        StandardError.write("Error: \(message)\nRun '\(helpCommand)' for the options.")
        return 2
    }

    static func help(for command: any Command.Type) -> String {
        HelpText.render(command: "\(name) \(command.name)", abstract: command.abstract, discussion: command.discussion,
                        options: command.options, positional: command.positional)
    }

    static var rootHelp: String {
        HelpText.render(command: name, abstract: abstract, discussion: discussion, options: CreateCommand.options,
                        subcommands: Subcommand.allCases.map { ($0.rawValue, $0.type.abstract) } + [
                            ("help <subcommand>", "Show a subcommand's help."),
                            ("completions bash|zsh|fish", "Print a shell completion script (bash: source <(jetemail-webhooks completions bash))."),
                        ])
    }

    /// The manual page (roff), from the same tables as `--help`: the program, then a section a
    /// subcommand. `man` prints it (the .deb installs it as jetemail-webhooks.1).
    static var manPage: String {
        let sections = [ManPage.Section(name: name, abstract: "Without a subcommand: the list of webhooks on a terminal; the create form's options open the form prefilled.",
                                        discussion: "", positional: nil, options: CreateCommand.options)]
            + Subcommand.allCases.map { ManPage.Section(name: $0.rawValue, abstract: $0.type.abstract, discussion: $0.type.discussion,
                                                        positional: $0.type.positional, options: $0.type.options) }
            + [ManPage.Section(name: "completions", abstract: "Print a shell completion script: bash, zsh or fish.", discussion: "", positional: "shell", options: []),
               ManPage.Section(name: "help", abstract: "Show a subcommand's help.", discussion: "", positional: "subcommand", options: [])]
        return ManPage.render(program: name, abstract: abstract, discussion: discussion, version: JetEmailWebhooksVersion.current,
                              sections: sections, date: "2026")
    }

    /// The completion script, from the subcommands' own option tables.
    static func completionScript(for shell: Completions.Shell) -> String {
        let subcommands = Subcommand.allCases.map { Completions.Entry(name: $0.rawValue, abstract: $0.type.abstract, options: $0.type.options) }
        let extra = [
            Completions.Entry(name: "help", abstract: "Show a subcommand's help.", options: [], words: Subcommand.allCases.map(\.rawValue)),
            Completions.Entry(name: "completions", abstract: "Print a shell completion script.", options: [],
                              words: Completions.Shell.allCases.map(\.rawValue)),
        ]
        return Completions.script(for: shell, program: name, entries: subcommands + extra, defaultEntry: Subcommand.create.rawValue)
    }
}
