import TerminalUI

/// Every key of a screen, by where it works, made from the tables that handle them: the help
/// window shows it, and docs/keys.md's key tables are generated from it (a test compares them).
public enum KeyReference {
    /// The keys that work everywhere, the screen's own, and help's.
    public static func sections(_ screen: [HelpSection]) -> [HelpSection] {
        [HelpSection("Anywhere", GlobalBindings.table.helpLines())] + screen + [HelpSection("This help", HelpModal.helpLines)]
    }

    /// docs/keys.md's key tables, by screen: each sits between `<!-- keys:NAME -->` and
    /// `<!-- /keys:NAME -->`.
    public static var readmeTables: [(name: String, markdown: String)] {
        ScreenRegistry.all.map { ($0.name, markdown(sections($0.helpSections()))) }
    }

    static func markdown(_ sections: [HelpSection]) -> String {
        sections.map { "**\($0.title)**\n\n" + $0.markdown }.joined(separator: "\n")
    }
}
