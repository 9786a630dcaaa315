/// A subcommand: its help, its table of options, how it reads them, and what it does.
protocol Command {
    static var name: String { get }
    static var abstract: String { get }
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    /// The one bare argument it takes (`uuid`), or nil.
    static var positional: String? { get }
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Does now what needs no waiting (the form draws its first frame here) and returns the rest,
    /// which runs once the async runtime is up.
    @MainActor func begin() throws -> CommandWork
}

/// The part of a command that waits (network, the person at the form).
typealias CommandWork = @MainActor @Sendable () async throws -> Void

extension Command {
    static var positional: String? { nil }
}
