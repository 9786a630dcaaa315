/// A webhook as a person names it on the command line: its uuid, or its exact name. A uuid is
/// used as it is and never looked up as a name; a name is found in the account's list (one
/// call). A name several webhooks share names none of them: their uuids are listed instead.
public enum WebhookReference {
    public enum Resolution: Sendable, Equatable {
        case uuid(String)
        case notFound
        /// The uuids of the webhooks sharing that name.
        case ambiguous([String])
    }

    /// `8-4-4-4-12` hexadecimal digits.
    public static func isUUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return parts.allSatisfy { $0.utf8.allSatisfy { (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) } }
    }

    /// A name (or an id that is not uuid-shaped) among the account's webhooks: an exact name
    /// first; failing that, an exact id (an account whose ids are not uuids).
    public static func resolve(_ text: String, among webhooks: [Webhook]) -> Resolution {
        let named = webhooks.filter { $0.name == text }
        if named.count == 1 { return .uuid(named[0].uuid) }
        if named.count > 1 { return .ambiguous(named.map(\.uuid)) }
        if webhooks.contains(where: { $0.uuid == text }) { return .uuid(text) }
        return .notFound
    }
}
