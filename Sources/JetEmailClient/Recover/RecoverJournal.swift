import FoundationEssentials
import Glibc
import PosixSupport

/// A recover's journal, so that nothing is replayed twice: the plan's event ids first, then each
/// event as it is sent and as it is answered, then `finished`. JSON lines, appended and synced
/// one by one, in a file created 0600 that is never overwritten nor followed through a link.
/// A run stopped anywhere (a kill, a lost SSH session, Ctrl-C) leaves a journal that says what
/// was done: an event sent and never answered may have been replayed, and is said to be so.
public final class RecoverJournal: Sendable {
    public let path: String
    private let descriptor: Int32

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

    struct Header: Codable {
        var journal = "jetemail-webhooks recover"
        var version = 1
        var key: String
        var filter: RecoverFilter
        var webhook_name: String
        var created_at: Int
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
        var at: Int
    }

    /// Why a journal cannot be made, written or read, in a sentence.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
        init(_ failure: SecretFile.Failure) { description = failure.description }
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    // MARK: Where journals go

    /// `$XDG_STATE_HOME/jetemail-webhooks`, else `~/.local/state/jetemail-webhooks`.
    public static func folder(environment: [String: String]) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? HomeDirectory.path(environment: environment) + "/.local/state"
        return base + "/jetemail-webhooks"
    }

    /// Makes the folder (and its parents) private to this user, if missing; why not, if it cannot.
    public static func makeFolder(_ folder: String) -> String? {
        var path = ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + part
            var info = stat()
            if stat(path, &info) == 0 { continue }
            if mkdir(path, 0o700) != 0, errno != EEXIST { return "cannot create \(path): \(String(cString: strerror(errno)))" }
        }
        return nil
    }

    /// A new journal's path for this filter, stamped with the time (UTC).
    public static func newPath(folder: String, filter: RecoverFilter, now: Int) -> String {
        let (y, m, d, hh, mm, ss) = civil(now)
        let stamp = four(y) + two(m) + two(d) + "T" + two(hh) + two(mm) + two(ss)
        let safe = String(filter.uuid.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
            .map(Character.init).prefix(36))
        return "\(folder)/recover-\(safe)-\(filter.key)-\(stamp).jsonl"
    }

    /// The newest journal in the folder for this filter, if any.
    public static func latest(folder: String, filter: RecoverFilter) -> String? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix("recover-"), name.contains("-\(filter.key)-"), name.hasSuffix(".jsonl") { names.append(name) }
        }
        return names.max().map { "\(folder)/\($0)" }
    }

    /// The latest journal of this recover that can be read, finished or not.
    public static func latestState(folder: String, filter: RecoverFilter) -> State? {
        latest(folder: folder, filter: filter).flatMap { try? read($0) }
    }

    /// A new journal for the plan, at `path` or (nil) a new name in `folder` (made private if
    /// missing), written and read back as the run will see it.
    public static func begin(_ plan: RecoverPlan, webhookName: String, path: String?, folder: String, now: Int) throws(Problem) -> State {
        if path == nil, let problem = makeFolder(folder) { throw Problem("The journal's folder \(folder): \(problem).") }
        let target = path ?? newPath(folder: folder, filter: plan.filter, now: now)
        _ = try create(at: target, plan: plan, webhookName: webhookName, now: now)
        return try read(target)
    }

    // MARK: Writing

    /// Creates the journal (0600, exclusive, no link followed) and writes the plan into it.
    public static func create(at path: String, plan: RecoverPlan, webhookName: String, now: Int) throws(RecoverJournal.Problem) -> RecoverJournal {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_APPEND, 0o600)
        guard fd >= 0 else { throw Problem(SecretFile.failure(errno, path)) }
        _ = fchmod(fd, 0o600)
        let journal = RecoverJournal(path: path, descriptor: fd)
        try journal.write(Header(key: plan.filter.key, filter: plan.filter, webhook_name: webhookName, created_at: now, events: plan.events))
        return journal
    }

    /// Opens a journal to go on with it (appending); refuses one that is not a regular file of
    /// this user's, private to it.
    public static func reopen(_ path: String) throws(RecoverJournal.Problem) -> RecoverJournal {
        let fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Problem(SecretFile.failure(errno, path)) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            close(fd)
            throw Problem("\(path) is not a private journal of this user's (a regular file, mode 0600).")
        }
        return RecoverJournal(path: path, descriptor: fd)
    }

    public func sent(_ id: String, now: Int) throws(RecoverJournal.Problem) { try write(Line(sent: id, at: now)) }

    /// A 429 came back for the event just sent: JetEmail did nothing with it.
    public func unsent(_ id: String, now: Int) throws(RecoverJournal.Problem) { try write(Line(unsent: id, at: now)) }

    public func done(_ id: String, _ result: Result, detail: String? = nil, now: Int) throws(RecoverJournal.Problem) {
        try write(Line(done: id, result: result, detail: detail, at: now))
    }

    public func finished(now: Int) throws(RecoverJournal.Problem) { try write(Line(finished: true, at: now)) }

    /// One line, whole, synced to disk before the next step is taken.
    private func write<T: Encodable>(_ value: T) throws(RecoverJournal.Problem) {
        guard var bytes = try? JSONEncoder().encode(value) else { throw Problem("The journal line for \(path) could not be made.") }
        bytes.append(0x0A)
        if let e = writeAll(descriptor, Array(bytes)) { throw Problem(SecretFile.failure(e, path)) }
        if fsync(descriptor) != 0, errno == ENOSPC || errno == EDQUOT { throw Problem(SecretFile.failure(ENOSPC, path)) }
    }

    // MARK: Reading

    /// A journal as read back: the plan, and what became of each event.
    public struct State: Sendable, Equatable {
        public var path: String
        public var filter: RecoverFilter
        public var webhookName: String
        public var createdAt: Int
        public var events: [RecoverPlan.Event]
        public var sent: Set<String> = []
        public var results: [String: Result] = [:]
        public var details: [String: String] = [:]
        public var finished = false
        /// When it finished (unix seconds).
        public var finishedAt: Int?
        /// When the latest requests of the journal's runs last counted (the answer's time, or the
        /// sending's when none came), unix seconds, at most `RequestBudget.rates.upperBound`: a
        /// run that goes on a moment after a kill counts them in its budget, as JetEmail does.
        public var recentRequests: [Int] = []

        /// Sent and never answered, or answered with no usable answer: may have been replayed.
        public var uncertain: [String] {
            events.map(\.id).filter { results[$0] == .uncertain || (sent.contains($0) && results[$0] == nil) }
        }

        /// What is left to replay, oldest first (uncertain ones too when asked).
        public func remaining(retryUncertain: Bool) -> [RecoverPlan.Event] {
            let doubtful = Set(uncertain)
            return events.filter { event in
                if doubtful.contains(event.id) { return retryUncertain }
                return results[event.id] == nil
            }
        }

        /// How long ago (seconds, from unix `now`) its latest requests counted, two seconds
        /// younger than the journal's whole seconds say, so never older than they are.
        public func requestAges(now: Int) -> [Double] {
            recentRequests.map { max(0, Double(now) - Double($0) - 2) }
        }

        public func count(_ result: Result) -> Int { results.values.filter { $0 == result }.count }
    }

    /// The largest journal read back: a plan of 100,000 events and its lines are a few tens of MB.
    public static let readLimit = 256 << 20

    public static func read(_ path: String) throws(RecoverJournal.Problem) -> State {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Problem(SecretFile.failure(errno, path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw Problem("\(path) is not a regular file.") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw Problem(SecretFile.failure(errno, path)) }
            if n == 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > readLimit { throw Problem("\(path) is larger than \(readLimit >> 20) MiB: not a journal of this program's.") }
        }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        let decoder = JSONDecoder()
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)),
              header.journal == "jetemail-webhooks recover" else {
            throw Problem("\(path) is not a recover journal.")
        }
        var state = State(path: path, filter: header.filter, webhookName: header.webhook_name, createdAt: header.created_at, events: header.events)
        var requestTimes: [Int] = []
        var latestRequest: [String: Int] = [:]
        for line in lines.dropFirst() {
            // A line cut short by a kill mid-write says nothing: it is passed over.
            guard let entry = try? decoder.decode(Line.self, from: Data(line)) else { continue }
            if let id = entry.sent {
                state.sent.insert(id)
                latestRequest[id] = requestTimes.count
                requestTimes.append(entry.at)
            }
            if let id = entry.unsent { state.sent.remove(id) }
            if let id = entry.done ?? entry.unsent, let index = latestRequest[id] { requestTimes[index] = max(requestTimes[index], entry.at) }
            if let id = entry.done, let result = entry.result {
                state.results[id] = result
                if let detail = entry.detail { state.details[id] = detail }
            }
            if entry.finished == true { state.finished = true; state.finishedAt = entry.at }
        }
        state.recentRequests = Array(requestTimes.suffix(RequestBudget.rates.upperBound))
        return state
    }

    // MARK: Dates for file names

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func four(_ n: Int) -> String { let t = Swift.String(n); return Swift.String(repeating: "0", count: max(0, 4 - t.count)) + t }

    private static func civil(_ unix: Int) -> (Int, Int, Int, Int, Int, Int) {
        let t = min(max(unix, 0), 253_402_300_799)
        let seconds = t % 86_400
        let (y, m, d) = TimeText.civil(days: t / 86_400)
        return (y, m, d, seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }
}

