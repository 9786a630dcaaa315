/// `--help` output: what the command does, how to call it, then its options, wrapped to 80 columns.
enum HelpText {
    static func render(command: String, abstract: String, discussion: String, options: [OptionSpec],
                       subcommands: [(name: String, abstract: String)] = [], positional: String? = nil) -> String {
        var lines = wrap(abstract, width: width)
        lines += ["", "USAGE: \(command)\(subcommands.isEmpty ? "" : " [<subcommand>]")\(positional.map { " <\($0)>" } ?? "") [<options>]", ""]
        if !discussion.isEmpty {
            // Each line of the discussion is a sentence or paragraph of its own, wrapped to fit.
            for paragraph in discussion.split(separator: "\n") { lines += wrap(String(paragraph), width: width) }
            lines.append("")
        }
        if !subcommands.isEmpty {
            lines.append("SUBCOMMANDS:")
            for sub in subcommands { lines += entry(sub.name, sub.abstract) }
            lines.append("")
        }
        lines.append("OPTIONS:")
        for option in options {
            let label = option.takesValue ? "--\(option.name) <\(option.valueName)>" : "--\(option.name)"
            lines += entry(label, option.help + (option.kind == .repeated ? " (repeatable)" : ""))
        }
        lines += entry("--version", "Print the version.")
        lines += entry("-h, --help", "Show this help.")
        return lines.joined(separator: "\n")
    }

    private static let labelWidth = 28
    private static let width = 80

    /// `  label      text` with the text wrapped under itself; a long label gets its own line.
    private static func entry(_ label: String, _ text: String) -> [String] {
        let indent = String(repeating: " ", count: labelWidth)
        let wrapped = wrap(text, width: width - labelWidth)
        let head = "  " + label
        if head.count + 2 > labelWidth {
            return [head] + wrapped.map { indent + $0 }
        }
        let padded = head + String(repeating: " ", count: labelWidth - head.count)
        return [padded + (wrapped.first ?? "")] + wrapped.dropFirst().map { indent + $0 }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
