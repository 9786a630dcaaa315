import JetEmailClient
import WebhookTUI

/// A time option on the command line, read as `TimeText` reads it.
enum TimeArgument {
    /// The time an option names (`--since TIME`), or the same bound in unix seconds under the
    /// official CLI's name (`--date-from`); both at once is a usage error.
    static func option(_ arguments: ParsedArguments, _ name: String, unixName: String?, clock: WallClock) throws(UsageError) -> Int? {
        if let unixName, arguments.string(name) != nil, arguments.string(unixName) != nil {
            throw UsageError("--\(name) and --\(unixName) name the same bound; give one.")
        }
        if let unixName, let text = arguments.string(unixName) {
            guard let n = Int(text) else { throw UsageError("--\(unixName) takes unix seconds, not '\(TerminalSafe.escaped(text))'.") }
            return n
        }
        guard let text = arguments.string(name) else { return nil }
        guard let t = TimeText.parse(text, now: Int(clock.epochAtStart), utcOffset: clock.utcOffset) else {
            throw UsageError("--\(name): '\(TerminalSafe.escaped(text))' is not a time (\(TimeText.examplesText)).")
        }
        return t
    }
}
