import FoundationEssentials
import Glibc
import PosixSupport

/// Writing a webhook secret to a file: created 0600, exclusively (never overwriting), never
/// through a symlink. `reserve` creates the empty file before a request is sent, so that a
/// secret which arrives always has somewhere to go.
public struct SecretFile: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case noDirectory(String)
        case permissionDenied(String)
        case diskFull(String)
        case other(String, String)

        public var description: String {
            switch self {
            case .exists(let p): "\(p) already exists (or is a link); choose another path. Nothing was overwritten."
            case .noDirectory(let p): "The folder for \(p) does not exist."
            case .permissionDenied(let p): "No permission to create \(p)."
            case .diskFull(let p): "The disk is full; \(p) could not be written."
            case .other(let p, let reason): "Cannot write \(p): \(reason)."
            }
        }
    }

    public let path: String
    private let descriptor: Int32

    /// Creates the file, empty, with mode 0600.
    public static func reserve(_ path: String) throws(Failure) -> SecretFile {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(errno, path) }
        // The umask can only narrow the mode; make sure it is exactly 0600 anyway.
        _ = fchmod(fd, 0o600)
        return SecretFile(path: path, descriptor: fd)
    }

    /// `reserve`, for a journalled run going on after a kill: its own reservation, left empty
    /// (a regular file of this user's, 0600, nothing in it) by a create whose answer was lost, is
    /// taken again; any other file there is never written over.
    public static func reserveAgain(_ path: String) throws(Failure) -> SecretFile {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == 0, info.st_uid == getuid(), info.st_mode & 0o077 == 0 {
            unlink(path)
        }
        return try reserve(path)
    }

    /// Creates the file and writes the secret and a newline.
    public static func write(_ secret: String, to path: String) throws(Failure) {
        let file = try reserve(path)
        try file.fill(with: secret)
    }

    /// Writes the secret and a newline into the reserved file and closes it. On failure the
    /// partial file is removed.
    public func fill(with secret: String) throws(Failure) {
        if let e = writeAll(descriptor, Array((secret + "\n").utf8)) {
            close(descriptor); unlink(path)
            throw Self.failure(e, path)
        }
        if fsync(descriptor) != 0, errno == ENOSPC || errno == EDQUOT {
            close(descriptor); unlink(path)
            throw Self.failure(ENOSPC, path)
        }
        close(descriptor)
    }

    /// Why a secret file could not be created at `path` now, or nil if it could: the path is
    /// free (no file, no link) and its folder exists and is writable. Nothing is created.
    public static func problemCreating(_ path: String) -> Failure? {
        var info = stat()
        if lstat(path, &info) == 0 { return .exists(path) }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, (folderInfo.st_mode & S_IFMT) == S_IFDIR else { return .noDirectory(path) }
        if access(folder, W_OK) != 0 { return .permissionDenied(path) }
        return nil
    }

    /// Removes a reserved file that will not be needed (the request failed).
    public func abandon() {
        close(descriptor)
        unlink(path)
    }

    static func failure(_ code: Int32, _ path: String) -> Failure {
        switch code {
        case EEXIST, ELOOP: .exists(path)
        case ENOENT, ENOTDIR: .noDirectory(path)
        case EACCES, EPERM, EROFS: .permissionDenied(path)
        case ENOSPC, EDQUOT: .diskFull(path)
        default: .other(path, String(cString: strerror(code)))
        }
    }
}
