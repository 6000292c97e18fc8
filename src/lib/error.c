/*
** error.c — filling glossa_error records and naming error codes, and the
** UTF-8 rules every message and every front end share: decoding, the check,
** and the one sanitiser (glossa_text_safe) for text shown on a terminal.
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

size_t glossa_utf8_next(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned c = p[0];
    size_t need, i;
    *cp = 0xFFFD;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        need = 1, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 2, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 3, c &= 0x07;
    else
        return 0;
    if (need >= n)
        return 0;
    for (i = 1; i <= need; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if ((need == 2 && c < 0x800) || (need == 3 && c < 0x10000) || c > 0x10FFFF ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return need + 1;
}

int glossa_utf8_valid(const char *s, size_t n)
{
    size_t i = 0, k;
    unsigned cp;
    while (i < n) {
        if (s[i] == '\0' || (k = glossa_utf8_next(s + i, n - i, &cp)) == 0)
            return 0;
        i += k;
    }
    return 1;
}

int glossa_char_is_unsafe(unsigned c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

size_t glossa_text_safe(char *out, size_t size, const char *s, size_t n)
{
    size_t i = 0, len = 0;
    while (i < n) {
        char esc[8];
        const char *show = s + i;
        unsigned cp;
        size_t k = glossa_utf8_next(s + i, n - i, &cp), m = k;
        if (k == 0) {
            show = "\xEF\xBF\xBD", m = 3, k = 1; /* U+FFFD for the one bad byte */
        } else if (glossa_char_is_unsafe(cp)) {
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f')
                show = " ", m = 1;
            else
                show = esc, m = (size_t)snprintf(esc, sizeof esc, "\\u%04X", cp);
        }
        if (len + m < size)
            memcpy(out + len, show, m);
        else if (len < size)
            size = len + 1; /* full: nothing more is written, so no character is cut */
        len += m;
        i += k;
    }
    if (size > 0)
        out[len < size ? len : size - 1] = '\0';
    return len;
}

void glossa__one_line(char *msg, size_t size)
{
    char copy[GLOSSA_ERROR_SIZE];
    size_t n = strlen(msg);
    if (n >= sizeof copy)
        n = sizeof copy - 1;
    memcpy(copy, msg, n);
    glossa_text_safe(msg, size, copy, n);
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
        glossa__one_line(err->msg, sizeof err->msg);
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

int glossa__damaged(glossa_error *err, const char *path, const char *fmt, ...)
{
    char detail[GLOSSA_ERROR_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                             "damaged index: %s (rebuild it with 'glossa index')", detail);
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

int glossa__opts_version(const void *opts, unsigned version, unsigned max, const char *name,
                         glossa_error *err)
{
    if (!opts || (version >= 1 && version <= max))
        return 0;
    return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                             "%s version %u not supported (this glossa knows 1 to %u)", name,
                             version, max);
}

void glossa__diag(glossa_diag_fn fn, void *ud, int code, const char *file, long line,
                  const char *fmt, ...)
{
    glossa_error d;
    va_list ap;
    if (!fn)
        return;
    va_start(ap, fmt);
    glossa__error_vset(&d, code, file, line, 0, fmt, ap);
    va_end(ap);
    fn(&d, ud);
}
