import FoundationEssentials
import Glibc

/// An apply's journal: the file applied (its digest), the account, where secrets go, and the
/// steps of its plan; then a line before each step is sent and after it is done, so that the
/// same command after a kill goes on without doing anything twice. 0600, never overwritten,
/// locked by the run that owns it. Secrets are never in it, only the files that hold them.
public final class ApplyJournal: Sendable {
    let file: JournalFile
    public var path: String { file.path }
    private init(file: JournalFile) { self.file = file }

    /// One step: a create (the request), an update (the wanted webhook, diffed again against the
    /// account just before it is sent), or a delete.
    public struct Step: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case create, update, delete }
        public var kind: Kind
        public var name: String
        public var uuid: String?
        public var url: String
        /// create: what is sent; update: what the webhook should be.
        public var wanted: CreateWebhookRequest?
        /// update: the file keeps outbound.queued (as the account has it).
        public var keepsQueued: Bool?

        public static func from(_ plan: WebhookPlan, file: WebhookFile) -> [Step] {
            plan.changes.compactMap { change in
                switch change {
                case .create(let name, let request): Step(kind: .create, name: name, url: request.url, wanted: request)
                case .update(let uuid, let name, _, let patch):
                    file.entries.first { $0.name == name }.map { entry in
                        Step(kind: .update, name: name, uuid: uuid, url: patch.url ?? "", wanted: WebhookPlan.wanted(entry),
                             keepsQueued: entry.events?.contains("outbound.queued"))
                    }
                case .delete(let uuid, let name, let url): Step(kind: .delete, name: name, uuid: uuid, url: url)
                case .unchanged, .notInFile: nil
                }
            }
        }
    }

    struct Header: Codable {
        var journal = Self.kind
        var version = 1
        var file: String
        var digest: String
        var base_url: String
        var key_fingerprint: String
        var secrets_dir: String?
        var created_at: Int
        var steps: [Step]
        static let kind = "jetemail-webhooks apply"
    }

    struct Line: Codable {
        var sending: Int?
        var done: Int?
        var uuid: String?
        var failed: Int?
        var detail: String?
        /// A create's secret is in this file.
        var secret: String?
        var finished: Bool?
        var owner: Int?
        var at: Int
    }

    /// What a journal says: the steps, and how far each went.
    public struct State: Sendable, Equatable {
        public var path: String
        public var file: String
        public var digest: String
        public var target: RecoverJournal.Target
        public var secretsDir: String?
        public var steps: [Step]
        public var sending: Set<Int> = []
        public var done: [Int: String] = [:]
        public var failed: [Int: String] = [:]
        public var secrets: [Int: String] = [:]
        public var finished = false
        /// The file does not end with a whole line (a kill mid-write).
        public var endsTorn = false

        /// Steps not done, in order.
        public var left: [Int] { steps.indices.filter { done[$0] == nil } }
        /// Sent, and no answer was journalled.
        public func uncertain(_ index: Int) -> Bool { sending.contains(index) && done[index] == nil && failed[index] == nil }
    }

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        public var held = false
        public init(_ description: String, held: Bool = false) { self.description = description; self.held = held }
    }

    static let readLimit = 16 << 20

    public static func digest(_ bytes: [UInt8]) -> String { String(HMACSHA256.hex(SHA256.hash(bytes)).prefix(16)) }

    /// A new journal for the plan, owned by this run.
    public static func begin(steps: [Step], file: String, digest: String, target: RecoverJournal.Target, secretsDir: String?, folder: String,
                             now: Int) throws(Problem) -> (ApplyJournal, State) {
        if let problem = RecoverJournal.makeFolder(folder) { throw Problem("The journal's folder \(folder): \(problem).") }
        let path = "\(folder)/apply-\(digest)-\(JournalFile.stamp(now))-\(getpid()).jsonl"
        let header = Header(file: AbsolutePath.of(file), digest: digest, base_url: target.baseURL, key_fingerprint: target.keyFingerprint,
                            secrets_dir: secretsDir.map(AbsolutePath.of), created_at: now, steps: steps)
        guard let bytes = try? JSONEncoder().encode(header), bytes.count < readLimit else { throw Problem("The plan is too large for a journal.") }
        let made: JournalFile
        do { made = try JournalFile.create(path) } catch { throw Problem(error.text(path)) }
        let journal = ApplyJournal(file: made)
        do {
            try journal.append(Array(bytes) + [0x0A])
            try journal.write(Line(owner: Int(getpid()), at: now))
            return (journal, try journal.readBack())
        } catch {
            unlink(path)
            throw error
        }
    }

    public static func claim(_ path: String, now: Int) throws(Problem) -> (ApplyJournal, State) {
        let made: JournalFile
        do { made = try JournalFile.claim(path) } catch {
            if case .held = error { throw Problem("Another run is applying this file now (\(path)): let it finish, or stop it first.", held: true) }
            throw Problem(error.text(path))
        }
        let journal = ApplyJournal(file: made)
        let state = try journal.readBack()
        if state.endsTorn { try journal.append([0x0A]) }
        try journal.write(Line(owner: Int(getpid()), at: now))
        return (journal, state)
    }

    /// The latest unfinished apply of this file's contents for this account, if any.
    public static func unfinished(folder: String, digest: String, target: RecoverJournal.Target) -> String? {
        // One file's applies differ only in their stamp (then pid): the newest sorts last.
        for name in JournalFile.names(in: folder, prefix: "apply-\(digest)-").sorted(by: >) {
            let path = "\(folder)/\(name)"
            guard let bytes = try? JournalFile.contents(of: path, limit: readLimit), let state = try? parse(bytes, path: path) else { continue }
            if !state.finished && state.target == target { return path }
        }
        return nil
    }

    public func readBack() throws(Problem) -> State {
        let bytes: [UInt8]?
        do { bytes = try file.contents(limit: Self.readLimit) } catch { throw Problem(error.description) }
        guard let bytes else { throw Problem("\(path) is too large for an apply journal.") }
        return try Self.parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(Problem) -> State {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        let decoder = JSONDecoder()
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)), header.journal == Header.kind else {
            throw Problem("\(path) is not an apply journal.")
        }
        var state = State(path: path, file: header.file, digest: header.digest,
                          target: RecoverJournal.Target(baseURL: header.base_url, keyFingerprint: header.key_fingerprint),
                          secretsDir: header.secrets_dir, steps: header.steps)
        state.endsTorn = bytes.last != 0x0A
        for raw in lines.dropFirst() {
            guard let line = try? decoder.decode(Line.self, from: Data(raw)) else {
                // Torn: a step it names may have been sent.
                if let match = String(decoding: raw, as: UTF8.self).firstMatch(of: /"sending":(\d+)/), let i = Int(match.1) { state.sending.insert(i) }
                continue
            }
            if let i = line.sending { state.sending.insert(i); state.failed[i] = nil }
            if let i = line.done { state.done[i] = line.uuid ?? "" }
            if let i = line.failed { state.failed[i] = line.detail ?? "failed" }
            if let i = line.done, let secret = line.secret { state.secrets[i] = secret }
            if line.finished == true { state.finished = true }
        }
        return state
    }

    // MARK: Writing

    public func sending(_ i: Int, now: Int) throws(Problem) { try write(Line(sending: i, at: now)) }
    public func done(_ i: Int, uuid: String?, secret: String? = nil, now: Int) throws(Problem) { try write(Line(done: i, uuid: uuid, secret: secret, at: now)) }
    public func failed(_ i: Int, _ detail: String, now: Int) throws(Problem) { try write(Line(failed: i, detail: detail, at: now)) }
    public func finished(now: Int) throws(Problem) { try write(Line(finished: true, at: now)) }

    private func write(_ line: Line) throws(Problem) {
        do { try file.appendLine(line) } catch { throw Problem(error.description) }
        if let i = line.sending ?? line.done {
            JournalFile.dieIfAsked("JETEMAIL_WEBHOOKS_KILL_AFTER_APPLY_LINE", after: line.sending != nil ? "sending:\(i)" : "done:\(i)")
        }
    }

    private func append(_ bytes: [UInt8]) throws(Problem) {
        do { try file.append(bytes) } catch { throw Problem(error.description) }
    }
}
