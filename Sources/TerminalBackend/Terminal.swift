import CNcursesw
import CTerminalGuard
import FoundationEssentials
import Glibc
import PosixSupport
import TerminalUI

/// The thin ncurses layer: start and stop the screen, draw a grid, read keys, follow resizes.
/// Every call happens on the main actor, since curses is not thread-safe.
@MainActor
public final class Terminal {
    private var screen: OpaquePointer?
    private var decoder = InputDecoder()
    /// How long an ESC waits for the rest of a sequence before it is the Esc key ($ESCDELAY, else 25 ms).
    public let escapeDelayMilliseconds: Int
    /// The grid curses holds now, so the next frame sends only what changed.
    private var drawn: Grid?
    private let useColor: Bool
    private let unicode: Bool
    public private(set) var columns = 80
    public private(set) var rows = 24

    /// Bytes that switch off what we switched on, for normal exits and the crash guard.
    private static let pasteOn = "\u{1B}[?2004h"
    private static let pasteOff = "\u{1B}[?2004l"

    public init(environment: [String: String] = ProcessEnvironment.current) {
        // Only the character type: curses needs UTF-8 from it; the other categories cost start-up time.
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        unicode = codeset.uppercased().filter { $0 != "-" } == "UTF8"
        useColor = (environment["NO_COLOR"] ?? "").isEmpty
        // Esc must feel immediate; respect a user's own ESCDELAY.
        escapeDelayMilliseconds = environment["ESCDELAY"].flatMap { Int($0) }.map { min(max($0, 1), 2000) } ?? 25
    }

    public func start() {
        je_guard_save_termios(STDIN_FILENO)
        screen = newterm(nil, fdopen(dup(STDOUT_FILENO), "w"), fdopen(dup(STDIN_FILENO), "r"))
        set_term(screen)
        raw()
        noecho()
        nonl()
        // No keypad mode: curses does not read keys here (`InputDecoder` does, in every form), so
        // the terminal is never switched to application keys and nothing is left to undo.
        nodelay(je_stdscr(), true)
        // Never cut a frame short because a key is waiting: half-drawn screens confuse.
        typeahead(-1)
        if useColor && has_colors() { setUpColors() }
        je_resume_fresh_screen(STDOUT_FILENO)
        decoder = InputDecoder(declared: Self.declaredKeys())
        writeRaw(Self.pasteOn)
        refreshSize()
        // Everything the program or curses may have turned on, turned off again, for the crash guard.
        let reset = Self.capability("rmkx") + Self.capability("rmcup") + Self.capability("cnorm") + Self.capability("sgr0")
            + Self.pasteOff + "\r\n"
        je_guard_install(STDOUT_FILENO, reset)
    }

    public func stop() {
        guard screen != nil else { return }
        writeRaw(Self.pasteOff)
        curs_set(1)
        endwin()
        delscreen(screen)
        screen = nil
        je_guard_remove()
    }

    /// Ctrl-Z: give the terminal back, stop, and redraw on `fg`.
    public func suspend() {
        writeRaw(Self.pasteOff)
        endwin()
        // Everything written so far must reach the terminal before the process stops: curses
        // writes through a stdio stream, so flush those, then wait for the tty.
        fflush(nil)
        tcdrain(STDOUT_FILENO)
        // SIGSTOP rather than SIGTSTP, which the program keeps ignored. Sent to this thread, not to
        // the process: the main actor runs on whichever dispatch thread drains the main queue, and
        // a process-wide stop is taken by another thread, letting this one run on and repaint
        // before the stop reaches it (seen in about half the runs). A thread-directed stop is taken
        // before the call returns. The shell sees the job stopped; `fg` continues it here.
        pthread_kill(pthread_self(), SIGSTOP)
        writeRaw(Self.pasteOn)
        refreshSize()
        // Repaint everything, as ncurses' own stop handler does: the shell drew over the screen.
        wrefresh(je_curscr())
        fflush(nil)
    }

    /// Reads the kernel's idea of the window size and tells curses.
    public func refreshSize() {
        drawn = nil
        var r: Int32 = 0, c: Int32 = 0
        if je_winsize(STDOUT_FILENO, &r, &c) == 0, r > 0, c > 0 {
            resizeterm(r, c)
        }
        rows = Int(je_lines())
        columns = Int(je_cols())
    }

    /// True when the kernel's window size differs from the one curses last took.
    public var sizeIsStale: Bool {
        var r: Int32 = 0, c: Int32 = 0
        return je_winsize(STDOUT_FILENO, &r, &c) == 0 && r > 0 && c > 0 && (Int(r) != rows || Int(c) != columns)
    }

    /// What one read of the terminal gave.
    public struct Input {
        public var keys: [Key]
        /// The terminal is gone (end of file or an error on stdin).
        public var ended: Bool
        /// Bytes wait for more: call `flushInput()` after this many milliseconds if nothing else comes.
        public var flushAfterMilliseconds: Int?
    }

    /// Every byte waiting on stdin, read without blocking and decoded.
    public func readKeys() -> Input {
        var bytes: [UInt8] = []
        var ended = false
        var chunk = [UInt8](repeating: 0, count: 4096)
        var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        // Drain what is there now, so a paste arrives whole; bounded so a flood cannot starve drawing.
        while bytes.count < 1 << 20, poll(&fds, 1, 0) > 0 {
            if fds.revents & Int16(POLLIN) == 0 { ended = fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0; break }
            let n = read(STDIN_FILENO, &chunk, chunk.count)
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 { ended = true; break }
            bytes += chunk[0..<n]
        }
        let keys = decoder.feed(bytes)
        let wait = decoder.hasPending ? (decoder.isPasting ? 1000 : escapeDelayMilliseconds) : nil
        return Input(keys: keys, ended: ended, flushAfterMilliseconds: wait)
    }

    /// Nothing more came after a partial sequence: take it as it stands (a lone ESC is Esc).
    public func flushInput() -> [Key] { decoder.flush() }

    /// A terminfo string, or "" when the terminal lacks it.
    private static func capability(_ name: String) -> String {
        je_tigetstr(name).map { String(cString: $0) } ?? ""
    }

    /// Key sequences this terminal's terminfo entry names, tried before the common forms.
    private static func declaredKeys() -> [(String, Key)] {
        var names: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("khome", .home), ("kend", .end),
            ("kpp", .pageUp), ("knp", .pageDown), ("kdch1", .delete), ("kcbt", .backTab), ("kent", .enter),
        ]
        for n in 1...12 { names.append(("kf\(n)", .function(n))) }
        return names.compactMap { name, key in
            let sequence = capability(name)
            return sequence.isEmpty ? nil : (sequence, key)
        }
    }

    /// Draws the grid; curses sends only what changed.
    public func draw(_ grid: Grid) {
        // Only cells that changed since the last frame go to curses: a keystroke touches a few.
        // After a resize or a suspend everything is drawn again (`drawn` is cleared) onto an
        // erased window, so blank cells, most of a form, need not be sent one by one.
        let previous = drawn?.columns == grid.columns && drawn?.rows == grid.rows ? drawn : nil
        if previous == nil { werase(je_stdscr()) }
        var text = [wchar_t](repeating: 0, count: 8)
        for row in 0..<min(grid.rows, rows) {
            for column in 0..<min(grid.columns, columns) {
                let cell = grid[row, column]
                let unchanged = previous.map { $0[row, column] == cell } ?? (cell == .blank)
                if cell.continuation || unchanged { continue }
                var count = 0
                for scalar in glyph(cell.character).unicodeScalars where count < text.count - 1 {
                    text[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
                text[count] = 0
                let (attrs, pair) = attributes(cell.style)
                _ = je_put_cell(Int32(row), Int32(column), text, attrs, pair)
            }
        }
        drawn = grid
        let stdscr = je_stdscr()
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(stdscr, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(stdscr)
        doupdate()
    }

    // MARK: Appearance

    private enum Pair: Int16 { case accent = 1, error, warning, success, muted, badge }

    private func setUpColors() {
        start_color()
        use_default_colors()
        init_pair(Pair.accent.rawValue, Int16(COLOR_CYAN), -1)
        init_pair(Pair.error.rawValue, Int16(COLOR_RED), -1)
        init_pair(Pair.warning.rawValue, Int16(COLOR_YELLOW), -1)
        init_pair(Pair.success.rawValue, Int16(COLOR_GREEN), -1)
        init_pair(Pair.muted.rawValue, je_colors() >= 16 ? 8 : Int16(COLOR_WHITE), -1)
        init_pair(Pair.badge.rawValue, Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
    }

    private var colorsOn: Bool { useColor && has_colors() }

    /// Roles become colours; without colours they become bold, underline, dim or reverse.
    private func attributes(_ style: Style) -> (attr_t, Int16) {
        var attrs = je_a_normal()
        if style.bold { attrs |= je_a_bold() }
        if style.reverse { attrs |= je_a_reverse() }
        if style.underline { attrs |= je_a_underline() }
        var pair: Int16 = 0
        if colorsOn {
            switch style.role {
            case .normal: break
            case .accent: pair = Pair.accent.rawValue
            case .error: pair = Pair.error.rawValue
            case .warning: pair = Pair.warning.rawValue
            case .success: pair = Pair.success.rawValue
            case .muted: pair = Pair.muted.rawValue
            case .badge: pair = Pair.badge.rawValue
            }
        } else {
            switch style.role {
            case .normal, .accent, .success: break
            case .error: attrs |= je_a_bold()
            case .warning: attrs |= je_a_underline()
            case .muted: attrs |= je_a_dim()
            case .badge: attrs |= je_a_reverse() | je_a_bold()
            }
        }
        return (attrs, pair)
    }

    /// Box and symbol characters have ASCII stand-ins for terminals without UTF-8.
    private func glyph(_ c: Character) -> String {
        unicode ? String(c) : ASCIIGlyph.of(c)
    }

    /// Sends the text to the terminal's clipboard with OSC 52.
    public func copyToClipboard(_ text: String, environment: [String: String] = ProcessEnvironment.current) {
        writeRaw(Clipboard.sequence(for: text, environment: environment))
    }

    private func writeRaw(_ text: String) {
        _ = writeAll(STDOUT_FILENO, Array(text.utf8))
    }
}
