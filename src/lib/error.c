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

int glossa__error_set(glossa_error *err, int code, const char *file, long line,
                      long column, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
        err->column = column;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
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
