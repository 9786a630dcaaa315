/// A subcommand: its help, its table of options, how it reads them, and what it does.
protocol Command {
    static var name: String { get }
    static var abstract: String { get }
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    init(_ arguments: ParsedArguments) throws(UsageError)
    @MainActor func run() async throws
}
