/*
** buf.c — growable byte buffers with an upper bound (like git's strbuf and
** curl's dynbuf). A buffer that would pass GLOSSA_BUF_MAX refuses to grow, so
** hostile input cannot make the library allocate without limit.
*/
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

int glossa__buf_grow(struct glossa_buf *b, size_t extra)
{
    size_t want, cap;
    char *p;

    if (extra > GLOSSA_BUF_MAX || b->len > GLOSSA_BUF_MAX - extra - 1)
        return GLOSSA_ENOMEM;
    want = b->len + extra + 1;
    if (want <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 64;
    while (cap < want)
        cap = cap < GLOSSA_BUF_MAX / 2 ? cap * 2 : GLOSSA_BUF_MAX;
    p = glossa__realloc(b->data, cap);
    if (!p)
        return GLOSSA_ENOMEM;
    b->data = p;
    b->cap = cap;
    return 0;
}

int glossa__buf_add(struct glossa_buf *b, const char *s, size_t n)
{
    if (glossa__buf_grow(b, n))
        return GLOSSA_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int glossa__buf_adds(struct glossa_buf *b, const char *s)
{
    return glossa__buf_add(b, s, strlen(s));
}

int glossa__buf_vaddf(struct glossa_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0 || glossa__buf_grow(b, (size_t)n)) {
        va_end(again);
        return GLOSSA_ENOMEM;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
    b->len += (size_t)n;
    return 0;
}

int glossa__buf_addf(struct glossa_buf *b, const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = glossa__buf_vaddf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void glossa__buf_clear(struct glossa_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void glossa__buf_release(struct glossa_buf *b)
{
    glossa__free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

const char *glossa__buf_str(const struct glossa_buf *b)
{
    return b->data ? b->data : "";
}
