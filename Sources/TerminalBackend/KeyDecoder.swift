import CNcursesw
import WebhookTUI

/// Turns what `get_wch` returns into `Key`s. Bracketed pastes are gathered into one `.paste`.
struct KeyDecoder {
    static let pasteBegin: Int32 = 0o1000
    static let pasteEnd: Int32 = 0o1001

    private var pasting: String?

    /// Feeds one result of get_wch; returns the key it completes, if any.
    mutating func feed(isFunctionKey: Bool, code: UInt32) -> Key? {
        if isFunctionKey {
            let c = Int32(code)
            if c == Self.pasteBegin { pasting = ""; return nil }
            if c == Self.pasteEnd {
                defer { pasting = nil }
                return pasting.map { Key.paste($0) }
            }
            if pasting != nil { return nil }
            return functionKey(c)
        }
        guard let scalar = Unicode.Scalar(code) else { return nil }
        if pasting != nil {
            pasting!.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
            return nil
        }
        switch code {
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A:
            return .control(Character(Unicode.Scalar(code + 0x60)!))
        case 0x00..<0x20: return nil
        default: return .character(Character(scalar))
        }
    }

    private func functionKey(_ c: Int32) -> Key? {
        switch c {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        default:
            for n in 1...12 where c == je_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}
