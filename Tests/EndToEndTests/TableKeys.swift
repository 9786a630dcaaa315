@testable import TerminalUI
@testable import WebhookTUI

/// The keys the end-to-end tests press, looked up in the binding tables the program runs on
/// (so a rebinding moves the tests with it), written as tmux `send-keys` names.
enum TableKeys {
    static var submit: String { name(FormKeys.table.binding(doing: .submit)) }
    static var next: String { name(FormKeys.table.binding(doing: .next)) }
    static var previous: String { name(FormKeys.table.binding(doing: .previous)) }
    static var quit: String { name(GlobalBindings.table.binding(doing: .quit)) }
    static var help: String { name(GlobalBindings.table.binding(doing: .help)) }
    static var suspend: String { name(GlobalBindings.table.binding(doing: .suspend)) }
    static var writeSecret: String { name(SecretModalKeys.table.binding(doing: .write)) }
    static var copySecret: String { name(SecretModalKeys.table.binding(doing: .copy)) }
    static var toggleWebhook: String { name(ListKeys.table.binding(doing: .toggle)) }
    static var deleteWebhook: String { name(ListKeys.table.binding(doing: .delete)) }
    static var openLog: String { name(ListKeys.table.binding(doing: .log)) }
    static var cycleStatus: String { name(DeliveryLogKeys.table.binding(doing: .cycleStatus)) }
    static var replay: String { name(DeliveryLogKeys.table.binding(doing: .replay)) }
    static var sendExample: String { name(SecretModalKeys.table.binding(doing: .sendExample)) }
    static var toggleEvent: String { name(FormState().eventList.bindings.binding(doing: .toggle)) }

    /// The first key of a binding, as tmux names it.
    static func name<A>(_ binding: KeyBinding<A>?) -> String {
        guard let key = binding?.firstKey else { fatalError("no such binding") }
        return tmuxName(key)
    }

    static func tmuxName(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "BTab"
        case .backspace: "BSpace"
        case .delete: "DC"
        case .escape: "Escape"
        case .left: "Left"
        case .right: "Right"
        case .up: "Up"
        case .down: "Down"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PPage"
        case .pageDown: "NPage"
        case .control(let c): "C-\(c)"
        case .function(let n): "F\(n)"
        case .paste: fatalError("a paste is not one key")
        }
    }
}
