@testable import TerminalUI
@testable import WebhookTUI

/// The keys the end-to-end tests press, looked up in the binding tables the program runs on
/// (so a rebinding moves the tests with it), written as tmux `send-keys` names.
enum TableKeys {
    static var submit: String { name(FormScreen.formKeys, "create") }
    static var next: String { name(FormScreen.formKeys, "next") }
    static var previous: String { name(FormScreen.formKeys, "back") }
    static var quit: String { name(GlobalBindings.table, "quit") }
    static var help: String { name(GlobalBindings.table, "help") }
    static var suspend: String { tmuxName(.control("z")) }
    static var writeSecret: String { name(SecretModal.mainKeys, "write to file") }
    static var copySecret: String { name(SecretModal.mainKeys, "copy (OSC 52)") }
    static var toggleWebhook: String { name(ListScreen.mainKeys, "on/off") }
    static var deleteWebhook: String { name(ListScreen.mainKeys, "delete") }
    static var openLog: String { name(ListScreen.mainKeys, "log") }
    static var cycleStatus: String { name(DeliveryLogScreen.mainKeys, "status") }
    static var replay: String { name(DeliveryLogScreen.mainKeys, "replay") }
    static var recover: String { name(DeliveryLogScreen.mainKeys, "recover") }
    static var follow: String { name(DeliveryLogScreen.mainKeys, "follow") }
    static var sortList: String { name(ListScreen.mainKeys, "sort") }
    static var cancelRecover: String { name(RecoverScreen.mainKeys, "cancel") }
    static var rotate: String { name(DetailsScreen.mainKeys, "rotate") }
    static var answerRotation: String { name(RotationScreen.runKeys, "answer yes") }
    static var sendExample: String { name(SecretModal.mainKeys, "test") }
    static var toggleEvent: String { tmuxName(FormScreen().eventList.bindings.binding(doing: .toggle)!.firstKey!) }

    /// The first key of the binding whose key bar entry says `label`, as tmux names it.
    static func name<T>(_ table: [Binding<T>], _ label: String) -> String {
        guard let key = table.first(where: { $0.bar?.label == label })?.firstKey else { fatalError("no binding labelled \(label)") }
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
