import FoundationEssentials

/// A rotation's journal as read back: what the rotation is and how far it went. Read as
/// untrusted input: a line that cannot be read (a kill or a full disk mid-write) is taken at its
/// most cautious meaning, which for a rotation is "that step may have been sent".
public struct RotationState: Sendable, Equatable {
    public var path: String
    /// The old webhook as it was when the rotation began.
    public var old: Webhook
    public var twinName: String
    public var secretFile: String
    public var target: RecoverJournal.Target
    public var createdAt: Int
    public var deleteAfter: Int?
    public var skipTest: Bool

    /// A create was sent and its answer is not known (yet).
    public var creating = false
    public var twinUUID: String?
    public var secretSaved = false
    /// The receiver took the new secret (its answer, in words), or the test was skipped.
    public var tested: String?
    public var testSkipped = false
    public var twinEnabled = false
    public var oldDisabled = false
    /// When the old webhook goes (`--delete-after`), once the countdown began.
    public var deleteAt: Int?
    /// A delete was sent and its answer is not known.
    public var deleting = false
    public var oldDeleted = false
    public var renamed = false
    /// JetEmail refused the rename: its words.
    public var renameRefused: String?
    public var finished = false
    public var aborted = false
    /// The process that took it last; whether one holds it now (when read without taking it).
    public var owner: Int?
    public var running = false
    public var endsTorn = false
    /// When the latest line was written.
    public var lastAt: Int

    /// The old webhook delivered when the rotation began: the twin is enabled for the overlap
    /// and the old one disabled after it. A disabled one is rotated disabled.
    public var oldWasEnabled: Bool { old.status != .disabled }

    public var isOver: Bool { finished || aborted }

    /// What comes next, from what the journal says was done.
    public var next: RotationStep {
        if isOver { return .done }
        if twinUUID == nil { return creating ? .findLostCreate : .create }
        if !secretSaved { return .replaceTwin }
        if tested == nil && !testSkipped { return .test }
        if oldWasEnabled && !twinEnabled { return .enableTwin }
        if oldWasEnabled && !oldDisabled { return .disableOld }
        if !oldDeleted { return deleting ? .checkDeleted : .deleteOld }
        if !renamed { return .rename }
        return .finish
    }

    /// `--abort` can still undo it: the old webhook is there (a delete never sent).
    public var canAbort: Bool { !isOver && !oldDeleted && !deleting }

    static func parse(_ bytes: [UInt8], path: String) throws(RotationJournal.Problem) -> RotationState {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        let decoder = JSONDecoder()
        guard let first = lines.first, let header = try? decoder.decode(RotationJournal.Header.self, from: Data(first)),
              header.journal == RotationJournal.Header.kind, header.version == 1 else {
            throw RotationJournal.Problem("\(path) is not a rotation journal.")
        }
        var state = RotationState(path: path, old: header.old.withoutSecret, twinName: header.twin_name, secretFile: header.secret_file,
                                  target: RecoverJournal.Target(baseURL: header.base_url, keyFingerprint: header.key_fingerprint),
                                  createdAt: header.created_at, deleteAfter: header.delete_after.map { min(max($0, 0), 366 * 86_400) },
                                  skipTest: header.skip_test == true, lastAt: header.created_at)
        state.endsTorn = bytes.last != 0x0A
        for raw in lines.dropFirst() {
            guard let line = try? decoder.decode(RotationJournal.Line.self, from: Data(raw)) else {
                // Torn: a create or a delete it may have begun is taken as sent, answer unknown.
                let text = String(decoding: raw, as: UTF8.self)
                if text.contains("\"creating\""), state.twinUUID == nil { state.creating = true }
                if text.contains("\"deleting\""), !state.oldDeleted { state.deleting = true }
                continue
            }
            state.lastAt = max(state.lastAt, line.at)
            if let owner = line.owner { state.owner = owner }
            guard let mark = line.step else { continue }
            state.apply(mark, line)
        }
        return state
    }

    private mutating func apply(_ mark: RotationJournal.Mark, _ line: RotationJournal.Line) {
        switch mark {
        case .creating: creating = true
        case .created:
            creating = false
            twinUUID = line.uuid
        case .createFoundNone, .createRefused: creating = false
        case .secretSaved: secretSaved = twinUUID != nil
        case .twinReplaced:
            twinUUID = nil; secretSaved = false; tested = nil; testSkipped = false; twinEnabled = false
        case .tested: tested = line.detail ?? "accepted"
        case .testSkipped: testSkipped = true
        case .twinEnabled: twinEnabled = true
        case .oldDisabled: oldDisabled = true
        case .deleteAt: deleteAt = line.until
        case .deleting: deleting = true
        case .oldDeleted: oldDeleted = true; deleting = false
        case .renamed: renamed = true; renameRefused = nil
        case .renameRefused: renameRefused = line.detail ?? "refused"
        case .finished: finished = true
        case .twinDeleted: twinUUID = nil; creating = false
        case .oldEnabled: oldDisabled = false
        case .aborted: aborted = true
        }
    }
}
