/// Reads `--option value`, `--option=value` and `--flag` against a command's table of options.
/// Written by hand rather than with swift-argument-parser: that library finds options by runtime
/// reflection, which cost about 4 ms of every start in the one-file build (see docs/architecture.md).
enum ArgumentScanner {
    enum Outcome {
        case run(ParsedArguments)
        case help
        case version
    }

    /// `positional`: the name of the one bare argument the command takes (`uuid`), or nil.
    static func scan(_ arguments: [String], options: [OptionSpec], positional: String? = nil) throws(UsageError) -> Outcome {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-h" || argument == "--help" { return .help }
            if argument == "--version" { return .version }
            // `--` ends the options; only the positional argument may follow it.
            if argument == "--" {
                for rest in arguments[index...] { try take(rest, as: positional, into: &parsed) }
                break
            }
            if let positional, !argument.hasPrefix("-"), parsed.positionals.isEmpty {
                try take(argument, as: positional, into: &parsed)
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw UsageError(argument.hasPrefix("-") && argument != "-"
                    ? "Unknown option '\(argument)'. Options are spelled in full, like --name."
                    : "Unexpected argument '\(argument)'. Values follow their option, like --name '\(argument)'.")
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw UsageError("Unknown option '--\(name)'." + suggestion(for: name, among: options))
            }
            switch spec.kind {
            case .flag:
                if inlineValue != nil { throw UsageError("--\(name) is a switch and takes no value.") }
                parsed.flags.insert(name)
            case .single, .repeated, .optional:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if spec.kind == .optional {
                    // The value is there when something follows that is not an option.
                    if index < arguments.count, !arguments[index].hasPrefix("--") {
                        value = arguments[index]
                        index += 1
                    } else {
                        value = ""
                    }
                } else {
                    // A following `--option` is a forgotten value, not a value: `--name --url x` is a mistake.
                    guard index < arguments.count, !isKnownOption(arguments[index], options) else {
                        throw UsageError("--\(name) needs a value: --\(name) <\(spec.valueName)>.")
                    }
                    value = arguments[index]
                    index += 1
                }
                if spec.kind != .repeated, parsed.values[name] != nil {
                    throw UsageError("--\(name) was given twice; give it once.")
                }
                parsed.values[name, default: []].append(value)
            }
        }
        return .run(parsed)
    }

    private static func take(_ argument: String, as positional: String?, into parsed: inout ParsedArguments) throws(UsageError) {
        guard positional != nil, parsed.positionals.isEmpty else {
            throw UsageError("Unexpected argument '\(argument)'" + (positional.map { "; only one <\($0)> is taken." } ?? "."))
        }
        parsed.positionals.append(argument)
    }

    private static func isKnownOption(_ argument: String, _ options: [OptionSpec]) -> Bool {
        guard argument.hasPrefix("--") else { return false }
        let name = argument.dropFirst(2).prefix { $0 != "=" }
        return name == "help" || name == "version" || options.contains { $0.name == name }
    }

    /// " Did you mean '--name'?" for a near miss (a typo of up to two letters, or a prefix).
    static func suggestion(for name: String, among options: [OptionSpec]) -> String {
        let scored = options.map { ($0.name, editDistance(name, $0.name)) }
        let prefixed = options.first { $0.name.hasPrefix(name) && name.count >= 3 }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return "" }
        if best.1 <= 2 { return " Did you mean '--\(best.0)'?" }
        if let prefixed { return " Did you mean '--\(prefixed.name)'?" }
        return " See --help for the options."
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
