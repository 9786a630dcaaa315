// Restores the terminal when the process dies from a fatal signal (a Swift trap, SIGSEGV, ...),
// which would otherwise leave the user's terminal in curses mode.
#ifndef JETEMAIL_TERMINAL_GUARD_H
#define JETEMAIL_TERMINAL_GUARD_H

// Saves the terminal's current termios for `fd` and the bytes that undo curses mode
// (leave the alternate screen, show the cursor, reset attributes, stop bracketed paste),
// then installs handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT and SIGTRAP.
// Call after the screen has started; the termios restored is the one saved before it.
void je_guard_install(int fd, const char *reset_bytes);

// Saves the termios to restore (call before curses changes the terminal).
void je_guard_save_termios(int fd);

// Removes the handlers (after a normal shutdown).
void je_guard_remove(void);

#endif
