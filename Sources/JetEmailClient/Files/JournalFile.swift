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
