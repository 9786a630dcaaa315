import JetEmailClient
import TerminalUI

/// The recover run in full: what it replays, how far it is, its rate and time left, what was
/// not enqueued, its journal and how to go on with it. The run is the app's (it outlives any
/// screen); this screen shows the copy the app gives it on push and after each report.
public struct RecoverScreen: FieldScreen {
    /// First line shown.
    public var top = 0
    /// The app's recover, as last told.
    public var run: RecoverStatus?

    /// A word for its status line when it opens (Ctrl-R asked to plan another recover).
    var notice: String?

    public init(run: RecoverStatus? = nil, notice: String? = nil) {
        self.run = run
        self.notice = notice
    }

    public var title: String { "Recover" }
    public var minimumSize: Size { Self.fieldMinimumSize }
    public var keys: [Binding<RecoverScreen>] { Self.mainKeys + Self.scrollKeys }
    public var helpSections: [HelpSection] { Self.referenceSections }

    public mutating func fit(_ context: ScreenContext) -> Outcome {
        run = context.recover
        guard let notice else { return .none }
        self.notice = nil
        return .status(.warning, notice)
    }

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        if case .recoverChanged = message { run = context.recover }
        return .none
    }

    public func draw(into grid: inout Grid, rect: Rect, focused: Bool, context: ScreenContext) {
        let header = run.map { "Recover · " + TerminalSafe.escaped($0.filter.describe(webhookName: $0.webhookName)) } ?? "Recover"
        drawLines(header: header, rect: rect, context: context, into: &grid)
    }
}
