/// A single-line text input: its characters and a cursor between them. Editing is pure.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int

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

    /// Inserts text at the cursor. Line breaks and tabs cannot be part of a single-line value,
    /// so they are dropped; returns how many were dropped so the caller can say so.
    @discardableResult
    public mutating func insert(_ text: String) -> Int {
        let kept = text.filter { !($0.isNewline || $0 == "\t") }
        characters.insert(contentsOf: kept, at: cursor)
        cursor += kept.count
        return text.count - kept.count
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
