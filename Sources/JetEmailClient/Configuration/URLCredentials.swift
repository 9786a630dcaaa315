/// A URL as it may be shown in a message: `user:password@` before the host becomes `***@`, so
/// that a base URL or a proxy variable given with credentials never prints them.
public enum URLCredentials {
    public static func masked(_ text: String) -> String {
        let afterScheme = text.firstRange(of: "://").map(\.upperBound) ?? text.startIndex
        let rest = text[afterScheme...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<afterScheme]) + "***" + String(text[at...])
    }
}
