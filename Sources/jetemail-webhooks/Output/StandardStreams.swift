import Glibc
import JetEmailClient
import PosixSupport

/// Descriptors 0-2. One closed at start (`>&-`) would be taken by the next file or socket the
/// program opens (an epoll descriptor took fd 1, and the secret went into it): each is held by
/// /dev/null instead, and remembered as closed, so that output meant for it is known to go nowhere.
enum StandardStreams {
    /// The standard descriptors that were closed when the program started. Read once, first thing.
    static let closedAtStart: Set<Int32> = {
        var closed: Set<Int32> = []
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            closed.insert(fd)
            // open() takes the lowest free descriptor: this one.
            _ = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
        }
        return closed
    }()

    /// Why standard output cannot take the secret, or nil: closed at start, /dev/full, or not
    /// open for writing. Checked before a create is sent, so that a secret is never sent nowhere.
    static func outputProblem() -> String? {
        if closedAtStart.contains(STDOUT_FILENO) { return "standard output is closed" }
        let flags = fcntl(STDOUT_FILENO, F_GETFL)
        if flags == -1 || flags & O_ACCMODE == O_RDONLY { return "standard output is not open for writing" }
        var info = stat(), full = stat()
        if fstat(STDOUT_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFCHR, stat("/dev/full", &full) == 0, info.st_rdev == full.st_rdev {
            return "standard output is /dev/full"
        }
        return nil
    }
}

enum StandardOutput {
    /// Writes the text and a newline; nil, or the errno that stopped it.
    @discardableResult
    static func write(_ text: String, newline: Bool = true) -> Int32? {
        writeAll(STDOUT_FILENO, Array((newline ? text + "\n" : text).utf8))
    }
}

enum StandardError {
    /// A line for people. Control characters other than line breaks are escaped: messages quote
    /// paths and server text, which must not reach the terminal raw.
    static func write(_ line: String) {
        _ = writeAll(STDERR_FILENO, Array((TerminalSafe.escaped(line, keepingLineBreaks: true) + "\n").utf8))
    }

    /// A question, the answer typed on the same line.
    static func writePrompt(_ text: String) {
        _ = writeAll(STDERR_FILENO, Array(TerminalSafe.escaped(text).utf8))
    }
}
