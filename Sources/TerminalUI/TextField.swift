/// A single-line text input: its characters and a cursor between them. Editing is pure.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int
    /// No value the API takes is longer (a name is 64, a URL a few thousand); a field stops at 16,384,
    /// so that a mistaken huge paste costs nothing on every key afterwards.
    public static let maxLength = 16_384

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key. Returns false when the key is not an editing key, so the
    /// caller can give it another meaning (Tab, Enter, ...).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .paste(let text): insert(text)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace, .control("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("u"):
            characters.removeSubrange(0..<cursor); cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            deletePreviousWord()
        default:
            return false
        }
        return true
    }

    /// What an insertion left out, so the caller can say so.
    public struct Dropped: Equatable, Sendable {
        /// Line breaks and tabs: a single-line value cannot hold them.
        public var lineBreaks = 0
        /// Characters past `maxLength`.
        public var overflow = 0

        public init(lineBreaks: Int = 0, overflow: Int = 0) {
            self.lineBreaks = lineBreaks
            self.overflow = overflow
        }
    }

    /// Inserts text at the cursor, without line breaks and tabs and up to `maxLength`.
    @discardableResult
    public mutating func insert(_ text: String) -> Dropped {
        var dropped = Dropped()
        var kept: [Character] = []
        let room = Self.maxLength - characters.count
        for c in text {
            if c.isNewline || c == "\t" { dropped.lineBreaks += 1; continue }
            if kept.count < room { kept.append(c) } else { dropped.overflow += 1 }
        }
        characters.insert(contentsOf: kept, at: cursor)
        cursor += kept.count
        return dropped
    }

    /// Ctrl-W: the whitespace before the cursor, then the word before that.
    private mutating func deletePreviousWord() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }
}
