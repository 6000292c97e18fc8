/*
** error.c — filling glossa_error records and naming error codes.
**
** The library reports, it never prints: these helpers write into the
** caller's fixed-size struct, so they work even when memory is exhausted.
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

const char *glossa_strerror(int code)
{
    switch (code) {
    case GLOSSA_OK: return "success";
    case GLOSSA_ENOTFOUND: return "not found";
    case GLOSSA_EINPUT: return "input error";
    case GLOSSA_ESCHEMA: return "schema error";
    case GLOSSA_EIO: return "i/o error";
    case GLOSSA_ENOMEM: return "out of memory";
    case GLOSSA_ECORRUPT: return "database corrupt or incompatible";
    case GLOSSA_EBUSY: return "busy";
    default: return "error";
    }
}

/* Length of the UTF-8 sequence at s (shortest form, no surrogates, at most
** U+10FFFF), or 0 when it is not one. */
static size_t utf8_len(const unsigned char *s, size_t avail)
{
    unsigned c = s[0], cp;
    size_t need, i;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 3, cp = c & 0x07;
    else
        return 0;
    if (need >= avail)
        return 0;
    for (i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need + 1;
}

int glossa_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        size_t k = *p ? utf8_len(p, (size_t)(end - p)) : 0;
        if (k == 0)
            return 0;
        p += k;
    }
    return 1;
}

void glossa__one_line(char *msg)
{
    unsigned char *p = (unsigned char *)msg;
    while (*p) {
        size_t n = utf8_len(p, SIZE_MAX) /* NUL ends a sequence */;
        if (n == 0) {
            *p++ = '?';
        } else if (n == 1) {
            if (*p < 0x20 || *p == 0x7f)
                *p = ' ';
            p++;
        } else {
            p += n;
        }
    }
}

int glossa__error_vset(glossa_error *err, int code, const char *file, long line,
                       long column, const char *fmt, va_list ap)
{
    if (err) {
        err->code = code;
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
        err->column = column;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        glossa__one_line(err->msg);
    }
    return code;
}

int glossa__error_set(glossa_error *err, int code, const char *file, long line,
                      long column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    glossa__error_vset(err, code, file, line, column, fmt, ap);
    va_end(ap);
    return code;
}

int glossa__error_sqlite(glossa_error *err, sqlite3 *db, int rc,
                         const char *path, const char *what)
{
    int code;
    const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);

    switch (rc & 0xff) {
    case SQLITE_NOMEM: code = GLOSSA_ENOMEM; break;
    case SQLITE_CORRUPT: case SQLITE_NOTADB: code = GLOSSA_ECORRUPT; break;
    /* an index's values are bounded, and so is the work on it (store.c) */
    case SQLITE_TOOBIG:
        return glossa__damaged(err, path, "%s: it holds a value longer than glossa writes", what);
    case SQLITE_INTERRUPT:
        return glossa__damaged(err, path, "%s: it asks for more work than any index needs", what);
    case SQLITE_BUSY: case SQLITE_LOCKED: code = GLOSSA_EBUSY; break;
    case SQLITE_CANTOPEN: code = GLOSSA_ENOTFOUND; break;
    case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_READONLY:
    case SQLITE_PERM: code = GLOSSA_EIO; break;
    default: code = GLOSSA_ERROR; break;
    }
    if (code == GLOSSA_ECORRUPT)
        return glossa__error_set(err, code, path, 0, 0,
                                 "%s: %s (the file is damaged or not a glossa index: "
                                 "rebuild it with 'glossa index')", what, detail);
    return glossa__error_set(err, code, path, 0, 0, "%s: %s", what, detail);
}
