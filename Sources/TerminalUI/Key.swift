/// A key press (or a paste), already decoded from the terminal. The core sees only these.
public enum Key: Sendable, Equatable {
    case character(Character)
    case enter, tab, backTab, backspace, delete, escape
    case left, right, up, down, home, end, pageUp, pageDown
    /// Ctrl plus a letter, lowercased: `.control("s")` is Ctrl-S.
    case control(Character)
    case function(Int)
    /// Text that arrived as one bracketed paste.
    case paste(String)
}
