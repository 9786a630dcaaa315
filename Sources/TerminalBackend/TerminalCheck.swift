import CNcursesw
import FoundationEssentials
import Glibc
import PosixSupport

/// Can this terminal show the form? Checked before curses touches the screen, so a bad
/// TERM or a pipe gets a one-line error instead of garbage.
public enum TerminalCheck {
    public static func problem(environment: [String: String] = ProcessEnvironment.current) -> String? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            return "The interactive form needs a terminal on stdin and stdout; use `create --no-input` in scripts."
        }
        guard let term = environment["TERM"], !term.isEmpty else {
            return "TERM is not set, so the terminal's abilities are unknown; set it (for example TERM=xterm-256color) or use `create --no-input`."
        }
        if term == "dumb" {
            return "TERM=dumb cannot draw a form; use a full terminal or `create --no-input`."
        }
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK, status == 1 else {
            return "Unknown terminal type TERM=\(term) (no terminfo entry); set TERM to a known type or use `create --no-input`."
        }
        guard je_tigetstr("cup") != nil else {
            return "TERM=\(term) cannot move the cursor, so it cannot draw a form; use `create --no-input`."
        }
        return nil
    }

    /// For `doctor`: whether TERM is known to terminfo (and can move the cursor), and its colours.
    public static func terminfo(environment: [String: String] = ProcessEnvironment.current) -> (known: Bool, colors: Int?, detail: String) {
        guard let term = environment["TERM"], !term.isEmpty else { return (false, nil, "TERM is not set") }
        var status: Int32 = 0
        guard setupterm(term, -1, &status) == OK, status == 1 else { return (false, nil, "TERM=\(term) has no terminfo entry") }
        guard je_tigetstr("cup") != nil else { return (false, nil, "TERM=\(term) cannot move the cursor") }
        let colors = je_tigetnum("colors")
        return (true, colors > 0 ? Int(colors) : nil, "TERM=\(term)")
    }
}
