/*
** alloc.c — the single allocation seam of libglossa.
**
** Every allocation of the library goes through here, so that tests can make
** the Nth one fail (glossa__alloc_fail_after) and check that each caller
** reports GLOSSA_ENOMEM and leaks nothing. The counter is the one piece of
** mutable global state besides the C libraries' own, and only tests set it.
*/
#include "glossa_int.h"

#include <stdlib.h>
#include <string.h>

static unsigned long fail_countdown; /* 0: never fail */
static int fail_persistent;
static int failing;

static int should_fail(void)
{
    if (failing)
        return 1;
    if (fail_countdown == 0)
        return 0;
    if (--fail_countdown == 0) {
        failing = fail_persistent;
        return 1;
    }
    return 0;
}

void glossa__alloc_fail_after(unsigned long n, int persistent)
{
    fail_countdown = n;
    fail_persistent = persistent;
    failing = 0;
}

void *glossa__malloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *glossa__calloc(size_t count, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *glossa__realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

void glossa__free(void *p)
{
    free(p);
}

char *glossa__strndup(const char *s, size_t n)
{
    char *copy = glossa__malloc(n + 1);
    if (copy) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

char *glossa__strdup(const char *s)
{
    return s ? glossa__strndup(s, strlen(s)) : NULL;
}

int glossa__grow(void **p, size_t *cap, size_t index, size_t elem)
{
    void *np;
    size_t c;
    if (index < *cap)
        return 0;
    c = *cap ? *cap : 64;
    while (c <= index) {
        if (c > SIZE_MAX / 2 / elem)
            return GLOSSA_ENOMEM;
        c *= 2;
    }
    np = glossa__realloc(*p, c * elem);
    if (!np)
        return GLOSSA_ENOMEM;
    *p = np;
    *cap = c;
    return 0;
}
