import JetEmailClient
import TerminalUI

/// A question in a box: `y` answers yes, every other key no. Nothing else can happen while it is
/// open (it takes every key, global ones too), so a stray key never confirms. Each question
/// names what `y` does ("y  delete"), in the key bar and in help.
public struct ConfirmModal: Modal {
    public enum OnYes: Sendable, Equatable {
        /// Tell the screen that asked (a kind of its own).
        case tell(ScreenMessage)
        case quit

        public static func tell(_ message: some ScreenMessageKind) -> OnYes { .tell(ScreenMessage(message)) }
    }

    public var dialog: ConfirmDialog
    public var onYes: OnYes
    /// What the dialog's second choice does, when it has one.
    public var onAlternative: ScreenMessage?

    public init(_ dialog: ConfirmDialog, onYes: OnYes, onAlternative: ScreenMessage? = nil) {
        self.dialog = dialog
        self.onYes = onYes
        self.onAlternative = onAlternative
    }

    /// "Quit? y/N", saying what would be lost.
    static func quit(_ reason: String) -> ConfirmModal {
        ConfirmModal(ConfirmDialog(title: "Quit?", message: reason, question: "Quit jetemail-webhooks? y/N", confirmLabel: "quit"), onYes: .quit)
    }

    public var keys: [Binding<ConfirmModal>] {
        dialog.bindings.map { widget in
            Binding(widget) { modal, action, _, _ in
                if action == .alternative, let other = modal.onAlternative { return .close + .message(other, to: .owner) }
                guard action == .confirm else { return .close }
                switch modal.onYes {
                case .tell(let answer): return .close + .message(answer, to: .owner)
                case .quit: var o = Outcome.close; o.quitNow = true; return o
                }
            }
        }
    }

    public var takesGlobalKeys: Bool { false }

    public var smallWindowLines: [(String, Style)]? {
        [(dialog.message, Style(.warning, bold: true)), (dialog.question, Style(.normal, bold: true))]
    }

    /// A question's keys for help, labelled with what `y` does there.
    static func helpLines(yes label: String, alternative: ConfirmDialog.Alternative? = nil) -> [HelpLine] {
        ConfirmDialog(title: "", message: "", question: "", confirmLabel: label, alternative: alternative).bindings.helpLines()
    }

    public func draw(into grid: inout Grid, focused: Bool, context: ScreenContext) {
        dialog.draw(into: &grid, rect: Rect(row: 0, column: 0, width: grid.columns, height: grid.rows), focused: focused)
    }
}
