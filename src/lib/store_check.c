/*
** store_check.c — `glossa index --check` (glossa_db_check): the thorough
** check of an index, beyond what opening one checks (store.c): SQLite's
** integrity check, every value of every row through the readers lookups use,
** the references between rows, the counts recorded at build time, and the
** full-text indexes against their content. Also the count of each index's
** entries against its table's rows, which `glossa index` checks before it
** publishes a new index (with SQLite's quick_check: integrity_check took a
** fifth of a build at a million terms).
*/
#include "glossa_int.h"

#include <sqlite3.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* ---- index entries against rows (before publishing) ------------------------------------ */

/* One count(*) query's answer in *n. */
static int count_rows(sqlite3 *db, const char *sql, sqlite3_int64 *n)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *n = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int glossa__index_entries_match(sqlite3 *db, char *problem, size_t size)
{
    sqlite3_stmt *st;
    /* each index with its first column: a condition on it that every entry
    ** meets makes SQLite scan the index (count(*) alone counts the table) */
    int rc = sqlite3_prepare_v2(db, "SELECT s.name, s.tbl_name, (SELECT i.name FROM"
                                    " pragma_index_info(s.name) i WHERE i.seqno = 0)"
                                    " FROM sqlite_schema s WHERE s.type = 'index'"
                                    " AND s.tbl_name NOT LIKE 'sqlite_%' ORDER BY s.name",
                                -1, &st, NULL);
    problem[0] = '\0';
    if (rc != SQLITE_OK)
        return rc;
    while (!problem[0] && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *index = (const char *)sqlite3_column_text(st, 0);
        const char *table = (const char *)sqlite3_column_text(st, 1);
        const char *first = (const char *)sqlite3_column_text(st, 2);
        sqlite3_int64 rows = -1, entries = -1;
        char *in_table, *in_index;
        if (!index || !table || !first) {
            rc = SQLITE_NOMEM;
            break;
        }
        in_table = sqlite3_mprintf("SELECT count(*) FROM \"%w\" NOT INDEXED", table);
        in_index = sqlite3_mprintf("SELECT count(*) FROM \"%w\" INDEXED BY \"%w\""
                                   " WHERE \"%w\" IS NULL OR \"%w\" IS NOT NULL",
                                   table, index, first, first);
        if (!in_table || !in_index)
            rc = SQLITE_NOMEM;
        else if ((rc = count_rows(db, in_table, &rows)) == SQLITE_OK &&
                 (rc = count_rows(db, in_index, &entries)) == SQLITE_OK && rows != entries)
            snprintf(problem, size, "index %s holds %lld entries for the %lld rows of %s", index,
                     (long long)entries, (long long)rows, table);
        sqlite3_free(in_table);
        sqlite3_free(in_index);
        if (rc != SQLITE_OK)
            break;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- glossa index --check ------------------------------------------------------------ */

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
            if (strncmp(v, head, sizeof head - 1) == 0)
                v += sizeof head - 1;
            snprintf(out, n, "%s", v);
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Every column of every table glossa reads, with the rule its values follow:
** t text, T text or NULL, l language tag, d date or NULL, e one of values,
** i integer in [min, max], I the same or NULL. The first column is the row's id. */
struct column_rule {
    const char *name;
    char kind;
    long long min, max;
    const char *values;
};
#define ID_MAX GLOSSA_ID_MAX
static const struct table_rule {
    const char *table;
    struct column_rule cols[16];
} table_rules[] = {
    { "meta", { { "key", 't', 0, 0, NULL }, { "value", 't', 0, 0, NULL } } },
    { "source", { { "id", 'i', 1, ID_MAX, NULL }, { "file", 't', 0, 0, NULL },
                  { "xml_id", 't', 0, 0, NULL }, { "type", 'T', 0, 0, NULL },
                  { "citation", 't', 0, 0, NULL } } },
    { "concept", { { "id", 'i', 1, ID_MAX, NULL }, { "xml_id", 't', 0, 0, NULL },
                   { "n", 'T', 0, 0, NULL },
                   { "status", 'e', 0, 0, glossa__concept_statuses },
                   { "reliability", 'i', 1, 4, NULL }, { "source_id", 'I', 1, ID_MAX, NULL },
                   { "file", 't', 0, 0, NULL }, { "line", 'i', 0, ID_MAX, NULL },
                   { "ord", 'i', 0, ID_MAX, NULL } } },
    { "term", { { "id", 'i', 1, ID_MAX, NULL }, { "concept_id", 'i', 1, ID_MAX, NULL },
                { "lang", 'l', 0, 0, NULL }, { "text", 't', 0, 0, NULL },
                { "norm", 't', 0, 0, NULL }, { "stem", 't', 0, 0, NULL },
                { "translit", 't', 0, 0, NULL },
                { "status", 'e', 0, 0, glossa__term_statuses },
                { "term_type", 'T', 0, 0, NULL }, { "geo", 'T', 0, 0, NULL },
                { "working", 'i', 0, 1, NULL }, { "source_id", 'I', 1, ID_MAX, NULL },
                { "valid_from", 'd', 0, 0, NULL }, { "valid_to", 'd', 0, 0, NULL },
                { "ord", 'i', 0, GLOSSA_ORD_MAX, NULL } } },
    { "definition", { { "id", 'i', 1, ID_MAX, NULL }, { "concept_id", 'i', 1, ID_MAX, NULL },
                      { "lang", 'l', 0, 0, NULL }, { "text", 't', 0, 0, NULL },
                      { "source_id", 'I', 1, ID_MAX, NULL },
                      { "basis", 'e', 0, 0, glossa__definition_bases },
                      { "valid_from", 'd', 0, 0, NULL }, { "valid_to", 'd', 0, 0, NULL },
                      { "ord", 'i', 0, ID_MAX, NULL } } },
    { "note", { { "id", 'i', 1, ID_MAX, NULL }, { "concept_id", 'i', 1, ID_MAX, NULL },
                { "lang", 'l', 0, 0, NULL }, { "type", 't', 0, 0, NULL },
                { "text", 't', 0, 0, NULL }, { "ord", 'i', 0, ID_MAX, NULL } } },
    { "xref", { { "id", 'i', 1, ID_MAX, NULL }, { "concept_id", 'i', 1, ID_MAX, NULL },
                { "type", 't', 0, 0, NULL }, { "target", 't', 0, 0, NULL },
                { "label", 'T', 0, 0, NULL }, { "line", 'i', 0, ID_MAX, NULL } } },
    { "attestation", { { "id", 'i', 1, ID_MAX, NULL }, { "concept_id", 'i', 1, ID_MAX, NULL },
                       { "lang", 'l', 0, 0, NULL }, { "quote", 't', 0, 0, NULL },
                       { "source_id", 'I', 1, ID_MAX, NULL } } },
    { "text_fts", { { "rowid", 'i', 1, ID_MAX, NULL }, { "text", 't', 0, 0, NULL },
                    { "concept_id", 'i', 1, ID_MAX, NULL }, { "lang", 'l', 0, 0, NULL },
                    { "kind", 'e', 0, 0, "definition\0note\0" } } },
};

/* Rows that point at nothing: each query counts them. */
static const struct { const char *what, *sql; } references[] = {
    { "terms of no concept", "SELECT count(*) FROM term WHERE concept_id NOT IN (SELECT id FROM concept)" },
    { "definitions of no concept",
      "SELECT count(*) FROM definition WHERE concept_id NOT IN (SELECT id FROM concept)" },
    { "notes of no concept", "SELECT count(*) FROM note WHERE concept_id NOT IN (SELECT id FROM concept)" },
    { "cross-references of no concept",
      "SELECT count(*) FROM xref WHERE concept_id NOT IN (SELECT id FROM concept)" },
    { "attestations of no concept",
      "SELECT count(*) FROM attestation WHERE concept_id NOT IN (SELECT id FROM concept)" },
    { "full-text rows of no concept",
      "SELECT count(*) FROM text_fts WHERE concept_id NOT IN (SELECT id FROM concept)" },
    { "rows citing no source",
      "SELECT (SELECT count(*) FROM concept WHERE source_id NOT IN (SELECT id FROM source))"
      " + (SELECT count(*) FROM term WHERE source_id NOT IN (SELECT id FROM source))"
      " + (SELECT count(*) FROM definition WHERE source_id NOT IN (SELECT id FROM source))"
      " + (SELECT count(*) FROM attestation WHERE source_id NOT IN (SELECT id FROM source))" },
};

/* Every value of every row, by table_rules, through the readers lookups use. */
static int check_values(sqlite3 *db, const char *path, glossa_error *err)
{
    struct glossa__reader r = GLOSSA_READER_INIT(path);
    size_t t;
    int rc = SQLITE_DONE;

    for (t = 0; rc == SQLITE_DONE && !r.damaged && t < sizeof table_rules / sizeof table_rules[0];
         t++) {
        const struct table_rule *tr = &table_rules[t];
        struct glossa_buf sql = GLOSSA_BUF_INIT;
        sqlite3_stmt *st = NULL;
        int c;
        for (c = 0; c < 16 && tr->cols[c].name; c++)
            if (glossa__buf_addf(&sql, "%s%s", c ? ", " : "SELECT ", tr->cols[c].name))
                rc = SQLITE_NOMEM;
        if (rc == SQLITE_DONE && glossa__buf_addf(&sql, " FROM %s", tr->table))
            rc = SQLITE_NOMEM;
        if (rc == SQLITE_DONE && (rc = sqlite3_prepare_v2(db, sql.data, -1, &st, NULL)) == SQLITE_OK)
            while (!r.damaged && (rc = sqlite3_step(st)) == SQLITE_ROW)
                for (c = 0; c < 16 && tr->cols[c].name; c++) {
                    const struct column_rule *cr = &tr->cols[c];
                    switch (cr->kind) {
                    case 't': case 'T': case 'l': case 'd':
                        glossa__col_text(&r, st, c, tr->table,
                                         (cr->kind == 'T' || cr->kind == 'd' ? GLOSSA_COL_NULL : 0) |
                                             (cr->kind == 'l' ? GLOSSA_COL_LANG : 0) |
                                             (cr->kind == 'd' ? GLOSSA_COL_DATE : 0));
                        break;
                    case 'e':
                        glossa__col_enum(&r, st, c, tr->table, cr->values);
                        break;
                    default:
                        glossa__col_int(&r, st, c, tr->table, cr->min, cr->max,
                                        cr->kind == 'I' ? GLOSSA_COL_NULL : 0);
                    }
                }
        sqlite3_finalize(st);
        glossa__buf_release(&sql);
    }
    if (r.damaged)
        return (*err = r.err).code;
    if (rc != SQLITE_DONE)
        return glossa__error_sqlite(err, db, rc, path, "cannot read the index");
    for (t = 0; t < sizeof references / sizeof references[0]; t++) {
        sqlite3_stmt *st;
        long long n = -1;
        if ((rc = sqlite3_prepare_v2(db, references[t].sql, -1, &st, NULL)) == SQLITE_OK &&
            (rc = sqlite3_step(st)) == SQLITE_ROW) {
            n = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_OK)
            return glossa__error_sqlite(err, db, rc, path, "cannot read the index");
        if (n)
            return glossa__damaged(err, path, "%lld %s", n, references[t].what);
    }
    return 0;
}

/* The counts recorded in meta against the rows there are. */
static int check_counts(sqlite3 *db, const char *path, char *counts, size_t counts_size,
                        glossa_error *err)
{
    static const char *const sql =
        "SELECT (SELECT value FROM meta WHERE key = 'counts'),"
        " (SELECT count(*) FROM concept), (SELECT count(*) FROM term)";
    struct glossa__reader r = GLOSSA_READER_INIT(path);
    sqlite3_stmt *st;
    char have[128] = "";
    long long concepts = -1, terms = -1, want_c = -2, want_t = -2;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = glossa__col_text(&r, st, 0, "meta", GLOSSA_COL_NULL);
        snprintf(have, sizeof have, "%s", v ? v : "");
        concepts = sqlite3_column_int64(st, 1);
        terms = sqlite3_column_int64(st, 2);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db, rc, path, "cannot count the rows of the index");
    if (r.damaged)
        return (*err = r.err).code;
    if (counts && counts_size)
        snprintf(counts, counts_size, "%s", have);
    if (sscanf(have, "%lld concepts, %lld terms", &want_c, &want_t) != 2 ||
        want_c != concepts || want_t != terms)
        return glossa__damaged(err, path, "rows are missing or added: it holds %lld concepts and "
                               "%lld terms, its build recorded '%.100s'", concepts, terms, have);
    return 0;
}

int glossa_db_check(const char *path, char *counts, size_t counts_size, glossa_error *err)
{
    static const char *const fts[] = { "term_fts", "term_stem_fts", "text_fts" };
    struct glossa__budget budget;
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
        rc = glossa__damaged(err, path, "integrity check failed: %s", problem);
    else if (!(rc = check_values(glossa__db_sql(db), path, err)))
        rc = check_counts(glossa__db_sql(db), path, counts, counts_size, err);
    glossa_db_close(db);
    if (rc)
        return rc;
    /* FTS5 checks its index against its content only through an INSERT: on
    ** a read-write connection (as hardened as the other), in a transaction
    ** that is rolled back. */
    if (access(path, W_OK) != 0 || glossa__store_open_index(&rw, path, 1, &budget, NULL) != 0)
        return 0;
    if (sqlite3_exec(rw, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(rw);
        return 0;
    }
    for (i = 0; i < sizeof fts / sizeof fts[0]; i++) {
        glossa__budget_reset(&budget, GLOSSA_BUDGET_WHOLE);
        snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES ('integrity-check')", fts[i], fts[i]);
        rc = sqlite3_exec(rw, sql, NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            snprintf(sql, sizeof sql, "full-text index %s failed its integrity check", fts[i]);
            rc = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_ERROR
                     ? glossa__damaged(err, path, "%s: %s", sql, sqlite3_errmsg(rw))
                     : glossa__error_sqlite(err, rw, rc, path, sql);
            break;
        }
    }
    sqlite3_exec(rw, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(rw);
    return rc;
}
