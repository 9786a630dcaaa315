import Glibc

/// The user's home: HOME when set, else the password database, else "/".
public enum HomeDirectory {
    public static func path(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return "/" }
        return String(cString: dir)
    }

    /// `~` and `~/…` expanded (the shell does not, after `--option=`); other paths unchanged.
    public static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return self.path(environment: environment) + path.dropFirst()
    }
}
