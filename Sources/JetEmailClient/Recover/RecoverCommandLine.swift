/// The command lines a recover prints for later (going on with its journal, watching its
/// replays delivered), with the connection flags it was run with (a key file, a profile, a base
/// URL, a CA file, a rate): pasted as printed after a lost SSH session, they reach the same
/// account the same way. Every word is quoted for a POSIX shell; no flag holds a secret.
public enum RecoverCommandLine {
    public static func resume(journal: String, connection: [String] = []) -> String {
        line(["recover", "--resume", journal] + connection)
    }

    /// The `stats` command over a range of unix seconds; nil when the range is not one `stats`
    /// takes (a server's time below zero or past the year 9999): never a command that fails.
    public static func watch(uuid: String, since: Int, until: Int, connection: [String] = []) -> String? {
        let usable = 0...253_402_300_799
        guard usable.contains(since), usable.contains(until), since <= until else { return nil }
        return line(["stats", "--webhook", uuid, "--since", String(since), "--until", String(until)] + connection)
    }

    private static func line(_ words: [String]) -> String {
        (["jetemail-webhooks"] + words.map(ShellWord.quoted)).joined(separator: " ")
    }
}
