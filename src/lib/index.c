/*
** index.c — `glossa index` and `glossa validate`: read TEI files through
** tei.c into a fresh SQLite database and, for an index, publish it
** atomically.
**
** Publishing protocol ("nothing lost"): follow a symbolic link to the real
** database; take <db>.lock (an flock() that dies with its holder); refuse to
** replace a file that is not a glossa index (unless forced: the header and
** the meta table are read, read-only); build <db>.tmp-<pid> beside the target
** through outfile.c, which removes the leftovers of dead runs; validate
** everything and verify the result (integrity checks, counts) before the
** target is touched; recover any journal/WAL of the target through SQLite so
** that a stale -wal can never be replayed over the new file; rename() the
** temporary file into place and fsync the directory. A failure or a kill at
** any point leaves the previous database as it was.
** Validation uses the same path with an in-memory database and no publish.
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What glossa writes at offset 68 of the SQLite header of every index
** (PRAGMA application_id): 0x474c4f53, "GLOS". */
#define GLOSSA_APPLICATION_ID 1196183379
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

enum {
    ST_SOURCE, ST_FIND_SOURCE, ST_CONCEPT, ST_FIND_CONCEPT, ST_TERM, ST_FTS,
    ST_STEM_FTS, ST_TRI, ST_TEXT_FTS, ST_DEF, ST_NOTE, ST_XREF, ST_ATTEST, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
    "INSERT INTO source(file, xml_id, type, citation) VALUES (?1, ?2, ?3, ?4)",
    "SELECT id FROM source WHERE file = ?1 AND xml_id = ?2",
    "INSERT INTO concept(xml_id, n, status, reliability, source_id, file, line, ord)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "SELECT file, line FROM concept WHERE xml_id = ?1",
    "INSERT INTO term(concept_id, lang, text, norm, status, term_type, geo, working, source_id, ord,"
    " stem, translit, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
    " ?12, ?13, ?14)",
    "INSERT INTO term_fts(rowid, text) VALUES (?1, ?2)",
    "INSERT INTO term_stem_fts(rowid, stem) VALUES (?1, ?2)",
    "INSERT INTO term_tri(rowid, norm) VALUES (?1, ?2)",
    "INSERT INTO text_fts(text, concept_id, lang, kind) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO definition(concept_id, lang, text, source_id, basis, ord, valid_from, valid_to)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "INSERT INTO note(concept_id, lang, type, text, ord) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO xref(concept_id, type, target, label, line) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO attestation(concept_id, lang, quote, source_id) VALUES (?1, ?2, ?3, ?4)",
};

struct index_run {
    sqlite3 *db;
    const char *db_path;          /* for messages */
    sqlite3_stmt *st[ST_COUNT];
    struct glossa_keys *keys;
    struct glossa_buf key, stem, translit;
    struct glossa_buf indexes;    /* the schema's CREATE INDEX statements, run after the rows */
    const glossa_index_opts *opts;
    glossa_index_stats stats;
    glossa_error *err;            /* the first problem */
    unsigned long problems;
    unsigned long long bytes_done, bytes_total;
    long ord;
    int partial;                  /* a version of part of the term base (diff): links may leave it */
    int validate_only;            /* nothing is kept: no indexes to build */
};

/* ---- diagnostics --------------------------------------------------------------- */

static int on_diag(void *ud, const glossa_error *d)
{
    struct index_run *run = ud;
    unsigned max = run->opts && run->opts->max_errors ? run->opts->max_errors : 50;

    if (run->problems++ == 0 && run->err)
        *run->err = *d;
    run->stats.errors = run->problems;
    if (run->opts && run->opts->on_diag && run->problems <= max)
        run->opts->on_diag(d, run->opts->userdata);
    return run->problems >= max;
}

static void problem(struct index_run *run, const char *file, long line,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void problem(struct index_run *run, const char *file, long line,
                    const char *fmt, ...)
{
    glossa_error d;
    va_list ap;
    va_start(ap, fmt);
    glossa__error_vset(&d, GLOSSA_ESCHEMA, file, line, 0, fmt, ap);
    va_end(ap);
    on_diag(run, &d);
}

/* ---- writing rows ---------------------------------------------------------------- */

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Step a prepared insert to completion and reset it. */
static int step_done(struct index_run *run, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE)
        return 0;
    return glossa__error_sqlite(run->err, run->db, rc, run->db_path, "cannot write the index");
}

static sqlite3_int64 source_id(struct index_run *run, const char *file, const char *xml_id)
{
    sqlite3_stmt *st = run->st[ST_FIND_SOURCE];
    sqlite3_int64 id = 0;
    if (!xml_id)
        return 0;
    bind_text(st, 1, file);
    bind_text(st, 2, xml_id);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

static void bind_source(sqlite3_stmt *st, int i, sqlite3_int64 id)
{
    if (id)
        sqlite3_bind_int64(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

static int sink_bibl(void *ud, const char *file, const struct tei_bibl *b)
{
    struct index_run *run = ud;
    sqlite3_stmt *st = run->st[ST_SOURCE];
    bind_text(st, 1, file);
    bind_text(st, 2, b->id);
    bind_text(st, 3, b->type);
    bind_text(st, 4, b->citation ? b->citation : "");
    return step_done(run, st);
}

/* Report a duplicate concept id with the place of its first definition. */
static int duplicate_concept(struct index_run *run, const char *file, const struct tei_entry *e)
{
    sqlite3_stmt *st = run->st[ST_FIND_CONCEPT];
    bind_text(st, 1, e->id);
    if (sqlite3_step(st) == SQLITE_ROW)
        problem(run, file, e->line, "duplicate concept xml:id '%s' (first defined at %s:%lld)",
                e->id, (const char *)sqlite3_column_text(st, 0),
                (long long)sqlite3_column_int64(st, 1));
    else
        problem(run, file, e->line, "duplicate concept xml:id '%s'", e->id);
    sqlite3_reset(st);
    return 0;
}

static int insert_fts(struct index_run *run, int which, sqlite3_int64 rowid, const char *text)
{
    sqlite3_stmt *st = run->st[which];
    sqlite3_bind_int64(st, 1, rowid);
    bind_text(st, 2, text);
    return step_done(run, st);
}

/* Definitions and notes go to the full-text table too. */
static int insert_text(struct index_run *run, sqlite3_int64 cid, const char *text,
                       const char *lang, const char *kind)
{
    sqlite3_stmt *st = run->st[ST_TEXT_FTS];
    bind_text(st, 1, text);
    sqlite3_bind_int64(st, 2, cid);
    bind_text(st, 3, lang);
    bind_text(st, 4, kind);
    return step_done(run, st);
}

static int insert_terms(struct index_run *run, const char *file, sqlite3_int64 cid,
                        const struct tei_entry *e)
{
    size_t i;
    int rc;
    for (i = 0; i < e->n_terms; i++) {
        const struct tei_term *t = &e->terms[i];
        sqlite3_stmt *st = run->st[ST_TERM];
        sqlite3_int64 tid;

        size_t len = strlen(t->text);
        int uzbek = glossa__lang_matches(t->lang, "uz-Cyrl");

        /* one pass of ICU over the text: the other keys are made from its key */
        if (glossa__norm_key(glossa__keys_norm(run->keys), t->text, len, &run->key) ||
            glossa__stem_key_of_norm(run->keys, glossa__buf_str(&run->key), run->key.len,
                                     t->lang, &run->stem) ||
            glossa__translit_key_of_norm(run->keys, glossa__buf_str(&run->key), run->key.len,
                                         uzbek, &run->translit))
            return glossa__error_set(run->err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        sqlite3_bind_int64(st, 1, cid);
        bind_text(st, 2, t->lang);
        bind_text(st, 3, t->text);
        bind_text(st, 4, glossa__buf_str(&run->key));
        bind_text(st, 5, t->status);
        bind_text(st, 6, t->term_type);
        bind_text(st, 7, t->geo);
        sqlite3_bind_int(st, 8, t->working);
        bind_source(st, 9, source_id(run, file, t->source));
        sqlite3_bind_int64(st, 10, (sqlite3_int64)i);
        bind_text(st, 11, glossa__buf_str(&run->stem));
        bind_text(st, 12, glossa__buf_str(&run->translit));
        bind_text(st, 13, t->from);
        bind_text(st, 14, t->to);
        if ((rc = step_done(run, st)))
            return rc;
        tid = sqlite3_last_insert_rowid(run->db);
        if ((rc = insert_fts(run, ST_FTS, tid, t->text)) ||
            (rc = insert_fts(run, ST_STEM_FTS, tid, glossa__buf_str(&run->stem))) ||
            (rc = insert_fts(run, ST_TRI, tid, glossa__buf_str(&run->key))))
            return rc;
    }
    run->stats.terms += e->n_terms;
    return 0;
}

static int insert_details(struct index_run *run, const char *file, sqlite3_int64 cid,
                          const struct tei_entry *e)
{
    size_t i;
    int rc;
    for (i = 0; i < e->n_defs; i++) {
        sqlite3_stmt *st = run->st[ST_DEF];
        sqlite3_bind_int64(st, 1, cid);
        bind_text(st, 2, e->defs[i].lang);
        bind_text(st, 3, e->defs[i].text);
        bind_source(st, 4, source_id(run, file, e->defs[i].source));
        bind_text(st, 5, e->defs[i].basis);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)i);
        bind_text(st, 7, e->defs[i].from);
        bind_text(st, 8, e->defs[i].to);
        if ((rc = step_done(run, st)) ||
            (rc = insert_text(run, cid, e->defs[i].text, e->defs[i].lang, "definition")))
            return rc;
    }
    run->stats.definitions += e->n_defs;
    for (i = 0; i < e->n_notes; i++) {
        sqlite3_stmt *st = run->st[ST_NOTE];
        sqlite3_bind_int64(st, 1, cid);
        bind_text(st, 2, e->notes[i].lang);
        bind_text(st, 3, e->notes[i].type);
        bind_text(st, 4, e->notes[i].text);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)i);
        if ((rc = step_done(run, st)) ||
            (rc = insert_text(run, cid, e->notes[i].text, e->notes[i].lang, "note")))
            return rc;
    }
    for (i = 0; i < e->n_xrefs; i++) {
        sqlite3_stmt *st = run->st[ST_XREF];
        sqlite3_bind_int64(st, 1, cid);
        bind_text(st, 2, e->xrefs[i].type ? e->xrefs[i].type : "related");
        bind_text(st, 3, e->xrefs[i].target);
        bind_text(st, 4, e->xrefs[i].label);
        sqlite3_bind_int64(st, 5, e->xrefs[i].line);
        if ((rc = step_done(run, st)))
            return rc;
    }
    for (i = 0; i < e->n_attests; i++) {
        sqlite3_stmt *st = run->st[ST_ATTEST];
        sqlite3_bind_int64(st, 1, cid);
        bind_text(st, 2, e->attests[i].lang);
        bind_text(st, 3, e->attests[i].quote);
        bind_source(st, 4, source_id(run, file, e->attests[i].source));
        if ((rc = step_done(run, st)))
            return rc;
    }
    return 0;
}

static int sink_entry(void *ud, const char *file, const struct tei_entry *e)
{
    struct index_run *run = ud;
    sqlite3_stmt *st = run->st[ST_CONCEPT];
    sqlite3_int64 cid;
    int rc;

    bind_text(st, 1, e->id);
    bind_text(st, 2, e->n);
    bind_text(st, 3, e->status);
    sqlite3_bind_int(st, 4, e->reliability);
    bind_source(st, 5, source_id(run, file, e->source));
    bind_text(st, 6, file);
    sqlite3_bind_int64(st, 7, e->line);
    sqlite3_bind_int64(st, 8, run->ord++);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_CONSTRAINT_UNIQUE)
        return duplicate_concept(run, file, e);
    if (rc != SQLITE_DONE)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path, "cannot write the index");
    cid = sqlite3_last_insert_rowid(run->db);
    run->stats.concepts++;
    if ((rc = insert_terms(run, file, cid, e)) || (rc = insert_details(run, file, cid, e)))
        return rc;
    if (run->opts && run->opts->on_progress && run->stats.concepts % 1000 == 0)
        run->opts->on_progress(&run->stats, run->bytes_done, run->bytes_total,
                               run->opts->userdata);
    return 0;
}

/* ---- inputs ------------------------------------------------------------------------- */

struct path_list {
    char **items;
    size_t n, cap;
};

static void paths_free(struct path_list *p)
{
    size_t i;
    for (i = 0; i < p->n; i++)
        glossa__free(p->items[i]);
    glossa__free(p->items);
}

static int paths_add(struct path_list *p, char *owned)
{
    if (!owned)
        return GLOSSA_ENOMEM;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        char **items = glossa__realloc(p->items, cap * sizeof *items);
        if (!items) {
            glossa__free(owned);
            return GLOSSA_ENOMEM;
        }
        p->items = items;
        p->cap = cap;
    }
    p->items[p->n++] = owned;
    return 0;
}

/* A directory contributes its *.xml files (not subdirectories), sorted
** (glossa_list_dir: an unreadable one is an error naming it). */
static int expand_inputs(const char *const *inputs, size_t n, struct path_list *out,
                         glossa_error *err)
{
    size_t i;
    for (i = 0; i < n; i++) {
        struct stat sb;
        if (stat(inputs[i], &sb) != 0)
            return glossa__error_set(err, errno == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO,
                                     inputs[i], 0, 0, "cannot read: %s", strerror(errno));
        if (S_ISDIR(sb.st_mode)) {
            char **files;
            size_t n_files, k;
            int rc = glossa_list_dir(inputs[i], ".xml", &files, &n_files, err);
            if (rc)
                return rc;
            if (n_files == 0)
                return glossa__error_set(err, GLOSSA_ENOTFOUND, inputs[i], 0, 0,
                                         "no *.xml files in this directory");
            for (k = 0; k < n_files; k++)
                if (paths_add(out, files[k])) { /* it freed files[k] */
                    while (++k < n_files)
                        glossa__free(files[k]);
                    glossa__free(files);
                    return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
                }
            glossa__free(files); /* the paths are out's now */
        } else if (paths_add(out, glossa__strdup(inputs[i]))) {
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    if (out->n == 0)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no input files");
    return 0;
}

/* ---- the build ------------------------------------------------------------------------ */

static int exec(struct index_run *run, const char *sql, const char *what)
{
    int rc = sqlite3_exec(run->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path, what);
    return 0;
}

static void run_close(struct index_run *run)
{
    int i;
    for (i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(run->st[i]);
    sqlite3_close(run->db);
    glossa__keys_free(run->keys);
    glossa__buf_release(&run->key);
    glossa__buf_release(&run->stem);
    glossa__buf_release(&run->translit);
    glossa__buf_release(&run->indexes);
    run->db = NULL;
    run->keys = NULL;
}

/* Each full-text index merged into one segment: a lookup then reads one
** b-tree per word instead of one per segment (a few seconds per million terms). */
#define FTS_OPTIMIZE(t) "INSERT INTO " t "(" t ") VALUES ('optimize');"

/* Run the schema's statements, except CREATE INDEX: those are kept in
** run->indexes and run once the rows are in (sorting once is much faster
** than keeping four indexes of random keys up to date row by row). */
static int create_tables(struct index_run *run, const char *schema)
{
    const char *p = schema;
    while (*p) {
        const char *tail = NULL, *s;
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(run->db, p, -1, &st, &tail);
        if (rc != SQLITE_OK)
            return glossa__error_sqlite(run->err, run->db, rc, run->db_path,
                                        "cannot create the index schema");
        if (!st) /* only comments and spaces were left */
            break;
        s = sqlite3_sql(st);
        while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || (s[0] == '-' && s[1] == '-')) {
            if (*s == '-')
                s += strcspn(s, "\n");
            else
                s++;
        }
        if (strncmp(s, "CREATE INDEX ", 13) == 0) {
            rc = glossa__buf_add(&run->indexes, s, strlen(s)) || glossa__buf_adds(&run->indexes, ";\n")
                     ? SQLITE_NOMEM : SQLITE_DONE;
        } else {
            rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return glossa__error_sqlite(run->err, run->db, rc, run->db_path,
                                        "cannot create the index schema");
        p = tail;
    }
    return 0;
}

static int run_open(struct index_run *run, const char *path)
{
    char *schema;
    int rc, i;

    rc = glossa__store_open(&run->db, path,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, run->err);
    if (rc)
        return rc;
    /* The file is disposable until published: no journal, no fsync here.
    ** The page cache is bounded, so memory stays flat however large the
    ** input; it shrinks while the indexes are sorted (see build). */
    if ((rc = exec(run, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                        " PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-32768;"
                        " PRAGMA application_id=" STRINGIFY(GLOSSA_APPLICATION_ID) ";",
                   "cannot configure the new index")))
        return rc;
    schema = glossa__strndup(glossa__schema_sql, glossa__schema_sql_len);
    if (!schema)
        return glossa__error_set(run->err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    rc = create_tables(run, schema);
    glossa__free(schema);
    if (rc)
        return rc;
    for (i = 0; i < ST_COUNT; i++) {
        int src = sqlite3_prepare_v3(run->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT,
                                     &run->st[i], NULL);
        if (src != SQLITE_OK)
            return glossa__error_sqlite(run->err, run->db, src, path, "cannot prepare the index");
    }
    if ((rc = glossa__keys_new(&run->keys, run->err)))
        return rc;
    return exec(run, "BEGIN", "cannot start the index transaction");
}

/* Cross-file rules, checked once everything is in: references resolve. */
static void check_references(struct index_run *run)
{
    sqlite3_stmt *st;
    const char *sql =
        "SELECT c.file, x.line, c.xml_id, x.target FROM xref x"
        " JOIN concept c ON c.id = x.concept_id"
        " WHERE NOT EXISTS (SELECT 1 FROM concept t WHERE t.xml_id = x.target)"
        " ORDER BY c.ord, x.id";
    if (sqlite3_prepare_v2(run->db, sql, -1, &st, NULL) != SQLITE_OK)
        return;
    while (sqlite3_step(st) == SQLITE_ROW)
        problem(run, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
                "entry '%s': cross-reference to unknown concept '#%s'",
                (const char *)sqlite3_column_text(st, 2),
                (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
}

static int write_meta(struct index_run *run, const struct path_list *files)
{
    struct glossa_buf sources = GLOSSA_BUF_INIT;
    char when[32], counts[96];
    time_t now = time(NULL);
    struct tm tm;
    sqlite3_stmt *st;
    size_t i;
    int rc = 0;
    const char *pairs[][2] = {
        { "schema_version", GLOSSA_SCHEMA_VERSION },
        { "tokenizer", GLOSSA_TOKENIZER_VERSION },
        { "icu_version", U_ICU_VERSION },
        { "unicode_version", U_UNICODE_VERSION },
        { "glossa_version", GLOSSA_VERSION },
        { "built_at", when },
        { "counts", counts },
        { "sources", NULL },
    };

    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(counts, sizeof counts, "%lu concepts, %lu terms, %lu definitions",
             run->stats.concepts, run->stats.terms, run->stats.definitions);
    for (i = 0; i < files->n; i++)
        if (glossa__buf_addf(&sources, "%s%s", i ? "\n" : "", files->items[i]))
            rc = GLOSSA_ENOMEM;
    pairs[7][1] = glossa__buf_str(&sources);
    if (!rc && sqlite3_prepare_v2(run->db, "INSERT INTO meta(key, value) VALUES (?1, ?2)",
                                  -1, &st, NULL) == SQLITE_OK) {
        for (i = 0; i < sizeof pairs / sizeof pairs[0] && !rc; i++) {
            bind_text(st, 1, pairs[i][0]);
            bind_text(st, 2, pairs[i][1]);
            rc = step_done(run, st);
        }
        sqlite3_finalize(st);
    } else if (!rc) {
        rc = glossa__error_sqlite(run->err, run->db, sqlite3_errcode(run->db), run->db_path,
                                  "cannot write the index metadata");
    }
    glossa__buf_release(&sources);
    return rc;
}

/* The new file must pass both integrity checks and hold what was read. */
static int verify(struct index_run *run)
{
    sqlite3_stmt *st;
    int ok = 0, rc;

    /* a check that cannot run (out of memory, I/O) is that error, not damage */
    rc = sqlite3_prepare_v2(run->db, "PRAGMA integrity_check", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            ok = v && strcmp(v, "ok") == 0;
            rc = v || sqlite3_errcode(run->db) != SQLITE_NOMEM ? SQLITE_OK : SQLITE_NOMEM;
        }
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path,
                                    "cannot check the new index");
    if (!ok)
        return glossa__error_set(run->err, GLOSSA_ECORRUPT, run->db_path, 0, 0,
                                 "the new index failed its integrity check; the old one is kept");
    if ((rc = exec(run, "INSERT INTO term_fts(term_fts) VALUES ('integrity-check');"
                        "INSERT INTO term_stem_fts(term_stem_fts) VALUES ('integrity-check');"
                        "INSERT INTO term_tri(term_tri) VALUES ('integrity-check');"
                        "INSERT INTO text_fts(text_fts) VALUES ('integrity-check');",
                   "the new full-text index failed its integrity check")))
        return rc;
    ok = 0;
    rc = sqlite3_prepare_v2(run->db,
                            "SELECT (SELECT count(*) FROM concept), (SELECT count(*) FROM term)",
                            -1, &st, NULL);
    if (rc == SQLITE_OK) {
        if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            ok = (unsigned long)sqlite3_column_int64(st, 0) == run->stats.concepts &&
                 (unsigned long)sqlite3_column_int64(st, 1) == run->stats.terms;
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path,
                                    "cannot check the new index");
    if (!ok)
        return glossa__error_set(run->err, GLOSSA_ECORRUPT, run->db_path, 0, 0,
                                 "the new index does not hold what was read; the old one is kept");
    return 0;
}

static unsigned long long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (unsigned long long)sb.st_size : 0;
}

/* Read every input into run->db. Returns 0 only when all input is valid. */
static int build(struct index_run *run, struct tei_schema *schema,
                 const struct path_list *files)
{
    struct tei_sink sink = { sink_bibl, sink_entry, on_diag, run };
    glossa_error file_err;
    size_t i;
    int rc;

    for (i = 0; i < files->n; i++)
        run->bytes_total += file_size(files->items[i]);
    for (i = 0; i < files->n; i++) {
        rc = glossa__tei_read(schema, files->items[i], &sink, &file_err);
        run->stats.files++;
        run->bytes_done += file_size(files->items[i]);
        if (rc == GLOSSA_EINPUT || rc == GLOSSA_ESCHEMA)
            continue; /* already reported through on_diag */
        if (rc) {
            if (run->err)
                *run->err = file_err;
            return rc;
        }
        if (run->opts && run->opts->on_progress)
            run->opts->on_progress(&run->stats, run->bytes_done, run->bytes_total,
                                   run->opts->userdata);
    }
    if (run->problems == 0 && run->indexes.len && !run->validate_only &&
        ((rc = exec(run, "PRAGMA cache_size=-16384; PRAGMA shrink_memory;",
                    "cannot configure the new index")) ||
         (rc = exec(run, run->indexes.data, "cannot create the indexes")) ||
         (rc = exec(run, "PRAGMA cache_size=-32768;", "cannot configure the new index")) ||
         (rc = exec(run, FTS_OPTIMIZE("term_fts") FTS_OPTIMIZE("term_stem_fts")
                         FTS_OPTIMIZE("term_tri") FTS_OPTIMIZE("text_fts"),
                    "cannot merge the full-text indexes"))))
        return rc;
    if (run->problems == 0 && !run->partial)
        check_references(run);
    if (run->problems)
        return run->err ? run->err->code : GLOSSA_ESCHEMA;
    if ((rc = write_meta(run, files)) || (rc = exec(run, "COMMIT", "cannot commit the index")))
        return rc;
    return verify(run);
}

/* ---- locking and publishing ---------------------------------------------------------- */

/* <db>.lock, held with flock() for the whole run: the kernel frees it when
** the holder exits or is killed, so a lock is never stale, whatever the file
** says, and two indexers can never both hold it. The file names the holder's
** pid for the message; the holder removes it last. A lock taken on a file
** that its holder removed meanwhile is dropped and taken again. */
static int lock_take(const char *lock_path, int *out, glossa_error *err)
{
    int attempt;
    for (attempt = 0; attempt < 8; attempt++) {
        struct stat held, now;
        char pid[32] = "";
        int n, fd = open(lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0)
            return glossa__error_set(err, GLOSSA_EIO, lock_path, 0, 0,
                                     "cannot create lock file: %s", strerror(errno));
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int busy = errno == EWOULDBLOCK;
            ssize_t got = busy ? pread(fd, pid, sizeof pid - 1, 0) : 0;
            long holder = got > 0 ? strtol(pid, NULL, 10) : 0;
            int e = errno;
            close(fd);
            if (!busy)
                return glossa__error_set(err, GLOSSA_EIO, lock_path, 0, 0,
                                         "cannot lock: %s", strerror(e));
            if (holder > 0)
                return glossa__error_set(err, GLOSSA_EBUSY, lock_path, 0, 0,
                                         "another 'glossa index' is running (pid %ld)", holder);
            return glossa__error_set(err, GLOSSA_EBUSY, lock_path, 0, 0,
                                     "another 'glossa index' is running");
        }
        if (fstat(fd, &held) == 0 && stat(lock_path, &now) == 0 && held.st_dev == now.st_dev &&
            held.st_ino == now.st_ino) {
            n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
            /* the pid only goes into a second indexer's message: not writing it is no error */
            if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n)
                pid[0] = '\0';
            *out = fd;
            return 0;
        }
        close(fd);
    }
    return glossa__error_set(err, GLOSSA_EBUSY, lock_path, 0, 0, "cannot take the index lock");
}

static void lock_release(const char *lock_path, int fd)
{
    unlink(lock_path); /* while still held: a waiting run then takes a new file */
    close(fd);
}

/* 1 when the SQLite database at path has glossa's meta table with a schema
** version. Read only, with an untrusted schema: a table is read, no view
** and no trigger runs. */
static int has_glossa_meta(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) == SQLITE_OK &&
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = "
                               "'meta' AND sql LIKE 'CREATE TABLE meta%'", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_finalize(st);
        st = NULL;
        found = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'",
                                   -1, &st, NULL) == SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return found;
}

/* May an index replace what is at path? Nothing, an empty file, or a glossa
** index: its SQLite header carries glossa's application id (then even with
** the first bytes damaged), or it has glossa's meta table (an index of an
** earlier version). Anything else is kept unless forced. */
static int check_replaceable(const char *path, const char *shown, glossa_error *err)
{
    static const unsigned char magic[16] = "SQLite format 3";
    unsigned char h[100];
    ssize_t n;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

    if (fd < 0)
        return errno == ENOENT ? 0
                               : glossa__error_set(err, GLOSSA_EIO, shown, 0, 0, "cannot read: %s",
                                                   strerror(errno));
    n = read(fd, h, sizeof h);
    close(fd);
    if (n == 0)
        return 0;
    if (n == (ssize_t)sizeof h && h[21] == 64 && h[22] == 32 && h[23] == 32 &&
        ((unsigned long)h[68] << 24 | (unsigned long)h[69] << 16 | (unsigned long)h[70] << 8 |
         h[71]) == GLOSSA_APPLICATION_ID)
        return 0;
    /* an index is never in WAL mode (header bytes 18-19): a WAL file is left unopened */
    if (n == (ssize_t)sizeof h && memcmp(h, magic, sizeof magic) == 0 && h[18] == 1 &&
        h[19] == 1 && has_glossa_meta(path))
        return 0;
    return glossa__error_set(err, GLOSSA_EINPUT, shown, 0, 0,
                             "not a glossa index: it is kept (--force replaces it)");
}

static int sidecar_exists(const char *db_path)
{
    static const char *const suffixes[] = { "-wal", "-journal", NULL };
    const char *const *s;
    char path[GLOSSA_PATH_SIZE + 16];
    for (s = suffixes; *s; s++) {
        snprintf(path, sizeof path, "%s%s", db_path, *s);
        if (access(path, F_OK) == 0)
            return 1;
    }
    return 0;
}

/* A -wal or -journal beside the target belongs to the old file: let SQLite
** recover and remove it, or a rename would pair it with the new file. */
static int settle_target(const char *db_path, glossa_error *err)
{
    sqlite3 *db = NULL;
    int rc;
    if (!sidecar_exists(db_path))
        return 0;
    rc = sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA journal_mode=DELETE; SELECT count(*) FROM sqlite_schema;",
                          NULL, NULL, NULL);
    sqlite3_close(db);
    if (rc != SQLITE_OK || sidecar_exists(db_path))
        return glossa__error_set(err, GLOSSA_EIO, db_path, 0, 0,
                                 "a journal or WAL file beside the database could not be "
                                 "recovered; is another program writing it?");
    return 0;
}

/* ---- public entry points ------------------------------------------------------------- */

static int run_inputs(const char *db_path, const char *build_path,
                      const char *const *inputs, size_t n_inputs,
                      const glossa_index_opts *opts, glossa_index_stats *stats,
                      sqlite3 **keep, glossa_error *err)
{
    struct index_run run;
    struct path_list files = { NULL, 0, 0 };
    struct tei_schema *schema = NULL;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_INDEX_OPTS_VERSION, "glossa_index_opts", err))
        return GLOSSA_EINPUT;
    memset(&run, 0, sizeof run);
    run.partial = keep != NULL;
    run.validate_only = !keep && strcmp(build_path, ":memory:") == 0;
    run.opts = opts;
    run.err = err;
    run.db_path = db_path;
    rc = expand_inputs(inputs, n_inputs, &files, err);
    if (!rc)
        rc = glossa__tei_schema_new(&schema, err);
    if (!rc)
        rc = run_open(&run, build_path);
    if (!rc)
        rc = build(&run, schema, &files);
    if (stats)
        *stats = run.stats;
    if (!rc && keep) {
        int i;
        for (i = 0; i < ST_COUNT; i++) {
            sqlite3_finalize(run.st[i]);
            run.st[i] = NULL;
        }
        *keep = run.db;
        run.db = NULL;
    }
    run_close(&run);
    glossa__tei_schema_free(schema);
    paths_free(&files);
    return rc;
}

int glossa_validate(const char *const *inputs, size_t n_inputs,
                    const glossa_index_opts *opts, glossa_index_stats *stats,
                    glossa_error *err)
{
    return run_inputs(":memory:", ":memory:", inputs, n_inputs, opts, stats, NULL, err);
}

int glossa__load(const char *const *inputs, size_t n_inputs, const glossa_index_opts *opts,
                 sqlite3 **out, glossa_index_stats *stats, glossa_error *err)
{
    return run_inputs(":memory:", ":memory:", inputs, n_inputs, opts, stats, out, err);
}

int glossa_index(const char *db_path, const char *const *inputs,
                 size_t n_inputs, const glossa_index_opts *opts,
                 glossa_index_stats *stats, glossa_error *err)
{
    char target[GLOSSA_PATH_SIZE], lock[GLOSSA_PATH_SIZE + 16];
    glossa_outfile *out = NULL;
    int rc, lock_fd = -1;

    if (!db_path || !*db_path || strlen(db_path) >= GLOSSA_PATH_SIZE)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "empty or too long database path");
    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_INDEX_OPTS_VERSION, "glossa_index_opts", err))
        return GLOSSA_EINPUT;
    if ((rc = glossa__outfile_target(db_path, target, sizeof target, err)))
        return rc;
    snprintf(lock, sizeof lock, "%s.lock", target);
    if ((rc = lock_take(lock, &lock_fd, err)))
        return rc;
    if (!(opts && opts->version >= 2 && opts->force))
        rc = check_replaceable(target, db_path, err);
    /* held under the lock: the temporary files of dead runs go now */
    if (!rc)
        rc = glossa_outfile_open(&out, target, err);
    if (!rc)
        rc = run_inputs(db_path, glossa_outfile_temp(out), inputs, n_inputs, opts, stats, NULL,
                        err);
    if (!rc)
        rc = settle_target(target, err);
    if (!rc) {
        rc = glossa_outfile_commit(out, err);
        out = NULL;
    }
    glossa_outfile_abort(out);
    lock_release(lock, lock_fd);
    return rc;
}
