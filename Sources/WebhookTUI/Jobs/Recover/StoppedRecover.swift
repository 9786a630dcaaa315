import JetEmailClient

/// Told to every screen on start: the list names them.
public struct StoppedRecoversFound: ScreenMessageKind {
    public var recovers: [StoppedRecover]
}

/// A recover that stopped before its end (a kill, a lost SSH session, a quit), as its journal
/// says: the list names it on start, and Ctrl-R on its webhook goes on with it.
public struct StoppedRecover: Sendable, Equatable {
    public var path: String
    /// Every webhook of it (one, or several).
    public var uuids: [String]
    public var webhookName: String
    public var answered: Int
    public var total: Int

    public init(path: String, uuids: [String], webhookName: String, answered: Int, total: Int) {
        self.path = path; self.uuids = uuids; self.webhookName = webhookName; self.answered = answered; self.total = total
    }

    public init(_ state: RecoverJournal.State) {
        self.init(path: state.path, uuids: state.filter.uuids, webhookName: state.webhookName, answered: state.results.count, total: state.events.count)
    }

    /// "Recover of Gamma stopped at 172 of 604 · Ctrl-R goes on".
    public var notice: String {
        "Recover of \(TerminalSafe.escaped(webhookName)) stopped at \(answered) of \(total) · Ctrl-R goes on"
    }
}
