/// What a rotation does next, as its journal says. The person sees five steps (create, secret,
/// test, overlap, rename); some have parts that go separately (the overlap enables the twin,
/// disables the old webhook, deletes it), and a few are there to mend a run that was killed.
public enum RotationStep: String, Sendable, Equatable {
    case create
    /// A create's answer was lost: look for the twin by name and URL before creating again.
    case findLostCreate
    /// The twin's secret was never saved (a kill between its answer and the file): it is of
    /// no use, so it is deleted and another is created.
    case replaceTwin
    case test
    case enableTwin
    case disableOld
    case deleteOld
    /// A delete's answer was lost: look whether the old webhook is still there.
    case checkDeleted
    case rename
    case finish
    case done

    /// The five steps a person follows, in order.
    public enum Stage: Int, Sendable, CaseIterable, Comparable {
        case create, secret, test, overlap, rename
        public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }

        /// One word, for a line with little room.
        public var word: String { ["create", "secret", "test", "overlap", "rename"][rawValue] }

        public var title: String {
            switch self {
            case .create: "Create the twin"
            case .secret: "Save its secret"
            case .test: "Test the receiver"
            case .overlap: "Overlap, then retire the old webhook"
            case .rename: "Rename the twin"
            }
        }
    }

    /// The stage this step belongs to (nil once there is nothing left).
    public var stage: Stage? {
        switch self {
        case .create, .findLostCreate, .replaceTwin: .create
        case .test: .test
        case .enableTwin, .disableOld, .deleteOld, .checkDeleted: .overlap
        case .rename, .finish: .rename
        case .done: nil
        }
    }

    /// It waits for a yes not given yet (disabling or deleting the old webhook): said once it has it.
    public func waitsForYes(approved: Set<RotationRun.Question>) -> Bool {
        (self == .disableOld && !approved.contains(.disableOld)) || (self == .deleteOld && !approved.contains(.deleteOld))
    }

    /// What is about to be done, said before it is.
    public func saying(_ state: RotationState) -> String {
        let old = state.old.name, twin = state.twinName
        switch self {
        case .create:
            return "Creating the twin \"\(twin)\": the same URL, events and filters as \"\(old)\", disabled until the receiver takes its secret…"
        case .findLostCreate: return "The create's answer was lost: looking for \"\(twin)\" at \(state.old.url) before creating anything again…"
        case .replaceTwin: return "The twin's secret was never saved: deleting that twin (\(state.twinUUID ?? "?")), to create another…"
        case .test: return state.skipTest ? "Skipping the receiver test, as asked…" : "Sending a signed example to \(state.old.url) with the new secret…"
        case .enableTwin: return "Enabling the twin: the overlap begins…"
        case .disableOld: return "Disabling \"\(old)\"…"
        case .deleteOld: return "Deleting \"\(old)\" (\(state.old.uuid))…"
        case .checkDeleted: return "The delete's answer was lost: looking whether \"\(old)\" is still there…"
        case .rename: return "Renaming the twin \"\(twin)\" to \"\(old)\"…"
        case .finish, .done: return "Done."
        }
    }
}

extension RotationState {
    /// Where each of the five steps stands, for a screen or a summary.
    public enum StageState: Sendable, Equatable { case done, now, waiting, failed, skipped }

    public func state(of stage: RotationStep.Stage) -> StageState {
        if finished { return stage == .test && testSkipped ? .skipped : .done }
        // Undone: nothing of it stands.
        if aborted { return .skipped }
        let current: RotationStep.Stage = switch next.stage {
        case .create?: .create
        case let other?: other
        case nil: .rename
        }
        // The secret is saved with the create's answer (or the twin is replaced): once the
        // test is next, both are done.
        let at = current
        if stage < at { return stage == .test && testSkipped ? .skipped : .done }
        if stage > at { return .waiting }
        if stage == .rename, renameRefused != nil { return .failed }
        return .now
    }
}
