import FoundationEssentials
import Glibc
import PosixSupport

/// A journal's file, whatever it journals: created 0600 and exclusively (never over another
/// file, never through a link), owned by one run through an exclusive `flock` (let go when the
/// descriptor closes, or the process dies), appended to a whole line at a time and synced
/// before the next step is taken, and read back bounded.
final class JournalFile: Sendable {
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) { self.path = path; self.descriptor = descriptor }
    deinit { close(descriptor) }

    enum OpenFailure: Error {
        /// Another process holds it (the file is opened read-only to say which).
        case held
        case exists
        case notPrivate
        case problem(String)
    }

    /// A new file at `path`, locked by this process.
    static func create(_ path: String) throws(OpenFailure) -> JournalFile {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_APPEND, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST || code == ELOOP { throw .exists }
            throw .problem(SecretFile.failure(code, path).description)
        }
        _ = fchmod(fd, 0o600)
        _ = flock(fd, LOCK_EX | LOCK_NB)
        return JournalFile(path: path, descriptor: fd)
    }

    /// An existing file of this user's, private to it, locked by this process; a FIFO, a
    /// device or a link is refused without being opened for reading.
    static func claim(_ path: String) throws(OpenFailure) -> JournalFile {
        do { try RecoverJournal.requireRegularFile(path) } catch { throw .problem(error.description) }
        let fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .problem(RecoverJournal.openFailure(errno, path)) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            close(fd)
            throw .notPrivate
        }
        let file = JournalFile(path: path, descriptor: fd)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 { throw .held }
        return file
    }

    /// Whether another process holds the lock of the file at `path` now.
    static func isHeld(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) != 0 else { _ = flock(fd, LOCK_UN); return false }
        return true
    }

    /// Bytes, whole, synced to disk before the next step is taken.
    func append(_ bytes: [UInt8]) throws(SecretFile.Failure) {
        if let e = writeAll(descriptor, bytes) { throw SecretFile.failure(e, path) }
        if fsync(descriptor) != 0, errno == ENOSPC || errno == EDQUOT { throw SecretFile.failure(ENOSPC, path) }
    }

    /// A value as one JSON line, appended whole and synced.
    func appendLine(_ value: some Encodable) throws(SecretFile.Failure) {
        guard let bytes = try? JSONEncoder().encode(value) else { throw .other(path, "the line could not be made") }
        try append(Array(bytes) + [0x0A])
    }

    /// For the tests of a kill at every step: when the environment `variable` names `label`, the
    /// process kills itself (SIGKILL, as `kill -9` or a dropped session does) right after the
    /// line was written. Only these tests set those variables.
    static func dieIfAsked(_ variable: String, after label: String) {
        guard let asked = getenv(variable), String(cString: asked) == label else { return }
        kill(getpid(), SIGKILL)
    }

    /// The journals of one kind in `folder`: regular files named `PREFIX….jsonl` (a link, a FIFO
    /// or a folder of that name is not a journal, and is never opened).
    static func names(in folder: String, prefix: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix), name.hasSuffix(".jsonl") else { continue }
            var info = stat()
            if lstat("\(folder)/\(name)", &info) == 0, info.st_mode & S_IFMT == S_IFREG { names.append(name) }
        }
        return names
    }

    /// `20261207T031321`: when a journal began (UTC), for its name; names sort by it.
    static func stamp(_ now: Int) -> String {
        let (y, m, d, hh, mm, ss) = RecoverJournal.civil(now)
        return RecoverJournal.four(y) + RecoverJournal.two(m) + RecoverJournal.two(d) + "T" + RecoverJournal.two(hh) + RecoverJournal.two(mm) + RecoverJournal.two(ss)
    }

    /// The whole file as it is now, at most `limit` bytes (nil past it).
    func contents(limit: Int) throws(SecretFile.Failure) -> [UInt8]? { try Self.read(descriptor, path: path, limit: limit) }

    /// The file at `path` without locking it (a regular file only, not followed through a link).
    static func contents(of path: String, limit: Int) throws(OpenFailure) -> [UInt8]? {
        do { try RecoverJournal.requireRegularFile(path) } catch { throw .problem(error.description) }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .problem(RecoverJournal.openFailure(errno, path)) }
        defer { close(fd) }
        do { return try read(fd, path: path, limit: limit) } catch { throw .problem(error.description) }
    }

    private static func read(_ fd: Int32, path: String, limit: Int) throws(SecretFile.Failure) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let n = pread(fd, &buffer, buffer.count, offset)
            if n < 0 { if errno == EINTR { continue }; throw SecretFile.failure(errno, path) }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
            offset += off_t(n)
            if bytes.count > limit { return nil }
        }
    }
}
