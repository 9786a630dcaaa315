/// The options found on a command line, read back by name with the conversion each command needs.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    /// Bare arguments (the uuid of `get UUID`).
    var positionals: [String] = []

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func string(_ name: String) -> String? { values[name]?.last }

    func strings(_ name: String) -> [String] { values[name] ?? [] }

    /// A whole number, or the default when the option is absent.
    func int(_ name: String, default fallback: Int) throws(UsageError) -> Int {
        try optionalInt(name) ?? fallback
    }

    func optionalInt(_ name: String) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let number = Int(text) else { throw UsageError("--\(name) takes a whole number, not '\(text)'.") }
        return number
    }
}
