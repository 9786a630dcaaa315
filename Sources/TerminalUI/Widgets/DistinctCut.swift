/// Cuts a column's texts (names) to a width so that different texts never look alike when the
/// width could tell them apart: a text that fits is whole; one that does not keeps its start
/// and the part where it differs from the text most like it (seeded "Seed Hook 00004" at 10
/// columns is `Seed…00004`, not `Seed Hook…`). Texts that still look alike are shown from where
/// they differ.
public enum DistinctCut {
    public static func cuts(_ texts: [String], width: Int) -> [String] {
        guard width > 0 else { return texts.map { _ in "" } }
        let distinct = Array(Set(texts))
        let chars = Dictionary(uniqueKeysWithValues: distinct.map { ($0, Array($0)) })
        // Each text's longest shared start with any other, from the sorted order's neighbours.
        let sorted = distinct.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes(Array($1.unicodeScalars.map(\.value))) }
        var shared: [String: Int] = [:]
        for (i, text) in sorted.enumerated() {
            let before = i > 0 ? commonStart(chars[text]!, chars[sorted[i - 1]]!) : 0
            let after = i + 1 < sorted.count ? commonStart(chars[text]!, chars[sorted[i + 1]]!) : 0
            shared[text] = max(before, after)
        }
        var shown: [String: String] = [:]
        for text in distinct { shown[text] = cut(chars[text]!, width: width, from: shared[text] ?? 0) }
        // What still collides is shown from where it differs from the others it collides with.
        let groups = Dictionary(grouping: distinct) { shown[$0]! }.values.filter { $0.count > 1 }
        for group in groups {
            for text in group {
                let differs = group.filter { $0 != text }.map { commonStart(chars[text]!, chars[$0]!) }.min() ?? 0
                shown[text] = window(chars[text]!, width: width, at: differs)
            }
        }
        return texts.map { shown[$0]! }
    }

    static let separators: Set<Character> = [" ", "-", "_", "(", ".", "/", ":"]

    static func commonStart(_ a: [Character], _ b: [Character]) -> Int {
        var n = 0
        while n < a.count, n < b.count, a[n] == b[n] { n += 1 }
        return n
    }

    /// Whole when it fits; else its start, `…`, and everything from `from` (where it differs
    /// from the text most like it) when that fits; else cut in the middle.
    static func cut(_ text: [Character], width: Int, from: Int) -> String {
        let whole = String(text)
        if DisplayWidth.of(whole, upTo: width + 1) <= width { return whole }
        // At least one character of the start: a name cut to `…tail` loses where it begins.
        var start = max(1, min(from, text.count))
        // Back to the start of its word (`00004`, not `4`) when that still fits.
        var word = start
        while word > 1, !separators.contains(text[word - 1]) { word -= 1 }
        if word > 1, DisplayWidth.of(String(text[word...])) <= width - 1 - DisplayWidth.of(text[0]) { start = word }
        let tail = String(text[start...])
        let room = width - 1 - DisplayWidth.of(tail)
        guard room >= 1 else { return DisplayWidth.middle(whole, width: width) }
        return fitting(text[..<start], room) + "…" + tail
    }

    /// `…` and the text from just before `at`, cut at the end (`…`) when longer.
    static func window(_ text: [Character], width: Int, at: Int) -> String {
        let begin = max(0, min(at, text.count) - 1)
        let rest = String(text[begin...])
        let lead = begin > 0 ? "…" : ""
        let room = width - DisplayWidth.of(lead)
        guard room > 0 else { return DisplayWidth.truncate(rest, to: width) }
        if DisplayWidth.of(rest, upTo: room + 1) <= room { return lead + rest }
        return lead + fitting(text[begin...], room - 1) + "…"
    }

    /// The longest start of `text` that fits in `width` columns, with no mark of the cut.
    static func fitting(_ text: ArraySlice<Character>, _ width: Int) -> String {
        var out = "", used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return out
    }
}
