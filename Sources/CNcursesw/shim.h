// Shim for ncursesw: exposes the wide-character API and wraps what Swift cannot import
// (macros, C globals that Swift 6 rejects as shared mutable state).
#ifndef JETEMAIL_CNCURSESW_SHIM_H
#define JETEMAIL_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Hidden by the Glibc module.
int wcwidth(wchar_t c);

#define JE_MAIN __attribute__((swift_attr("@MainActor")))

static inline JE_MAIN WINDOW *je_stdscr(void) { return stdscr; }
static inline JE_MAIN WINDOW *je_curscr(void) { return curscr; }
static inline JE_MAIN int je_lines(void) { return LINES; }
static inline JE_MAIN int je_cols(void) { return COLS; }
static inline JE_MAIN int je_colors(void) { return COLORS; }

static inline attr_t je_a_normal(void) { return A_NORMAL; }
static inline attr_t je_a_bold(void) { return A_BOLD; }
static inline attr_t je_a_reverse(void) { return A_REVERSE; }
static inline attr_t je_a_underline(void) { return A_UNDERLINE; }
static inline attr_t je_a_dim(void) { return A_DIM; }
static inline int je_key_f(int n) { return KEY_F(n); }

// Draw one cell: a (possibly wide) character with attributes and a colour pair.
static inline JE_MAIN int je_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

// Terminal size from the kernel, for SIGWINCH.
static inline int je_winsize(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

static inline JE_MAIN int je_get_wch(wint_t *out) { return wget_wch(stdscr, out); }
static inline int je_key_code_yes(void) { return KEY_CODE_YES; }

// The terminfo string for a capability, or NULL when the terminal lacks it.
static inline const char *je_tigetstr(const char *name) {
    char *s = tigetstr((char *)name);
    if (s == (char *)-1 || s == NULL) return NULL;
    return s;
}

// The terminfo number for a capability (colors), or -1 when the terminal lacks it.
static inline int je_tigetnum(const char *name) {
    int n = tigetnum((char *)name);
    return n < 0 ? -1 : n;
}

// Brings a screen fresh from newterm into the state it has after a suspend and resume.
// Until a screen has once been ended and resumed, ncurses flushes its output after every
// cursor movement (meant for programs that use only terminfo), so a frame went out as dozens
// of small writes: over SSH as many small packets, and drawn in pieces. Afterwards each
// doupdate sends its frame in one write. The terminal leaves and re-enters the alternate
// screen within microseconds; synchronized output (DEC mode 2026, ignored where unknown)
// asks terminals that have it not to show the moment in between.
static inline JE_MAIN void je_resume_fresh_screen(int fd) {
    static const char hold[] = "\033[?2026h", release[] = "\033[?2026l";
    (void) !write(fd, hold, sizeof hold - 1);
    endwin();
    doupdate();
    (void) !write(fd, release, sizeof release - 1);
}

#endif
