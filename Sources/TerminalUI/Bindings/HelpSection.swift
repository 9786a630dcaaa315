/// One line of help: the keys and what they do.
public struct HelpLine: Sendable, Equatable {
    public var keys: String
    public var text: String

    public init(keys: String, text: String) { self.keys = keys; self.text = text }
}

/// A titled group of help lines, made from a binding table.
public struct HelpSection: Sendable, Equatable {
    public var title: String
    public var lines: [HelpLine]

    public init(_ title: String, _ lines: [HelpLine]) { self.title = title; self.lines = lines }

    /// The section as a Markdown table, as docs/keys.md shows it.
    public var markdown: String {
        var text = "| Keys | What they do |\n|---|---|\n"
        for line in lines {
            text += "| \(line.keys.replacingPipes) | \(line.text.replacingPipes) |\n"
        }
        return text
    }
}

private extension String {
    var replacingPipes: String {
        var out = ""
        for c in self { if c == "|" { out += "\\|" } else { out.append(c) } }
        return out
    }
}
