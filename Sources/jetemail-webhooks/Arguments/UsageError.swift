/// A command line that cannot be run as written. Printed as one line plus a pointer to `--help`; exit 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Ends the program with this status after the command has printed what it had to say.
struct ExitCode: Error {
    let rawValue: Int32
    init(_ rawValue: Int32) { self.rawValue = rawValue }
}
