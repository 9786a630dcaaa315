/// `jetemail-webhooks.1`, the manual page, made from the same option tables as `--help` and the
/// completion scripts: a section a subcommand, each option with its help. Roff's special
/// characters are escaped (a leading dot or quote, backslashes, hyphens in option names).
enum ManPage {
    struct Section {
        var name: String
        var abstract: String
        var discussion: String
        var positional: String?
        var options: [OptionSpec]
    }

    static func render(program: String, abstract: String, discussion: String, version: String, sections: [Section], date: String) -> String {
        var out = [".TH \(upper(program)) 1 \"\(date)\" \"\(program) \(version)\" \"User Commands\"",
                   ".SH NAME", "\(program) \\- \(escape(abstract))",
                   ".SH SYNOPSIS", ".B \(program)", "[\\fISUBCOMMAND\\fR] [\\fIOPTIONS\\fR]",
                   ".SH DESCRIPTION"]
        out += paragraphs(discussion)
        out.append(".SH SUBCOMMANDS")
        for section in sections {
            out.append(".SS \(escape(section.name))\(section.positional.map { " \\fI\(upper($0))\\fR" } ?? "")")
            out += paragraphs(section.abstract)
            if !section.discussion.isEmpty { out += paragraphs(section.discussion) }
            for option in section.options {
                let value = option.takesValue ? " \\fI\(escape(option.valueName))\\fR" : ""
                out += [".TP", "\\fB\\-\\-\(option.name.replacingHyphens)\\fR\(value)\(option.kind == .repeated ? " ..." : "")", escape(option.help)]
            }
        }
        out += [".SH EXIT STATUS", "0 success, 1 an API or network error, 2 invalid input or usage.",
                ".SH FILES", ".TP", "\\fI~/.config/jetemail/config.toml\\fR",
                "The official jetemail CLI's config file (or \\fB$JETEMAIL_CONFIG\\fR), read for the key and \\fBmax_rate\\fR.",
                ".TP", "\\fI$XDG_STATE_HOME/jetemail-webhooks/\\fR", "Recover journals, and the request ledger every process shares per API host (budget-HOST.ledger): JetEmail's limit is the account's (all 0600, in a 0700 folder).",
                ".SH ENVIRONMENT", ".TP", "\\fBJETEMAIL_API_KEY\\fR", "The API key (never given on the command line).",
                ".TP", "\\fBJETEMAIL_BASE_URL\\fR", "Another API base URL (a sandbox).",
                ".TP", "\\fBNO_COLOR\\fR", "No colours; marks and attributes still show state.",
                ".SH SEE ALSO", "\\fBjetemail\\fR(1)"]
        return out.joined(separator: "\n") + "\n"
    }

    /// Text as roff paragraphs: a blank line starts a new one.
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = [".PP"]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line).trimmingWhitespace()
            out.append(trimmed.isEmpty ? ".PP" : escape(trimmed))
        }
        return out
    }

    /// Backslashes as \e; hyphens as \-; characters beyond ASCII as \[uXXXX] (roff reads
    /// ASCII); a line starting with a dot or a quote protected.
    static func escape(_ text: String) -> String {
        var s = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": s += "\\e"
            case "-": s += "\\-"
            case _ where scalar.value > 127:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                s += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            default: s.unicodeScalars.append(scalar)
            }
        }
        if s.hasPrefix(".") || s.hasPrefix("'") { s = "\\&" + s }
        return s
    }

    static func upper(_ text: String) -> String { text.uppercased().replacing("-", with: "\\-") }
}

private extension String {
    var replacingHyphens: String { replacing("-", with: "\\-") }
}
