import Glibc

public enum AbsolutePath {
    /// A relative path made whole against the working folder now: a resume from another folder
    /// (another shell, the TUI started elsewhere) must find the same file.
    public static func of(_ path: String) -> String {
        guard !path.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        let folder = String(cString: cwd)
        let rest = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return (folder.hasSuffix("/") ? folder : folder + "/") + rest
    }
}
