// Keeps the one-file build's need at glibc 2.35 (Ubuntu 22.04): see arc4random.c.
#ifndef JETEMAIL_CGLIBCCOMPAT_H
#define JETEMAIL_CGLIBCCOMPAT_H
#include <stdint.h>
uint32_t arc4random(void);
#endif
