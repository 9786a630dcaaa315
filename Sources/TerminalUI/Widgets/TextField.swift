/// A single-line text input: its characters and a cursor between them. Editing is pure.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int
    /// No value the API takes is longer (a name is 64, a URL a few thousand); a field stops at 16,384,
    /// so that a mistaken huge paste costs nothing on every key afterwards.
    public static let maxLength = 16_384

    /// The whole text is selected (a prefill): typing replaces it, Backspace or Delete clears
    /// it, a move keeps it and lets the selection go.
    public private(set) var selected = false

    public init(_ text: String = "", selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        self.selected = selected && !characters.isEmpty
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key, by the table below. Returns false when the key is not an
    /// editing key, so the caller can give it another meaning (Tab, Enter, ...).
    public mutating func handle(_ key: Key) -> Bool {
        guard let binding = Self.bindings.binding(for: key) else { return false }
        apply(binding.action, key: key)
        return true
    }

    /// The editing keys: every text input takes these.
    public static let bindings: [KeyBinding<TextEdit>] = [
        KeyBinding([.anyCharacter, .anyPaste], keys: "typing, paste", help: "insert at the cursor (a paste loses its line breaks)", .insert),
        KeyBinding([.left, .right], keys: "←/→", help: "move one character", .move),
        KeyBinding([.home, .control("a")], keys: "Home or Ctrl-A", help: "start of the line", .home),
        KeyBinding([.end, .control("e")], keys: "End or Ctrl-E", help: "end of the line", .end),
        KeyBinding([.backspace, .control("h")], keys: "Backspace", help: "delete before the cursor", .deleteBackward),
        KeyBinding([.delete, .control("d")], keys: "Delete or Ctrl-D", help: "delete under the cursor", .deleteForward),
        KeyBinding([.control("u")], keys: "Ctrl-U", help: "delete to the start of the line", .deleteToStart),
        KeyBinding([.control("k")], keys: "Ctrl-K", help: "delete to the end of the line", .deleteToEnd),
        KeyBinding([.control("w")], keys: "Ctrl-W", help: "delete the previous word", .deleteWord),
    ]

    /// Performs an edit; `key` carries the text for `.insert` and the direction for `.move`.
    @discardableResult
    public mutating func apply(_ edit: TextEdit, key: Key) -> Dropped {
        if selected {
            selected = false
            switch edit {
            case .insert, .deleteBackward, .deleteForward, .deleteToStart, .deleteToEnd, .deleteWord:
                characters = []
                cursor = 0
                if edit != .insert { return Dropped() }
            case .move, .home, .end: break
            }
        }
        switch edit {
        case .insert:
            switch key {
            case .character(let c): return insert(String(c))
            case .paste(let text): return insert(text)
            default: break
            }
        case .move:
            cursor = key == .left ? max(0, cursor - 1) : min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .deleteToStart:
            characters.removeSubrange(0..<cursor); cursor = 0
        case .deleteToEnd:
            characters.removeSubrange(cursor...)
        case .deleteWord:
            deletePreviousWord()
        }
        return Dropped()
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

/// What an editing key does to a text field.
public enum TextEdit: Sendable, Equatable {
    case insert, move, home, end, deleteBackward, deleteForward, deleteToStart, deleteToEnd, deleteWord
}
