import Glibc

/// The account's window in a file that every process of this user on this machine shares, one
/// file per API host: `budget-HOST.ledger` in the state folder (0600 in a 0700 folder). Each
/// update opens it without following a link and without blocking (a FIFO is refused, not waited
/// on), takes `flock`, reads it (at most 1 MiB, each line checked: it is untrusted input),
/// changes it, and writes it back only if it changed. A line torn by a crash or a full disk is
/// skipped; a file that is not a ledger of this program is never written over.
public final class FileBudgetLedger: BudgetLedger {
    public let path: String
    static let header = "jetemail-webhooks request ledger 1"
    static let largest = 1 << 20

    public init(path: String) { self.path = path }

    public var place: String { path }
    public var isShared: Bool { true }

    /// The ledger for this API host, in the state folder (where recover's journals are). Keyed by
    /// host and port, not by key: JetEmail's limit is the account's, and two keys of one account
    /// cannot be told apart.
    public static func path(for base: BaseURL, environment: [String: String]) -> String {
        let host = base.host.lowercased().unicodeScalars
            .map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".") ? Character($0) : "_" }
        let port = base.port.map { "_\($0)" } ?? ""
        return RecoverJournal.folder(environment: environment) + "/budget-" + String(String(host).prefix(100)) + port + ".ledger"
    }

    public func update<T>(_ change: (inout AccountWindow) -> T) throws(BudgetLedgerProblem) -> T {
        var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0o600)
        if fd < 0, errno == ENOENT {
            // The folder is made (private) the first time only: later opens cost no look at it.
            let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            if !folder.isEmpty, let problem = RecoverJournal.makeFolder(folder) { throw BudgetLedgerProblem(.unusable, problem) }
            fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0o600)
        }
        guard fd >= 0 else {
            let e = errno
            throw BudgetLedgerProblem(.unusable, e == ELOOP ? "\(path) is a symbolic link" : "\(path): \(String(cString: strerror(e)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw BudgetLedgerProblem(.unusable, "\(path) is not a regular file") }
        guard info.st_uid == geteuid() else { throw BudgetLedgerProblem(.unusable, "\(path) belongs to another user") }
        if info.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let e = errno
            if e == EWOULDBLOCK || e == EINTR { throw BudgetLedgerProblem(.busy, "\(path) is locked by another process") }
            throw BudgetLedgerProblem(.unusable, "\(path) cannot be locked: \(String(cString: strerror(e)))")
        }
        let bytes = try read(fd)
        guard var window = LedgerText.parse(bytes) else {
            throw BudgetLedgerProblem(.unusable, "\(path) is not a request ledger of this program (move it away)")
        }
        let before = window
        let result = change(&window)
        // Written back when it changed, or when what was read was not clean (a torn line).
        if window != before {
            try write(fd, Array(LedgerText.render(window).utf8))
        } else if !bytes.isEmpty, case let clean = Array(LedgerText.render(before).utf8), clean != bytes {
            try write(fd, clean)
        }
        return result
    }

    private func read(_ fd: Int32) throws(BudgetLedgerProblem) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = pread(fd, &buffer, buffer.count, off_t(bytes.count))
            if n < 0 {
                if errno == EINTR { continue }
                throw BudgetLedgerProblem(.unusable, "\(path) cannot be read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
            if bytes.count > Self.largest { throw BudgetLedgerProblem(.unusable, "\(path) is larger than 1 MiB") }
        }
    }

    /// Written over from the start, then cut to its length: a write cut short (a full disk)
    /// leaves whole old lines after the new ones, which are read as what they are.
    private func write(_ fd: Int32, _ bytes: [UInt8]) throws(BudgetLedgerProblem) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, bytes.count - done, off_t(done)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BudgetLedgerProblem(.unusable, "\(path) cannot be written: \(String(cString: strerror(errno)))")
            }
            done += n
        }
        guard ftruncate(fd, off_t(bytes.count)) == 0 else {
            throw BudgetLedgerProblem(.unusable, "\(path) cannot be written: \(String(cString: strerror(errno)))")
        }
    }
}

/// The ledger's text: a header line, then one line a record, numbers only:
/// `S PID TICKET AT OPEN` a request counting from AT (OPEN 1: not answered yet), `W PID PRIORITY SINCE` a process waiting,
/// `H UNTIL SECONDS PID` a 429's hold.
enum LedgerText {
    static func render(_ window: AccountWindow) -> String {
        var text = FileBudgetLedger.header + "\n"
        for slot in window.slots { text += "S \(slot.process) \(slot.ticket) \(time(slot.at)) \(slot.open ? 1 : 0)\n" }
        for wait in window.waiting { text += "W \(wait.process) \(wait.priority.rawValue) \(time(wait.since))\n" }
        if let hold = window.hold { text += "H \(time(hold.until)) \(hold.seconds) \(hold.process)\n" }
        return text
    }

    /// Milliseconds are enough, and keep the file small.
    static func time(_ t: Double) -> String {
        let ms = Int((t * 1000).rounded())
        return "\(ms / 1000).\(String(ms % 1000 + 1000).dropFirst())"
    }

    /// The window the text holds; nil when it is not a ledger at all (an empty file is a new one).
    /// Lines that do not read (torn, or written by hand) are skipped.
    static func parse(_ bytes: [UInt8]) -> AccountWindow? {
        guard !bytes.isEmpty else { return AccountWindow() }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, String(decoding: first, as: UTF8.self) == FileBudgetLedger.header else { return nil }
        var window = AccountWindow()
        for line in lines.dropFirst() where line.count <= 120 {
            let fields = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 4 || (fields.count == 5 && fields[0] == "S") else { continue }
            switch fields[0] {
            case "S":
                guard fields.count == 5, fields[4] == "0" || fields[4] == "1" else { continue }
                if let process = pid(fields[1]), let ticket = Int(fields[2]), ticket >= 0, let at = seconds(fields[3]) {
                    window.slots.append(.init(process: process, ticket: ticket, at: at, open: fields[4] == "1"))
                }
            case "W":
                if let process = pid(fields[1]), let raw = Int(fields[2]), let priority = RequestPriority(rawValue: raw), let since = seconds(fields[3]) {
                    window.waiting.append(.init(process: process, priority: priority, since: since))
                }
            case "H":
                if let until = seconds(fields[1]), let total = Int(fields[2]), (0...RetryAfter.longestWait).contains(total), let process = pid(fields[3]) {
                    if until > (window.hold?.until ?? -1) { window.hold = .init(until: until, seconds: total, process: process) }
                }
            default: continue
            }
        }
        // Whole old lines left by a write cut short may repeat a slot: it counts once.
        var seen = Set<SlotKey>()
        window.slots = window.slots.filter { seen.insert(SlotKey(process: $0.process, ticket: $0.ticket)).inserted }
        return window
    }

    private struct SlotKey: Hashable { var process: Int32; var ticket: Int }

    private static func pid(_ text: String) -> Int32? {
        guard text.utf8.count <= 10, let value = Int32(text), value > 0 else { return nil }
        return value
    }

    private static func seconds(_ text: String) -> Double? {
        guard text.utf8.count <= 20, let value = Double(text), value.isFinite, value >= 0, value < 1e11 else { return nil }
        return value
    }
}
