import TerminalUI

/// Every key of a screen, by where it works, made from the tables that handle them: the help
/// window shows it, and the README's key tables are generated from it (a test compares them).
public enum KeyReference {
    public static func sections(for screen: Screen) -> [HelpSection] {
        switch screen {
        case .form(let form): formSections(form)
        case .list(let list): listSections(list)
        case .details: detailsSections()
        case .deliveries: deliveriesSections()
        case .event: eventSections()
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
        [("list", markdown(listSections())), ("details", markdown(detailsSections())), ("deliveries", markdown(deliveriesSections())),
         ("event", markdown(eventSections())), ("form", markdown(formSections()))]
    }

    /// The list's keys.
    public static func listSections(_ list: ListState = ListState()) -> [HelpSection] {
        [
            HelpSection("Anywhere", GlobalBindings.table.helpLines()),
            list.table.helpSection("Moving in the list"),
            HelpSection("The list", ListKeys.table.helpLines()),
            HelpSection("While typing the filter", ListKeys.filterTable.prefix(2).map { HelpLine(keys: $0.keys, text: $0.help) }),
            HelpSection("Questions (disable, delete)", Quit.dialog("").bindings.helpLines()),
            HelpSection("This help", HelpModal.bindings.helpLines()),
        ]
    }

    public static func detailsSections() -> [HelpSection] {
        [
            HelpSection("Anywhere", GlobalBindings.table.helpLines()),
            HelpSection("Details", DetailsState.table.helpLines()),
            HelpSection("This help", HelpModal.bindings.helpLines()),
        ]
    }

    public static func deliveriesSections() -> [HelpSection] {
        [
            HelpSection("Anywhere", GlobalBindings.table.helpLines()),
            HelpSection("Moving in the log", TableCursor.bindings.helpLines()),
            HelpSection("The delivery log", DeliveryLogKeys.table.helpLines()),
            HelpSection("While typing a lookup", DeliveryLogKeys.lookupTable.prefix(2).map { HelpLine(keys: $0.keys, text: $0.help) }),
            HelpSection("Choosing the event type", PickerModal.table(single: true).helpLines()),
            HelpSection("Questions (replay)", Quit.dialog("").bindings.helpLines()),
            HelpSection("This help", HelpModal.bindings.helpLines()),
        ]
    }

    public static func eventSections() -> [HelpSection] {
        [
            HelpSection("Anywhere", GlobalBindings.table.helpLines()),
            HelpSection("An event's details", EventDetailsState.table.helpLines()),
            HelpSection("Questions (replay)", Quit.dialog("").bindings.helpLines()),
            HelpSection("This help", HelpModal.bindings.helpLines()),
        ]
    }

    static func markdown(_ sections: [HelpSection]) -> String {
        sections.map { "**\($0.title)**\n\n" + $0.markdown }.joined(separator: "\n")
    }
}
