/*
** fuzz.h — what the fuzz harnesses share: the libFuzzer entry point they
** define, and a check that aborts (so that libFuzzer and the replay driver
** both report it as a crash) when a property of glossa does not hold.
*/
#ifndef GLOSSA_FUZZ_H
#define GLOSSA_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property of glossa that must hold for every input. */
#define FUZZ_CHECK(cond, ...)                                                    \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: property failed: %s: ", __FILE__, __LINE__,  \
                    #cond);                                                      \
            fprintf(stderr, __VA_ARGS__);                                        \
            fputc('\n', stderr);                                                 \
            abort();                                                             \
        }                                                                        \
    } while (0)

#endif
