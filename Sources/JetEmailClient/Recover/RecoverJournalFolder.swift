import Glibc
import PosixSupport

/// Where journals go and how they are named: one folder per user, one file per run, its name
/// saying the webhook, the filter's digest and when it began, so that the same command run again
/// finds the journal of the same recover.
extension RecoverJournal {
    /// `$XDG_STATE_HOME/jetemail-webhooks`, else `~/.local/state/jetemail-webhooks`.
    public static func folder(environment: [String: String]) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? HomeDirectory.path(environment: environment) + "/.local/state"
        return base + "/jetemail-webhooks"
    }

    /// Makes the folder (and its parents) private to this user, if missing; why not, if it cannot.
    public static func makeFolder(_ folder: String) -> String? {
        // A relative folder stays relative (to the working folder), never under /.
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + part
            var info = stat()
            if stat(path, &info) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR { return "\(path) is not a folder" }
                continue
            }
            if mkdir(path, 0o700) != 0, errno != EEXIST { return "cannot create \(path): \(String(cString: strerror(errno)))" }
        }
        return nil
    }

    /// A new journal's path for this filter, stamped with the time (UTC).
    public static func newPath(folder: String, filter: RecoverFilter, now: Int) -> String {
        "\(folder)/recover-\(fileSafe(filter.uuid))-\(filter.key)-\(JournalFile.stamp(now)).jsonl"
    }

    /// A uuid as a file name may hold it: ASCII letters, digits and `-`, at most 36.
    static func fileSafe(_ uuid: String) -> String {
        String(uuid.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
            .map(Character.init).prefix(36))
    }

    /// The newest journal in the folder for this filter, if any: regular files only (a FIFO or a
    /// link of that name is not a journal, and is never opened).
    public static func latest(folder: String, filter: RecoverFilter) -> String? {
        JournalFile.names(in: folder, prefix: "recover-").filter { $0.contains("-\(filter.key)-") }.max().map { "\(folder)/\($0)" }
    }

    /// The latest journal of this recover that can be read, finished or not, made for this
    /// account (`target`; a journal of another base URL or key is another recover).
    public static func latestState(folder: String, filter: RecoverFilter, target: Target? = nil) -> State? {
        guard let state = latest(folder: folder, filter: filter).flatMap({ try? read($0) }) else { return nil }
        if let target, let made = state.target, made != target { return nil }
        return state
    }

    /// Journals' names, newest first: each ends in its UTC stamp (`…-20261207T031321.jsonl`).
    static func newestFirst(_ names: [String]) -> [String] {
        names.map { (stamp: $0.dropLast(6).split(separator: "-").last ?? "", name: $0) }.sorted { $0.stamp > $1.stamp }.map(\.name)
    }

    // MARK: Dates for file names

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func four(_ n: Int) -> String { let t = Swift.String(n); return Swift.String(repeating: "0", count: max(0, 4 - t.count)) + t }

    static func civil(_ unix: Int) -> (Int, Int, Int, Int, Int, Int) {
        let t = min(max(unix, 0), 253_402_300_799)
        let seconds = t % 86_400
        let (y, m, d) = TimeText.civil(days: t / 86_400)
        return (y, m, d, seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }
}

extension RecoverJournal {
    /// The journals in the folder that stopped before their end, made for this account (or
    /// for any, when `target` is nil), newest first: at most `limit` files are read, newest
    /// first, each as untrusted input (one that cannot be read is skipped).
    public static func unfinished(folder: String, target: Target?, limit: Int = 20) -> [State] {
        newestFirst(JournalFile.names(in: folder, prefix: "recover-")).prefix(limit).compactMap { name in
            guard let state = try? read("\(folder)/\(name)"), !state.finished,
                  !state.remaining(retryUncertain: false).isEmpty || !state.uncertain.isEmpty else { return nil }
            if let target, let made = state.target, made != target { return nil }
            return state
        }
    }
}
