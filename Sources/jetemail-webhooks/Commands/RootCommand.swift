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
        Without a subcommand, create runs; its options are listed below.
        """

    /// The subcommands by name. An enum rather than an array of `any Command.Type`: Swift 6.3's
    /// SILGen crashed on running an opened existential command inside the do/catch below.
    enum Subcommand: String, CaseIterable {
        case create, sandbox

        var options: [OptionSpec] { self == .create ? CreateCommand.options : SandboxCommand.options }
        var abstract: String { self == .create ? CreateCommand.abstract : SandboxCommand.abstract }
        var help: String { self == .create ? RootCommand.help(for: CreateCommand.self) : RootCommand.help(for: SandboxCommand.self) }

        @MainActor func run(_ parsed: ParsedArguments) async throws {
            switch self {
            case .create: try await CreateCommand(parsed).run()
            case .sandbox: try await SandboxCommand(parsed).run()
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
                print(rest.dropFirst().first.flatMap(Subcommand.init(rawValue:))?.help ?? rootHelp)
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
            outcome = try ArgumentScanner.scan(rest, options: command.options)
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
                if command == .create {
                    let create = try CreateCommand(parsed)
                    let environment = ProcessInfo.processInfo.environment
                    if create.mode(environment: environment) == .form, !create.demo {
                        let session = try InteractiveCreate.begin(create, environment: environment)
                        return { await status { try await InteractiveCreate.end(session, sandbox: nil) } }
                    }
                }
            } catch {
                let code = exitStatus(for: error, chosen: chosen)
                return { code }
            }
            return { await status { try await command.run(parsed) } }
        }
    }

    /// Runs the work and turns what it throws into an exit status.
    @MainActor private static func status(_ work: @MainActor () async throws -> Void) async -> Int32 {
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

    static func help<C: Command>(for command: C.Type) -> String {
        HelpText.render(command: "\(name) \(C.name)", abstract: C.abstract, discussion: C.discussion, options: C.options)
    }

    static var rootHelp: String {
        HelpText.render(command: name, abstract: abstract, discussion: discussion, options: CreateCommand.options,
                        subcommands: Subcommand.allCases.map { ($0.rawValue, $0.abstract) } + [("help <subcommand>", "Show a subcommand's help.")])
    }
}
