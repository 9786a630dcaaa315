#include "terminal_guard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Written once before the handlers are installed, read only by the handler.
static struct termios saved_termios;
static int saved_termios_valid = 0;
static int guard_fd = -1;
static char reset[256];
static size_t reset_len = 0;
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};

static void restore_and_reraise(int sig) {
    // Only async-signal-safe calls here.
    if (guard_fd >= 0) {
        if (reset_len > 0) { ssize_t ignored = write(guard_fd, reset, reset_len); (void)ignored; }
        if (saved_termios_valid) tcsetattr(guard_fd, TCSAFLUSH, &saved_termios);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void je_guard_save_termios(int fd) {
    if (tcgetattr(fd, &saved_termios) == 0) saved_termios_valid = 1;
}

void je_guard_install(int fd, const char *reset_bytes) {
    guard_fd = fd;
    reset_len = 0;
    if (reset_bytes) {
        reset_len = strlen(reset_bytes);
        if (reset_len >= sizeof(reset)) reset_len = sizeof(reset) - 1;
        memcpy(reset, reset_bytes, reset_len);
    }
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = restore_and_reraise;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) sigaction(fatal_signals[i], &action, NULL);
}

void je_guard_remove(void) {
    for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) signal(fatal_signals[i], SIG_DFL);
    guard_fd = -1;
}
