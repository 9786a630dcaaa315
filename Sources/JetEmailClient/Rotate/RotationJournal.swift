import FoundationEssentials
import Glibc

/// A secret rotation's journal: what the rotation is (the old webhook as it was, the twin's
/// name, where the new secret goes), then one line per step, written before a step that sends
/// something whose answer may be lost (`creating`, `deleting`) and after each step is done.
/// JSON lines in a 0600 file, never overwritten, locked by the run that owns it, so that a run
/// killed at any step goes on without a second twin or a second delete. The secret itself is
/// never in it: only the path of the file that holds it.
public final class RotationJournal: Sendable {
    let file: JournalFile
    public var path: String { file.path }

    private init(file: JournalFile) { self.file = file }

    /// What a rotation is, in its first line.
    struct Header: Codable {
        var journal = Self.kind
        var version = 1
        var old: Webhook
        var twin_name: String
        var secret_file: String
        var base_url: String
        var key_fingerprint: String
        var created_at: Int
        /// `--delete-after`: seconds from disabling the old webhook to deleting it.
        var delete_after: Int?
        var skip_test: Bool?

        static let kind = "jetemail-webhooks rotate"
    }

    /// One step's line; `at` is when it was written (unix seconds).
    struct Line: Codable {
        var step: RotationJournal.Mark?
        var uuid: String?
        var detail: String?
        /// `delete_at`: when the old webhook goes.
        var until: Int?
        var owner: Int?
        var at: Int
    }

    /// What a line records.
    public enum Mark: String, Codable, Sendable {
        /// A create is being sent: if no `created` follows, its answer was lost.
        case creating
        case created
        /// A lost create was looked for by name and URL, and none was there.
        case createFoundNone = "create_found_none"
        /// A create answered with a refusal: nothing was made.
        case createRefused = "create_refused"
        /// The twin's secret is in `secret_file`.
        case secretSaved = "secret_saved"
        /// A twin whose secret was never saved (or never received) was deleted.
        case twinReplaced = "twin_replaced"
        case tested
        case testSkipped = "test_skipped"
        case twinEnabled = "twin_enabled"
        case oldDisabled = "old_disabled"
        case deleteAt = "delete_at"
        case deleting
        case oldDeleted = "old_deleted"
        case renamed
        case renameRefused = "rename_refused"
        case finished
        /// `--abort`: the twin deleted, the old webhook enabled again.
        case twinDeleted = "twin_deleted"
        case oldEnabled = "old_enabled"
        case aborted
    }

    /// Why a journal cannot be made, written or read, in a sentence.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        /// Another run holds it.
        public var held = false
        public init(_ description: String, held: Bool = false) { self.description = description; self.held = held }
    }

    /// The largest journal read back: a rotation's is a few KB.
    static let readLimit = 1 << 20

    /// A new journal, owned by this run, at a new name in `folder` (made private if missing).
    public static func begin(old: Webhook, twinName: String, secretFile: String, target: RecoverJournal.Target, deleteAfter: Int?,
                             skipTest: Bool, folder: String, now: Int) throws(Problem) -> (RotationJournal, RotationState) {
        if let problem = RecoverJournal.makeFolder(folder) { throw Problem("The journal's folder \(folder): \(problem).") }
        let path = newPath(folder: folder, uuid: old.uuid, now: now)
        let header = Header(old: old.withoutSecret, twin_name: twinName, secret_file: AbsolutePath.of(secretFile), base_url: target.baseURL,
                            key_fingerprint: target.keyFingerprint, created_at: now, delete_after: deleteAfter, skip_test: skipTest ? true : nil)
        let made: JournalFile
        do { made = try JournalFile.create(path) } catch {
            throw Problem(error.isExists ? "\(path) already exists: a journal is never written over one." : error.text(path))
        }
        let journal = RotationJournal(file: made)
        do {
            try journal.write(header)
            try journal.write(Line(owner: Int(getpid()), at: now))
            return (journal, try journal.readBack())
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Takes an existing journal to go on with it (or to abort it), or says which run has it.
    public static func claim(_ path: String, now: Int) throws(Problem) -> (RotationJournal, RotationState) {
        let file: JournalFile
        do { file = try JournalFile.claim(path) } catch {
            if case .held = error {
                let owner = (try? read(path))?.owner
                throw Problem("Another run (\(owner.map { "pid \($0)" } ?? "another process")) is going on with this rotation: let it finish, or stop it first.",
                              held: true)
            }
            throw Problem(error.text(path))
        }
        let journal = RotationJournal(file: file)
        var state = try journal.readBack()
        if state.endsTorn { try journal.append([0x0A]) }
        try journal.write(Line(owner: Int(getpid()), at: now))
        state.owner = Int(getpid())
        return (journal, state)
    }

    /// What a journal says now, without taking it.
    public static func read(_ path: String) throws(Problem) -> RotationState {
        let bytes: [UInt8]?
        do { bytes = try JournalFile.contents(of: path, limit: readLimit) } catch { throw Problem(error.text(path)) }
        guard let bytes else { throw Problem("\(path) is larger than \(readLimit >> 10) KiB: not a rotation journal.") }
        var state = try RotationState.parse(bytes, path: path)
        state.running = JournalFile.isHeld(path)
        return state
    }

    public func readBack() throws(Problem) -> RotationState {
        let bytes: [UInt8]?
        do { bytes = try file.contents(limit: Self.readLimit) } catch { throw Problem(error.description) }
        guard let bytes else { throw Problem("\(path) is larger than \(Self.readLimit >> 10) KiB: not a rotation journal.") }
        return try RotationState.parse(bytes, path: path)
    }

    // MARK: Writing

    public func mark(_ mark: Mark, uuid: String? = nil, detail: String? = nil, until: Int? = nil, now: Int) throws(Problem) {
        try write(Line(step: mark, uuid: uuid, detail: detail, until: until, at: now))
        JournalFile.dieIfAsked("JETEMAIL_WEBHOOKS_KILL_AFTER_STEP", after: mark.rawValue)
    }

    private func write(_ line: some Encodable) throws(Problem) {
        do { try file.appendLine(line) } catch { throw Problem(error.description) }
    }

    private func append(_ bytes: [UInt8]) throws(Problem) {
        do { try file.append(bytes) } catch { throw Problem(error.description) }
    }

    // MARK: Where journals are

    /// `rotate-<uuid>-<UTC stamp>.jsonl` in the journals' folder (the recovers' own).
    static func newPath(folder: String, uuid: String, now: Int) -> String {
        "\(folder)/rotate-\(RecoverJournal.fileSafe(uuid))-\(JournalFile.stamp(now)).jsonl"
    }

    /// The rotations in the folder that neither finished nor were aborted, made for this account
    /// (any, when `target` is nil), newest first; at most `limit` files are read, each as
    /// untrusted input (one that cannot be read is skipped).
    public static func unfinished(folder: String, target: RecoverJournal.Target?, limit: Int = 20) -> [RotationState] {
        RecoverJournal.newestFirst(JournalFile.names(in: folder, prefix: "rotate-")).prefix(limit).compactMap { name in
            guard let state = try? read("\(folder)/\(name)"), !state.isOver else { return nil }
            if let target, state.target != target { return nil }
            return state
        }
    }
}

extension JournalFile.OpenFailure {
    var isExists: Bool { if case .exists = self { true } else { false } }

    func text(_ path: String) -> String {
        switch self {
        case .held: "Another process is going on with \(path)."
        case .exists: "\(path) already exists."
        case .notPrivate: "\(path) is not a private journal of this user's (a regular file, mode 0600)."
        case .problem(let why): why
        }
    }
}
