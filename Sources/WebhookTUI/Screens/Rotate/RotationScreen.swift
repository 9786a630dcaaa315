import JetEmailClient
import TerminalUI

/// `R` on a webhook's details: its signing secret replaced by a twin's. First what will happen
/// and where the new secret goes (a file, 0600) with the delete's countdown; then the run, step by
/// step with their states, the questions it waits on, the countdown and the journal. The run is
/// the app's job: Esc leaves it running, as a recover does.
public struct RotationScreen: FieldScreen {
    public enum Mode: Sendable, Equatable {
        /// The secret file and the countdown, before anything is made.
        case setup
        /// An unfinished rotation of this webhook was found: Enter goes on with it.
        case found(StoppedRotation)
        /// The app's rotation of this webhook, followed.
        case following
    }

    public var top = 0
    public var webhook: Webhook
    public var mode: Mode = .setup
    public var secretPath: TextInput
    public var deleteAfter = TextInput()
    /// 0: the secret file, 1: the countdown, 2: the receiver test.
    public var focus = 0
    /// The receiver test is skipped (Space on it).
    public var skipTest = false
    /// Why Enter did not start (a field to mend).
    public var problem: String?
    /// The app's rotation, as last told.
    public var run: RotationStatus?

    public init(webhook: Webhook) {
        self.webhook = webhook
        secretPath = TextInput(SecretModal.defaultPath(for: webhook.name + " new"), selected: true)
    }

    public var title: String { "Rotate secret" }
    public var minimumSize: Size { Self.fieldMinimumSize }
    public var keys: [Binding<RotationScreen>] { mode == .setup ? Self.setupKeys + fieldKeys : Self.runKeys + Self.scrollKeys }
    public var helpSections: [HelpSection] { Self.referenceSections }
    public var isTyping: Bool { mode == .setup && focus < 2 }
    public var wantsTicks: Bool { if case .waiting? = run?.phase { true } else { false } }

    public mutating func appear(_ context: ScreenContext) -> Outcome {
        follow(context)
        if mode == .setup, let found = context.stoppedRotations.first(where: { $0.concerns(webhook.uuid) }) { mode = .found(found) }
        return .none
    }

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        if message.as(JobsChanged.self) != nil { follow(context) }
        if let outcome = answered(message, context) { return outcome }
        if let shown = message.as(RotationSecretShown.self), run != nil {
            // Saved already; shown once here, as after a create.
            var modal = SecretModal(webhook: shown.twin)
            modal.savedPath = shown.path
            return .open(modal)
        }
        return .none
    }

    /// The app's rotation, when it is this webhook's (its old one or its twin).
    mutating func follow(_ context: ScreenContext) {
        guard let job = context.job(RotationStatus.self)?.state,
              job.oldUUID == webhook.uuid || job.journal?.twinUUID == webhook.uuid else { return }
        run = job
        mode = .following
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        drawLines(header: "Rotate the signing secret of " + TerminalSafe.escaped(run?.oldName ?? webhook.name), rect: rect, context: context, into: &grid)
        guard mode == .setup else { return }
        // The fields sit on their labelled lines of the setup text (which wraps with the width).
        let view = Self.viewRect(columns: context.columns, rows: context.rows)
        let label = FieldLines(width: view.width).labelWidth
        let shown = lines(width: view.width, context: context)
        func row(of name: String) -> Int? {
            shown.firstIndex { $0.first?.text == name }.map { view.row + $0 - top }.flatMap { $0 < view.bottom && $0 >= view.row ? $0 : nil }
        }
        for (index, input) in [secretPath, deleteAfter].enumerated() {
            guard let row = row(of: Self.fieldLabels[index]) else { continue }
            input.draw(into: &grid, rect: Rect(row: row, column: view.column + label, width: min(44, view.width - label), height: 1),
                       focused: focused && focus == index, textStyle: Style(.normal, bold: true, underline: true))
        }
        if let row = row(of: Self.fieldLabels[2]) {
            let text = skipTest ? "[ ] skipped: the receiver is not tested with the new secret" : "[x] test the receiver with the new secret"
            grid.put(text, row: row, column: view.column + label, style: Style(skipTest ? .warning : .normal, bold: focus == 2, reverse: focused && focus == 2),
                     width: view.width - label)
        }
    }
}
