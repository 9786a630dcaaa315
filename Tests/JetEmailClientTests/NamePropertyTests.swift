import Testing
import TestSupport
@testable import JetEmailClient

/// The name rule against an independent reading of the pattern: ECMA-262 defines `\s` as
/// WhiteSpace (TAB, VT, FF, ZWNBSP and every Unicode "Zs" character) plus LineTerminator
/// (LF, CR, LS, PS). The oracle below derives that set from Unicode general categories rather
/// than from the implementation's table.
@Suite struct NamePropertyTests {
    static func oracleAllows(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII, let c = Character(s).asciiValue {
            if (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) || c == 0x2D || c == 0x5F { return true }
        }
        if [0x09, 0x0B, 0x0C, 0xFEFF, 0x0A, 0x0D, 0x2028, 0x2029].contains(s.value) { return true }
        return s.properties.generalCategory == .spaceSeparator
    }

    static func oracleValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.count <= 64 && name.unicodeScalars.allSatisfy(oracleAllows)
    }

    /// Scalars drawn mostly from near the boundaries: ASCII, Latin-1, every space-like block.
    static func randomScalar(_ rng: inout SeededGenerator) -> Unicode.Scalar {
        let pools: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0xFF, 0x1680...0x1680, 0x180E...0x180E,
                                            0x2000...0x206F, 0x3000...0x3000, 0xFEFF...0xFEFF, 0x0100...0xFFFF, 0x1F600...0x1F64F]
        while true {
            let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
            if let s = Unicode.Scalar(UInt32.random(in: pool, using: &rng)) { return s }
        }
    }

    @Test func ruleAgreesWithOracleOnRandomNames() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededGenerator(seed: seed)
        var checked = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...70, using: &rng)
            // Half the names are built from allowed characters only, so valid names are common too.
            let allowedOnly = Bool.random(using: &rng)
            var scalars = String.UnicodeScalarView()
            while scalars.count < length {
                let s = Self.randomScalar(&rng)
                if !allowedOnly || Self.oracleAllows(s) { scalars.append(s) }
            }
            let name = String(scalars)
            let ruleValid = NameRule.check(name).allSatisfy { $0.severity == .warning }
            #expect(ruleValid == Self.oracleValid(name), "seed \(seed): \(name.unicodeScalars.map { String($0.value, radix: 16) })")
            if ruleValid != Self.oracleValid(name) { return }
            checked += 1
        }
        #expect(checked == 20_000)
    }

    @Test func everyBMPScalarAgreesWithOracle() {
        for value in UInt32(0)...0xFFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            #expect(NameRule.isAllowed(s) == Self.oracleAllows(s), "U+\(String(value, radix: 16))")
        }
    }
}
