/// One `--long` option of a command: a flag, or an option that takes a value (once or repeatedly).
struct OptionSpec: Sendable {
    /// `optional`: a value when one follows (not an option), else the option alone ("").
    enum Kind: Sendable { case flag, single, repeated, optional }

    let name: String
    let kind: Kind
    /// Shown in help as `--name <valueName>`.
    let valueName: String
    let help: String
    /// The values shell completion offers; asked only when a completion script is made, never
    /// on the way to the first frame.
    var choices: (@Sendable () -> [String])?

    /// A path option: completion offers files.
    var completesFiles: Bool { valueName == "path" }

    /// The same option, with the values shell completion should offer.
    func choosing(_ values: @escaping @Sendable () -> [String]) -> OptionSpec {
        var copy = self
        copy.choices = values
        return copy
    }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .flag, valueName: "", help: help)
    }

    static func value(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .single, valueName: valueName, help: help)
    }

    static func repeated(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .repeated, valueName: valueName, help: help)
    }

    /// `--name [value]`: the value may be left out (the option then reads as "").
    static func optionalValue(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .optional, valueName: valueName, help: help)
    }

    var takesValue: Bool { kind != .flag }
}
