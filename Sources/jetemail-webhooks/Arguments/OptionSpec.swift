/// One `--long` option of a command: a flag, or an option that takes a value (once or repeatedly).
struct OptionSpec: Sendable {
    enum Kind: Sendable { case flag, single, repeated }

    let name: String
    let kind: Kind
    /// Shown in help as `--name <valueName>`.
    let valueName: String
    let help: String

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .flag, valueName: "", help: help)
    }

    static func value(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .single, valueName: valueName, help: help)
    }

    static func repeated(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .repeated, valueName: valueName, help: help)
    }

    var takesValue: Bool { kind != .flag }
}
