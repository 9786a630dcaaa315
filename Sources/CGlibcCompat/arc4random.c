// The static libstdc++ (release builds, see StaticLink/) carries std::random_device, which refers
// to arc4random; glibc has it only since 2.36. Nothing in this program uses random_device, but the
// reference alone made the binary refuse to start on glibc 2.35 (Ubuntu 22.04). Defined here from
// getrandom(2) (glibc 2.25), the executable resolves it itself. Being also glibc's name, it is
// exported and would serve any shared library that calls arc4random by name; it is a complete
// arc4random, and glibc itself calls its own internal copy.
#include "CGlibcCompat.h"
#include <errno.h>
#include <stdlib.h>
#include <sys/random.h>

uint32_t arc4random(void) {
    uint32_t value;
    for (;;) {
        ssize_t got = getrandom(&value, sizeof value, 0);
        if (got == (ssize_t) sizeof value) return value;
        if (got < 0 && errno != EINTR) abort();
    }
}
