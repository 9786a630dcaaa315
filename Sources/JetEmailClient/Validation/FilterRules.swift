/// `filter_users`: usernames of transactional keys or smarthosts; each item non-empty,
/// without whitespace or commas. Duplicates are dropped; none at all means "all users" (null).
public enum FilterUsersRule {
    public static func check(_ items: [String]) -> (users: [String]?, problems: [ValidationProblem]) {
        var problems: [ValidationProblem] = []
        for item in items {
            if item.isEmpty {
                problems.append(.init(.filterUsers, .error, "A filter user is empty; remove it or give a username."))
            } else if item.unicodeScalars.contains(where: { ECMAWhitespace.contains($0) || $0.properties.isWhitespace }) {
                problems.append(.init(.filterUsers, .error, "Filter user '\(item)' contains whitespace; usernames have none."))
            } else if item.contains(",") {
                problems.append(.init(.filterUsers, .error, "Filter user '\(item)' contains a comma; give each user separately."))
            }
        }
        return (unique(items), problems)
    }
}

/// `filter_domains`: inbound domain names; each must be a valid DNS name such as example.com.
public enum FilterDomainsRule {
    public static func check(_ items: [String]) -> (domains: [String]?, problems: [ValidationProblem]) {
        let problems = items.compactMap { item in
            problem(item).map { ValidationProblem(.filterDomains, .error, $0) }
        }
        return (unique(items), problems)
    }

    static func problem(_ domain: String) -> String? {
        if domain.isEmpty { return "A filter domain is empty; remove it or give a domain such as example.com." }
        let quoted = "'\(domain)'"
        if domain.unicodeScalars.contains(where: { !$0.isASCII }) {
            return "\(quoted) has non-ASCII characters; write an international domain in its xn-- (punycode) form."
        }
        if domain.hasSuffix(".") { return "\(quoted) ends with a dot; write it without the trailing dot." }
        if domain.count > 253 { return "\(quoted) is longer than 253 characters, the limit for a domain name." }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "\(quoted) is not a full domain name; expected something like example.com." }
        for label in labels {
            if label.isEmpty { return "\(quoted) has an empty part between dots." }
            if label.count > 63 { return "\(quoted) has a part longer than 63 characters." }
            let bad = label.unicodeScalars.filter { !(("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }
            if !bad.isEmpty { return "\(quoted) contains \(CharacterName.list(bad)); domain names use only letters, digits, hyphens and dots." }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "\(quoted) has a part that starts or ends with a hyphen." }
        }
        if labels.last!.allSatisfy(\.isNumber) { return "\(quoted) looks like an IP address; give a domain name." }
        return nil
    }
}

/// Items without repeats, first occurrence kept; nil when there are none.
func unique(_ items: [String]) -> [String]? {
    var seen = Set<String>()
    let kept = items.filter { seen.insert($0).inserted }
    return kept.isEmpty ? nil : kept
}
