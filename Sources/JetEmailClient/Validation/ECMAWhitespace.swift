/// `\s` as ECMA-262 defines it (WhiteSpace and LineTerminator), which is what the API's
/// JSON Schema pattern means. It differs from Swift's and ICU's `\s`: U+FEFF is in,
/// U+0085 (NEL) and U+180E are out.
public enum ECMAWhitespace {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}

/// How a character is named in a message: itself when visible, its code point when not.
enum CharacterName {
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let invisible = scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
            || ECMAWhitespace.contains(scalar)
            || scalar.properties.generalCategory == .spaceSeparator
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return invisible ? code : "'\(Character(scalar))'"
    }

    /// Distinct offending characters, in order of first appearance, at most `limit` named.
    static func list<S: Sequence<Unicode.Scalar>>(_ scalars: S, limit: Int = 5) -> String {
        var seen = Set<Unicode.Scalar>()
        let distinct = scalars.filter { seen.insert($0).inserted }
        let named = distinct.prefix(limit).map(describe).joined(separator: ", ")
        return distinct.count > limit ? named + " and \(distinct.count - limit) more" : named
    }
}
