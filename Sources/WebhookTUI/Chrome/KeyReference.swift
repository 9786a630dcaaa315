import TerminalUI

/// Every key of a screen, by where it works, made from the tables that handle them: the help
/// window shows it, and the README's key tables are generated from it (a test compares them).
public enum KeyReference {
    public static func sections(for screen: Screen) -> [HelpSection] {
        switch screen {
        case .form(let form): formSections(form)
        }
    }

    /// The form's keys; `form` supplies the widgets' own tables.
    public static func formSections(_ form: FormState = FormState()) -> [HelpSection] {
        [
            HelpSection("Anywhere", GlobalBindings.table.helpLines()),
            HelpSection("The form", FormKeys.table.helpLines()),
            HelpSection("Text fields", TextField.bindings.helpLines()),
            form.eventList.helpSection("Events"),
            form.status.helpSection("Status"),
            form.submitButton.helpSection("The Create button"),
            HelpSection("Secret window", SecretModalKeys.table.helpLines()),
            HelpSection("Secret window, saving to a file", SecretModalKeys.pathPromptTable.prefix(2).map { HelpLine(keys: $0.keys, text: $0.help) }),
            HelpSection("This help", HelpModal.bindings.helpLines()),
        ]
    }

    /// The README's key tables, by screen: each sits between `<!-- keys:NAME -->` and
    /// `<!-- /keys:NAME -->`.
    public static var readmeTables: [(name: String, markdown: String)] {
        [("form", markdown(formSections()))]
    }

    static func markdown(_ sections: [HelpSection]) -> String {
        sections.map { "**\($0.title)**\n\n" + $0.markdown }.joined(separator: "\n")
    }
}
