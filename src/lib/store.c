/*
** store.c — opening glossa's SQLite databases and checking that an index
** was built by a compatible build (schema, tokenizer, ICU version), in the
** spirit of PostgreSQL's collation-version tracking.
**
** It does not build indexes (index.c) or answer queries (lookup.c).
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <unicode/uversion.h>

#include <string.h>

int glossa__store_open(sqlite3 **out, const char *path, int flags,
                       glossa_error *err)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, flags, NULL);

    if (rc != SQLITE_OK) {
        rc = glossa__error_sqlite(err, db, rc, path, "cannot open database");
        sqlite3_close(db);
        return rc;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    rc = glossa__fts_register(db, err);
    if (rc) {
        sqlite3_close(db);
        return rc;
    }
    *out = db;
    return 0;
}

static int meta_get(sqlite3 *db, const char *key, char *out, size_t n)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    out[0] = '\0';
    if (rc == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        if (v) {
            size_t len = strlen((const char *)v);
            if (len >= n)
                len = n - 1;
            memcpy(out, v, len);
            out[len] = '\0';
        }
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int glossa__store_check_meta(sqlite3 *db, const char *path, glossa_error *err)
{
    static const struct { const char *key, *want, *what; } checks[] = {
        { "schema_version", GLOSSA_SCHEMA_VERSION, "schema version" },
        { "tokenizer", GLOSSA_TOKENIZER_VERSION, "tokenizer" },
        { "icu_version", U_ICU_VERSION, "ICU" },
    };
    char have[128];
    size_t i;
    int rc;

    for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        rc = meta_get(db, checks[i].key, have, sizeof have);
        if (rc != SQLITE_OK) {
            if ((rc & 0xff) == SQLITE_ERROR)
                return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                                         "not a glossa index (no meta table): run 'glossa index'");
            return glossa__error_sqlite(err, db, rc, path, "cannot read the index");
        }
        if (strcmp(have, checks[i].want) != 0)
            return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                                     "index built with %s '%s', this glossa uses '%s': run 'glossa index'",
                                     checks[i].what, have[0] ? have : "(none)", checks[i].want);
    }
    return 0;
}
