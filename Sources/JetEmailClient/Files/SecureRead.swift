import FoundationEssentials
import Glibc

/// Reading files that hold secrets: refuses anything but a regular file, and reports
/// permissions that let other users read it.
package enum SecureRead {
    package struct Failure: Error {
        package var reason: String
        package var isMissing: Bool
    }

    package static func string(atPath path: String) throws(Failure) -> String {
        let bytes = try self.bytes(atPath: path)
        // A byte-order mark is not part of the text.
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let text = String(validating: text, as: UTF8.self) else { throw Failure(reason: "not UTF-8 text", isMissing: false) }
        return text
    }

    /// The file's bytes, at most 1 MiB. Opened without blocking, so that a FIFO or a device
    /// named by mistake is refused at once instead of hanging the program.
    package static func bytes(atPath path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { let e = errno; throw Failure(reason: String(cString: strerror(e)), isMissing: e == ENOENT) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(reason: "not a regular file", isMissing: false)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw Failure(reason: String(cString: strerror(errno)), isMissing: false) }
            if n == 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > 1 << 20 { throw Failure(reason: "larger than 1 MiB", isMissing: false) }
        }
        return bytes
    }

    /// A warning when group or others may read the file, as `ssh` warns about keys.
    package static func permissionWarning(path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 != 0 else { return nil }
        return "\(path) is readable by other users (mode \(String(mode, radix: 8))); run chmod 600 \(path)."
    }
}
