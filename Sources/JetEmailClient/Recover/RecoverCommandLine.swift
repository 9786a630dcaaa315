/// The command lines a recover prints for later (going on with its journal, watching its
/// replays delivered), with the connection flags it was run with (a key file, a profile, a base
/// URL, a CA file, a rate): pasted as printed after a lost SSH session, they reach the same
/// account the same way. Every word is quoted for a POSIX shell; no flag holds a secret.
public enum RecoverCommandLine {
    public static func resume(journal: String, connection: [String] = []) -> String {
        line(["recover", "--resume", journal] + connection)
    }

    public static func watch(uuid: String, since: Int, until: Int, connection: [String] = []) -> String {
        line(["stats", "--webhook", uuid, "--since", String(since), "--until", String(until)] + connection)
    }

    private static func line(_ words: [String]) -> String {
        (["jetemail-webhooks"] + words.map(ShellWord.quoted)).joined(separator: " ")
    }
}
