import JetEmailClient

/// A rotation that neither finished nor was aborted, as its journal says: the list names it on
/// start (where stopped recovers are named), and R on its webhook's details goes on with it.
public struct StoppedRotation: Sendable, Equatable {
    public var path: String
    public var oldUUID: String
    public var twinUUID: String?
    public var oldName: String
    /// The stage it stopped at, 1 to 5, and its title.
    public var stage: Int
    public var stageTitle: String
    public var stageWord: String

    public init(_ state: RotationState) {
        path = state.path; oldUUID = state.old.uuid; twinUUID = state.twinUUID; oldName = state.old.name
        let at = state.next.stage ?? .rename
        stage = at.rawValue + 1
        stageTitle = at.title
        stageWord = at.word
    }

    /// Of this webhook (the old one, or its twin).
    public func concerns(_ uuid: String) -> Bool { oldUUID == uuid || twinUUID == uuid }

    /// "Rotation of Orders stopped at step 4 of 5 (overlap) · R on its details goes on".
    public var notice: String {
        "Rotation of \(TerminalSafe.escaped(oldName)) stopped at step \(stage) of 5 (\(stageWord)) · R on its details goes on"
    }
}
