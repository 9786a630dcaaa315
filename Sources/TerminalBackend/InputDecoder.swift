import TerminalUI

/// Turns the bytes a terminal sends into `Key`s, without trusting `TERM` to say what it sends.
///
/// ncurses' keypad mode decodes only the sequences the terminfo entry lists; a terminal whose TERM
/// is wrong (xterm-256color inside tmux, PuTTY's defaults) then types the tail of every other
/// sequence into a field, and invalid UTF-8 stalls `get_wch`. So the bytes are decoded here:
/// - the sequences terminfo names, then every common form of the keys we use (CSI, SS3, rxvt,
///   the Linux console); any other complete CSI or SS3 sequence is swallowed whole, never typed;
/// - UTF-8, with each invalid byte becoming U+FFFD;
/// - bracketed paste (`ESC [200~` … `ESC [201~`) as one `.paste`, whose control characters are
///   never acted on. An end marker that was itself inside the pasted text (seen when another
///   end marker follows before any new start) does not end it.
///
/// An ESC that may begin a sequence waits for `flush()`, which the shell calls after the escape
/// delay (`flushDelay`) when no more bytes came: then it is the Esc key.
public struct InputDecoder: Sendable {
    /// A paste longer than this keeps its start; the rest is dropped (and `pasteTruncated` says so).
    public static let pasteLimit = 1 << 20

    private var pending: [UInt8] = []
    /// Bytes of a paste in progress.
    private var paste: [UInt8]?
    private var pasteOverflow = false
    /// Sequences from terminfo (tried before the built-in forms), longest first.
    private let declared: [([UInt8], Key)]

    public init(declared: [(String, Key)] = []) {
        self.declared = declared
            .map { (Array($0.0.utf8), $0.1) }
            .filter { $0.0.count >= 2 && $0.0[0] == 0x1B }
            .sorted { $0.0.count > $1.0.count }
    }

    /// True while bytes wait for more (an ESC, a partial sequence, a paste without its end).
    public var hasPending: Bool { !pending.isEmpty || paste != nil }

    /// True while a paste is open: the shell waits longer before `flush()`.
    public var isPasting: Bool { paste != nil }

    /// Decodes what it can; an incomplete tail is kept for the next call.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        return decodePending(final: false)
    }

    /// No more bytes came in time: what is pending is taken as it stands. A lone ESC is Esc; a
    /// partial sequence is swallowed; a partial UTF-8 character is U+FFFD; an open paste ends.
    public mutating func flush() -> [Key] {
        var keys = decodePending(final: true)
        if paste != nil { keys.append(endPaste()) }
        return keys
    }

    /// Decodes `pending` from the start; what needs more bytes stays (never when `final`).
    private mutating func decodePending(final: Bool) -> [Key] {
        var keys: [Key] = []
        var i = 0
        while i < pending.count {
            guard let (key, next) = step(at: i, final: final) else { break }
            if let key { keys.append(key) }
            i = next
        }
        pending.removeFirst(i)
        return keys
    }

    // MARK: One step

    /// Decodes what starts at `i`: (a key or nil for swallowed bytes, where the next starts), or
    /// nil when more bytes are needed (never when `final`).
    private mutating func step(at i: Int, final: Bool) -> (Key?, Int)? {
        if paste != nil { return pasteStep(at: i, final: final) }
        let b = pending[i]
        if b == 0x1B { return escapeStep(at: i, final: final) }
        if b < 0x20 || b == 0x7F { return (controlKey(b), i + 1) }
        if b < 0x80 { return (.character(Character(Unicode.Scalar(b))), i + 1) }
        guard let (scalar, length) = utf8Scalar(at: i, final: final) else { return nil }
        // C1 controls are not typed.
        if (0x80...0x9F).contains(scalar.value) { return (nil, i + length) }
        return (.character(Character(scalar)), i + length)
    }

    private func controlKey(_ b: UInt8) -> Key? {
        switch b {
        case 0x09: .tab
        case 0x0A, 0x0D: .enter
        case 0x7F, 0x08: .backspace
        case 0x01...0x1A: .control(Character(Unicode.Scalar(b + 0x60)))
        default: nil
        }
    }

    private mutating func escapeStep(at i: Int, final: Bool) -> (Key?, Int)? {
        let rest = pending.count - i
        if rest == 1 { return final ? (.escape, i + 1) : nil }
        for (bytes, key) in declared where rest >= bytes.count && pending[i..<i + bytes.count].elementsEqual(bytes) {
            return (key, i + bytes.count)
        }
        // A terminfo sequence cut short: wait for the rest.
        if !final, declared.contains(where: { $0.0.count > rest && $0.0.starts(with: pending[i...]) }) { return nil }
        switch pending[i + 1] {
        case 0x5B: return csiStep(at: i, final: final)
        case 0x4F: return ss3Step(at: i, final: final)
        // Esc then Esc: the first is a key of its own.
        case 0x1B: return (.escape, i + 1)
        // Alt+key or Esc typed just before a key: Esc, then the key on its own.
        default: return (.escape, i + 1)
        }
    }

    /// `ESC [` parameters, intermediates, one final byte. Unknown or malformed ones are swallowed.
    private mutating func csiStep(at i: Int, final: Bool) -> (Key?, Int)? {
        var j = i + 2
        // The Linux console's F1-F5: ESC [ [ A..E.
        if j < pending.count, pending[j] == 0x5B {
            guard j + 1 < pending.count else { return final ? (nil, pending.count) : nil }
            let n = Int(pending[j + 1]) - 0x40
            return ((1...5).contains(n) ? .function(n) : nil, j + 2)
        }
        while j < pending.count, (0x20...0x3F).contains(pending[j]) {
            j += 1
            // Nothing legitimate is this long: swallow it rather than wait for ever.
            if j - i > 32 { return (nil, j) }
        }
        guard j < pending.count else { return final ? (nil, pending.count) : nil }
        let finalByte = pending[j]
        guard (0x40...0x7E).contains(finalByte) else { return (nil, j) }
        let parameters = String(decoding: pending[(i + 2)..<j], as: UTF8.self)
        if finalByte == 0x7E, parameters == "200" {
            paste = []
            pasteOverflow = false
            return (nil, j + 1)
        }
        return (Self.csiKey(parameters: parameters, final: finalByte), j + 1)
    }

    static func csiKey(parameters: String, final: UInt8) -> Key? {
        // Modifiers (`1;5A`, Ctrl-Up) do not change what the key does here.
        let first = parameters.split(separator: ";").first.map(String.init) ?? ""
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x5A: return .backTab
        case 0x50, 0x51, 0x52, 0x53: return parameters.isEmpty || first == "1" ? .function(Int(final) - 0x4F) : nil
        case 0x7E:
            switch Int(first) {
            case 1, 7: return .home
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case let n? where (11...15).contains(n): return .function(n - 10)
            case let n? where (17...21).contains(n): return .function(n - 11)
            case let n? where (23...24).contains(n): return .function(n - 12)
            default: return nil
            }
        default: return nil
        }
    }

    /// `ESC O` and one byte (modifier digits may come first): application cursor keys, F1-F4,
    /// the keypad's Enter and digits.
    private func ss3Step(at i: Int, final: Bool) -> (Key?, Int)? {
        var j = i + 2
        while j < pending.count, (0x30...0x3B).contains(pending[j]) { j += 1 }
        guard j < pending.count else { return final ? (nil, pending.count) : nil }
        let key: Key? = switch pending[j] {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x50: .function(1)
        case 0x51: .function(2)
        case 0x52: .function(3)
        case 0x53: .function(4)
        case 0x4D: .enter
        case 0x70...0x79: .character(Character(Unicode.Scalar(pending[j] - 0x70 + 0x30)))
        case 0x6A: .character("*")
        case 0x6B: .character("+")
        case 0x6D: .character("-")
        case 0x6E: .character(".")
        case 0x6F: .character("/")
        default: nil
        }
        return (key, j + 1)
    }

    // MARK: Paste

    private static let pasteEndMarker: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
    private static let pasteStartMarker: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E]

    private mutating func pasteStep(at i: Int, final: Bool) -> (Key?, Int)? {
        guard let end = Self.find(Self.pasteEndMarker, in: pending, from: i) else {
            // Keep a tail that could be the start of the end marker; take the rest.
            var keep = 0
            if !final {
                for n in stride(from: min(Self.pasteEndMarker.count - 1, pending.count - i), through: 1, by: -1)
                where pending[(pending.count - n)...].elementsEqual(Self.pasteEndMarker.prefix(n)) {
                    keep = n
                    break
                }
            }
            let next = pending.count - keep
            if next == i { return nil }
            appendToPaste(pending[i..<next])
            if final { return (endPaste(), pending.count) }
            return (nil, next)
        }
        appendToPaste(pending[i..<end])
        let after = end + Self.pasteEndMarker.count
        // Another end marker before any start marker: this one was part of the pasted text.
        if let next = Self.find(Self.pasteEndMarker, in: pending, from: after),
           Self.find(Self.pasteStartMarker, in: pending, from: after).map({ $0 > next }) ?? true {
            return (nil, after)
        }
        return (endPaste(), after)
    }

    private mutating func appendToPaste(_ bytes: ArraySlice<UInt8>) {
        guard var collected = paste else { return }
        let room = Self.pasteLimit - collected.count
        if bytes.count > room { pasteOverflow = true }
        collected += bytes.prefix(max(0, room))
        paste = collected
    }

    /// The paste as text: invalid UTF-8 becomes U+FFFD, CR and CR LF become a line break, and control
    /// characters other than line breaks and tabs (ESC, C1) are dropped: never acted on.
    private mutating func endPaste() -> Key {
        let bytes = paste ?? []
        paste = nil
        var text = String.UnicodeScalarView()
        var afterCR = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            defer { afterCR = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where afterCR: continue
            case 0x0D: text.append("\n")
            case 0x0A, 0x09: text.append(scalar)
            case 0x00..<0x20, 0x7F...0x9F: continue
            default: text.append(scalar)
            }
        }
        return .paste(String(text))
    }

    /// True when the last paste was longer than `pasteLimit` and was cut.
    public var pasteTruncated: Bool { pasteOverflow }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count - start >= needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    // MARK: UTF-8

    /// The scalar at `i` and its length in bytes; U+FFFD and 1 for an invalid byte; nil when a
    /// valid start is cut short (unless `final`).
    private func utf8Scalar(at i: Int, final: Bool) -> (Unicode.Scalar, Int)? {
        let lead = pending[i]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return ("\u{FFFD}", 1)
        }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            guard i + k < pending.count else { return final ? ("\u{FFFD}", 1) : nil }
            let b = pending[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }
}
