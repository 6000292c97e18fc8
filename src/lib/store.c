/*
** store.c — opening glossa's SQLite databases and checking that an index
** was built by a compatible build (schema, tokenizer, ICU version), in the
** spirit of PostgreSQL's collation-version tracking.
**
** glossa_db_check() is the thorough check of an index (`glossa index --check`).
** It does not build indexes (index.c) or answer queries (lookup.c).
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <unicode/uversion.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

/* The first row of a check that is not "ok", or "" when all is well. */
static int first_problem(sqlite3 *db, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    out[0] = '\0';
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        if (v && strcmp(v, "ok") != 0) {
            static const char head[] = "*** in database main ***\n";
            char *c;
            if (strncmp(v, head, sizeof head - 1) == 0)
                v += sizeof head - 1;
            snprintf(out, n, "%s", v);
            for (c = out; *c; c++)
                if (*c == '\n')
                    *c = ' '; /* one line */
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int damaged(glossa_error *err, const char *path, const char *what, const char *detail)
{
    return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                             "%s: %s (the file is damaged: rebuild it with 'glossa index')",
                             what, detail);
}

/* The counts recorded in meta against the rows there are. */
static int check_counts(sqlite3 *db, const char *path, char *counts, size_t counts_size,
                        glossa_error *err)
{
    static const char *const sql =
        "SELECT (SELECT value FROM meta WHERE key = 'counts'),"
        " (SELECT count(*) FROM concept), (SELECT count(*) FROM term)";
    sqlite3_stmt *st;
    char have[128] = "";
    long long concepts = -1, terms = -1, want_c = -2, want_t = -2;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        snprintf(have, sizeof have, "%s", v ? v : "");
        concepts = sqlite3_column_int64(st, 1);
        terms = sqlite3_column_int64(st, 2);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db, rc, path, "cannot count the rows of the index");
    if (counts && counts_size)
        snprintf(counts, counts_size, "%s", have);
    if (sscanf(have, "%lld concepts, %lld terms", &want_c, &want_t) != 2 ||
        want_c != concepts || want_t != terms) {
        char detail[256];
        snprintf(detail, sizeof detail, "it holds %lld concepts and %lld terms, its build "
                 "recorded '%.100s'", concepts, terms, have);
        return damaged(err, path, "rows are missing or added", detail);
    }
    return 0;
}

int glossa_db_check(const char *path, char *counts, size_t counts_size, glossa_error *err)
{
    static const char *const fts[] = { "term_fts", "term_stem_fts", "term_tri", "text_fts" };
    char problem[GLOSSA_ERROR_SIZE / 2], sql[128];
    glossa_db *db = NULL;
    sqlite3 *rw = NULL;
    size_t i;
    int rc;

    if ((rc = glossa_db_open(&db, path, err)))
        return rc;
    rc = first_problem(glossa__db_sql(db), "PRAGMA integrity_check(20)", problem, sizeof problem);
    if (rc != SQLITE_OK)
        rc = glossa__error_sqlite(err, glossa__db_sql(db), rc, path, "integrity check failed");
    else if (problem[0])
        rc = damaged(err, path, "integrity check failed", problem);
    else
        rc = check_counts(glossa__db_sql(db), path, counts, counts_size, err);
    glossa_db_close(db);
    if (rc)
        return rc;
    /* FTS5 checks its index against its content only through an INSERT: on
    ** a read-write connection, in a transaction that is rolled back. */
    if (access(path, W_OK) != 0 ||
        glossa__store_open(&rw, path, SQLITE_OPEN_READWRITE, NULL) != 0)
        return 0;
    if (sqlite3_exec(rw, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(rw);
        return 0;
    }
    for (i = 0; i < sizeof fts / sizeof fts[0]; i++) {
        snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES ('integrity-check')", fts[i], fts[i]);
        rc = sqlite3_exec(rw, sql, NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            snprintf(sql, sizeof sql, "full-text index %s failed its integrity check", fts[i]);
            rc = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_ERROR
                     ? damaged(err, path, sql, sqlite3_errmsg(rw))
                     : glossa__error_sqlite(err, rw, rc, path, sql);
            break;
        }
    }
    sqlite3_exec(rw, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(rw);
    return rc;
}
