import FoundationEssentials
import Glibc
import PosixSupport

/// A recover's journal, so that nothing is replayed twice: the plan's event ids first, then each
/// event as it is sent and as it is answered, then `finished`. JSON lines, appended and synced
/// one by one, in a file created 0600 that is never overwritten nor followed through a link.
/// A run stopped anywhere (a kill, a lost SSH session, Ctrl-C) leaves a journal that says what
/// was done: an event sent and never answered may have been replayed, and is said to be so.
///
/// A run owns its journal while it holds this value: an exclusive `flock` on the open file,
/// let go when the descriptor closes (at the end, or when the process dies), so that a second
/// run of the same recover (another command, a TUI) is refused instead of sending events twice.
public final class RecoverJournal: Sendable {
    let file: JournalFile
    public var path: String { file.path }

    /// What one event came to.
    public enum Result: String, Sendable, Codable, Equatable {
        case enqueued
        /// JetEmail has no such event (404): counted and skipped.
        case notFound = "not_found"
        /// Refused for another reason (in `detail`).
        case refused
        /// No usable answer came: it may have been replayed.
        case uncertain
    }

    /// The account a journal was made for: its API's base URL and a digest of its key.
    public struct Target: Sendable, Equatable, Codable {
        public var baseURL: String
        public var keyFingerprint: String
        public init(baseURL: String, keyFingerprint: String) { self.baseURL = baseURL; self.keyFingerprint = keyFingerprint }
        public init(_ client: JetEmailClient) { self.init(baseURL: client.baseURL.description, keyFingerprint: client.keyFingerprint) }
    }

    struct Header: Codable {
        var journal = "jetemail-webhooks recover"
        var version = 1
        var key: String
        var filter: RecoverFilter
        var webhook_name: String
        var created_at: Int
        /// Absent in journals written before it was recorded.
        var base_url: String?
        var key_fingerprint: String?
        /// A recover of several webhooks: their names by uuid.
        var webhook_names: [String: String]?
        var events: [RecoverPlan.Event]
    }

    struct Line: Codable {
        var sent: String?
        /// Refused with a 429 after `sent`: nothing was done, the event is still to replay.
        var unsent: String?
        var done: String?
        var result: Result?
        var detail: String?
        var finished: Bool?
        /// The process that took the journal for a run, when it took it.
        var owner: Int?
        var at: Int
    }

    /// Why a journal cannot be made, written or read, in a sentence.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        /// Another run holds the journal.
        public var heldBy: Holder?
        public init(_ description: String, heldBy: Holder? = nil) { self.description = description; self.heldBy = heldBy }
        init(_ failure: SecretFile.Failure) { description = failure.description }
    }

    /// The run that holds a journal: its process and when it took it (unix seconds), as its
    /// latest `owner` line says.
    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int?
        public var since: Int?
        public var description: String {
            guard let pid else { return "another process" }
            return "pid \(pid)" + (since.map { ", since \(RecoverJournal.utc($0))" } ?? "")
        }
    }

    /// A journal owned by this run, with what it says now.
    public struct Claimed: Sendable {
        public let journal: RecoverJournal
        public let state: State
    }

    private init(file: JournalFile) { self.file = file }

    // MARK: Making one

    /// The largest plan a journal takes (its first line): far above JetEmail's own logs' use,
    /// far below what reading one back would refuse.
    public static let headerLimit = 64 << 20

    /// A new journal for the plan, at `path` or (nil) a new name in `folder` (made private if
    /// missing), owned by this run and read back as the run will see it.
    public static func begin(_ plan: RecoverPlan, webhookName: String, path: String?, folder: String, now: Int,
                             target: Target? = nil, webhookNames: [String: String] = [:]) throws(Problem) -> Claimed {
        if path == nil, let problem = makeFolder(folder) { throw Problem("The journal's folder \(folder): \(problem).") }
        let destination = path ?? newPath(folder: folder, filter: plan.filter, now: now)
        return try create(at: destination, plan: plan, webhookName: webhookName, now: now, target: target, webhookNames: webhookNames)
    }

    /// Creates the journal (0600, exclusive, no link followed), locks it and writes the plan into
    /// it. A plan too large for a journal is refused before anything is written; a journal that
    /// could not be written whole is removed (nothing was sent with it).
    public static func create(at path: String, plan: RecoverPlan, webhookName: String, now: Int, target: Target? = nil,
                              webhookNames: [String: String] = [:]) throws(Problem) -> Claimed {
        let header = Header(key: plan.filter.key, filter: plan.filter, webhook_name: webhookName, created_at: now,
                            base_url: target?.baseURL, key_fingerprint: target?.keyFingerprint,
                            webhook_names: webhookNames.isEmpty ? nil : webhookNames, events: plan.events)
        guard let headerBytes = try? JSONEncoder().encode(header) else { throw Problem("The journal for \(path) could not be made.") }
        guard headerBytes.count < headerLimit else {
            throw Problem("The plan is too large for a journal (\(plan.count) events, \(headerBytes.count >> 20) MiB; at most \(headerLimit >> 20) MiB): "
                          + "narrow it with --since, --until or --event-type. Nothing was written.")
        }
        let made: JournalFile
        do { made = try JournalFile.create(path) } catch {
            guard error.isExists else { throw Problem(error.text(path)) }
            throw Problem("\(path) already exists (or is a link): a new journal is never written over one. "
                          + "To go on with that recover, give --resume \(ShellWord.quoted(path)); else choose another path.")
        }
        let journal = RecoverJournal(file: made)
        do {
            try journal.write(bytes: Array(headerBytes) + [0x0A])
            try journal.write(Line(owner: Int(getpid()), at: now))
            return Claimed(journal: journal, state: try journal.readBack())
        } catch {
            unlink(path)
            throw error
        }
    }

    // MARK: Going on with one

    /// Opens a journal to go on with it: refuses anything but a regular file of this user's,
    /// private to it (a FIFO or a device is never opened for reading); locks it, or says which
    /// run holds it; starts the next record on a fresh line after a torn one; notes this run.
    public static func claim(_ path: String, now: Int) throws(Problem) -> Claimed {
        let journal: RecoverJournal
        do { journal = RecoverJournal(file: try JournalFile.claim(path)) } catch {
            guard case .held = error else { throw Problem(error.text(path)) }
            let holder = (try? read(path))?.owner ?? Holder(pid: nil, since: nil)
            throw Problem("Another run (\(holder)) is going on with this journal: let it finish, or stop it first.", heldBy: holder)
        }
        var state = try journal.readBack()
        if state.endsTorn { try journal.write(bytes: [0x0A]) }
        try journal.write(Line(owner: Int(getpid()), at: now))
        state.owner = Holder(pid: Int(getpid()), since: now)
        return Claimed(journal: journal, state: state)
    }

    /// Which run holds the journal now, if one does (a dry run says so beside what is left).
    public static func holder(of path: String) -> Holder? {
        guard (try? requireRegularFile(path)) != nil, JournalFile.isHeld(path) else { return nil }
        // Another process holds the lock: which one, since when (its latest `owner` line).
        return (try? read(path))?.owner ?? Holder(pid: nil, since: nil)
    }

    /// What a journal says now, without taking it (to show it, or to decide what to do).
    public static func read(_ path: String) throws(Problem) -> State {
        let bytes: [UInt8]?
        do { bytes = try JournalFile.contents(of: path, limit: readLimit) } catch { throw Problem(error.text(path)) }
        return try parse(whole: bytes, path: path)
    }

    /// This journal as it is on disk now.
    public func readBack() throws(Problem) -> State {
        let bytes: [UInt8]?
        do { bytes = try file.contents(limit: Self.readLimit) } catch { throw Problem(error) }
        return try Self.parse(whole: bytes, path: path)
    }

    /// A link, a FIFO, a device or a folder is not a journal, and is not opened: a FIFO would
    /// block the open (and the read) until a writer came.
    static func requireRegularFile(_ path: String) throws(Problem) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw Problem(openFailure(errno, path)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK: throw Problem("\(path) is a symbolic link; a journal is opened only as the file itself (give the path it points to).")
        case S_IFDIR: throw Problem("\(path) is a folder, not a journal.")
        default: throw Problem("\(path) is not a regular file (a FIFO, a socket or a device), so not a journal; it was not opened.")
        }
    }

    /// Opening an existing journal failed: said as such (never "already exists").
    static func openFailure(_ code: Int32, _ path: String) -> String {
        switch code {
        case ENOENT: "\(path) does not exist."
        case ENOTDIR: "A folder on the way to \(path) is not a folder."
        case EACCES, EPERM: "No permission to open \(path)."
        case ELOOP: "\(path) is a symbolic link; a journal is opened only as the file itself."
        default: "Cannot open \(path): \(String(cString: strerror(code)))."
        }
    }

    // MARK: Writing

    public func sent(_ id: String, now: Int) throws(RecoverJournal.Problem) { try write(Line(sent: id, at: now)) }

    /// A 429 came back for the event just sent: JetEmail did nothing with it.
    public func unsent(_ id: String, now: Int) throws(RecoverJournal.Problem) { try write(Line(unsent: id, at: now)) }

    public func done(_ id: String, _ result: Result, detail: String? = nil, now: Int) throws(RecoverJournal.Problem) {
        try write(Line(done: id, result: result, detail: detail, at: now))
    }

    public func finished(now: Int) throws(RecoverJournal.Problem) { try write(Line(finished: true, at: now)) }

    private func write<T: Encodable>(_ value: T) throws(RecoverJournal.Problem) {
        guard var bytes = try? JSONEncoder().encode(value) else { throw Problem("The journal line for \(path) could not be made.") }
        bytes.append(0x0A)
        try write(bytes: Array(bytes))
    }

    /// Bytes, whole, synced to disk before the next step is taken.
    private func write(bytes: [UInt8]) throws(RecoverJournal.Problem) {
        do { try file.append(bytes) } catch { throw Problem(error) }
    }

    static func utc(_ unix: Int) -> String {
        let (y, m, d, hh, mm, ss) = civil(unix)
        return "\(four(y))-\(two(m))-\(two(d)) \(two(hh)):\(two(mm)):\(two(ss)) UTC"
    }
}
