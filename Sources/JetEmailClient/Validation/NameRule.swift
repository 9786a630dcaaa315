/// `name`: required, at most 64 characters, matching `^[a-zA-Z0-9-_\s]+$` with ECMA-262's `\s`.
public enum NameRule {
    public static let maxLength = 64

    /// Length as JSON Schema counts it: Unicode code points.
    public static func length(_ name: String) -> Int { name.unicodeScalars.count }

    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
        default: return ECMAWhitespace.contains(scalar)
        }
    }

    public static func check(_ name: String) -> [ValidationProblem] {
        if name.isEmpty { return [.init(.name, .error, "Name is required.")] }
        var problems: [ValidationProblem] = []
        let count = length(name)
        if count > maxLength {
            problems.append(.init(.name, .error, "Name is \(count) characters long; at most \(maxLength) are allowed."))
        }
        let bad = name.unicodeScalars.filter { !isAllowed($0) }
        if !bad.isEmpty {
            problems.append(.init(.name, .error,
                "Use only letters A-Z, digits, hyphens, underscores and spaces; remove \(CharacterName.list(Array(bad)))."))
        }
        if problems.isEmpty, name.unicodeScalars.allSatisfy(ECMAWhitespace.contains) {
            problems.append(.init(.name, .warning, "Name is only whitespace; the API accepts it, but nobody will recognise it."))
        }
        return problems
    }
}
