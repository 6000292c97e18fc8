/*
** index.c — `glossa index`: the entries the loader (load.c) gives, written
** as the rows of a fresh SQLite database with the keys lookups use
** (normalised, stem, transliteration; full-text tables); then the indexes
** sorted once, the full-text segments merged, the metadata written and the
** result verified (integrity checks, counts) before publish.c puts it in
** place of the old index. The file is built beside the target and is
** disposable until then: no journal, no fsync, a bounded page cache, so
** memory stays flat however large the input.
*/
#include "termbase_int.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

enum {
    ST_SOURCE, ST_FIND_SOURCE, ST_CONCEPT, ST_FIND_CONCEPT, ST_TERM, ST_FTS,
    ST_STEM_FTS, ST_SIGN, ST_TEXT_FTS, ST_DEF, ST_NOTE, ST_XREF, ST_ATTEST, ST_ACT, ST_ACT_TITLE,
    ST_NOTION, ST_LEGAL, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
    "INSERT INTO source(file, xml_id, type, citation) VALUES (?1, ?2, ?3, ?4)",
    "SELECT id FROM source WHERE file = ?1 AND xml_id = ?2",
    "INSERT INTO concept(xml_id, n, status, reliability, source_id, file, line, ord)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "SELECT file, line FROM concept WHERE xml_id = ?1",
    "INSERT INTO term(concept_id, lang, text, norm, status, term_type, geo, working, source_id, ord,"
    " stem, translit, valid_from, valid_to, legal_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
    " ?10, ?11, ?12, ?13, ?14, ?15)",
    "INSERT INTO term_fts(rowid, text) VALUES (?1, ?2)",
    "INSERT INTO term_stem_fts(rowid, stem) VALUES (?1, ?2)",
    "INSERT INTO temp.sign(sign, term_id, digest) VALUES (?1, ?2, ?3)",
    "INSERT INTO text_fts(text, concept_id, lang, kind) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO definition(concept_id, lang, text, source_id, basis, ord, valid_from, valid_to)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "INSERT INTO note(concept_id, lang, type, text, ord) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO xref(concept_id, type, target, label, line) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO attestation(concept_id, lang, quote, source_id) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO act(source_id, xml_id, state, number, adopted, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO act_title(act_id, lang, text, ord) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO notion(xml_id, label, lang, file, line) VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO legal_definition(xml_id, act_id, article, lang, term, text, target, relation,"
    " reliability, version, url, translation, note, file, line, ord) VALUES (?1,"
    " (SELECT a.id FROM act a JOIN source s ON s.id = a.source_id WHERE s.file = ?2"
    " AND s.xml_id = ?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
};

struct index_run {
    sqlite3 *db;
    const char *db_path;          /* for messages */
    sqlite3_stmt *st[ST_COUNT];
    struct glossa_keys *keys;
    struct glossa_buf key, stem, translit;
    struct glossa_buf indexes;    /* the schema's CREATE INDEX statements, run after the rows */
    glossa_index_stats stats;     /* from the loader */
    glossa_error *err;
    long ord;
    unsigned long national_terms; /* terms of national acts added to concepts */
    unsigned long signs;          /* rows of term_sign */
    long long built_at;           /* glossa_time_now() at the start */
};

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

/* A national act: its row and its titles. */
static int insert_act(struct index_run *run, sqlite3_int64 source, const struct tei_bibl *b)
{
    sqlite3_stmt *st = run->st[ST_ACT];
    sqlite3_int64 act;
    size_t i;
    int rc;

    sqlite3_bind_int64(st, 1, source);
    bind_text(st, 2, b->id);
    bind_text(st, 3, b->state);
    bind_text(st, 4, b->number);
    bind_text(st, 5, b->date);
    sqlite3_bind_int64(st, 6, run->ord++);
    if ((rc = step_done(run, st)))
        return rc;
    act = sqlite3_last_insert_rowid(run->db);
    for (i = 0; i < b->n_titles; i++) {
        st = run->st[ST_ACT_TITLE];
        sqlite3_bind_int64(st, 1, act);
        bind_text(st, 2, b->titles[i].lang);
        bind_text(st, 3, b->titles[i].text);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)i);
        if ((rc = step_done(run, st)))
            return rc;
    }
    return 0;
}

static int sink_bibl(void *ud, const char *file, const struct tei_bibl *b)
{
    struct index_run *run = ud;
    sqlite3_stmt *st = run->st[ST_SOURCE];
    int rc;
    bind_text(st, 1, file);
    bind_text(st, 2, b->id);
    bind_text(st, 3, b->type);
    bind_text(st, 4, b->citation ? b->citation : "");
    if ((rc = step_done(run, st)) || !b->state)
        return rc;
    return insert_act(run, sqlite3_last_insert_rowid(run->db), b);
}

static int insert_fts(struct index_run *run, int which, sqlite3_int64 rowid, const char *text)
{
    sqlite3_stmt *st = run->st[which];
    sqlite3_bind_int64(st, 1, rowid);
    bind_text(st, 2, text);
    return step_done(run, st);
}

/* Definitions and notes go to the full-text table too. */
/* The fuzzy tier's signs of term tid (fuzzy.c), each once, into temp.sign:
** term_sign is filled from it in order once every term is in (build). */
static int insert_signs(struct index_run *run, sqlite3_int64 tid)
{
    uint32_t sign[GLOSSA_FUZZY_SIGNS];
    int64_t digest[GLOSSA_FUZZY_SIGNS];
    sqlite3_stmt *st = run->st[ST_SIGN];
    int n = glossa__fuzzy_signs(glossa__buf_str(&run->key), glossa__buf_str(&run->stem), sign,
                                digest), i, j, rc;
    for (i = 0; i < n; i++) {
        for (j = 0; j < i && sign[j] != sign[i]; j++)
            ;
        if (j < i)
            continue;
        sqlite3_bind_int64(st, 1, sign[i]);
        sqlite3_bind_int64(st, 2, tid);
        sqlite3_bind_int64(st, 3, digest[i]);
        if ((rc = step_done(run, st)))
            return rc;
        run->signs++;
    }
    return 0;
}

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

/* e's terms, as terms of concept cid; legal_id: the national definition
** they come from (0: none); ord0: the order of the first. */
static int insert_terms(struct index_run *run, const char *file, sqlite3_int64 cid,
                        const struct tei_entry *e, sqlite3_int64 legal_id, sqlite3_int64 ord0)
{
    size_t i;
    int rc;
    for (i = 0; i < e->n_terms; i++) {
        const struct tei_term *t = &e->terms[i];
        sqlite3_stmt *st = run->st[ST_TERM];
        sqlite3_int64 tid;

        size_t len = strlen(t->text);

        /* one pass of ICU over the text: the other keys are made from its key
        ** (Chinese: a second, for the pinyin of the characters as written) */
        if (glossa__norm_key(glossa__keys_norm(run->keys), t->text, len, &run->key) ||
            glossa__stem_key_of_norm(run->keys, glossa__buf_str(&run->key), run->key.len,
                                     t->lang, &run->stem) ||
            glossa__translit_key_of_term(run->keys, t->text, len, t->lang,
                                         glossa__buf_str(&run->key), run->key.len,
                                         &run->translit))
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
        sqlite3_bind_int64(st, 10, ord0 + (sqlite3_int64)i);
        bind_text(st, 11, glossa__buf_str(&run->stem));
        bind_text(st, 12, glossa__buf_str(&run->translit));
        bind_text(st, 13, t->from);
        bind_text(st, 14, t->to);
        bind_source(st, 15, legal_id);
        if ((rc = step_done(run, st)))
            return rc;
        tid = sqlite3_last_insert_rowid(run->db);
        if ((rc = insert_fts(run, ST_FTS, tid, t->text)) ||
            (rc = insert_fts(run, ST_STEM_FTS, tid, glossa__buf_str(&run->stem))) ||
            (rc = insert_signs(run, tid)))
            return rc;
    }
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

static int insert_legal(struct index_run *run, const char *file, const struct tei_entry *e)
{
    sqlite3_stmt *st = run->st[ST_LEGAL];
    struct glossa_buf notes = GLOSSA_BUF_INIT;
    int rc;

    if ((rc = glossa__legal_notes(e, &notes)))
        return glossa__error_set(run->err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    bind_text(st, 1, e->id);
    bind_text(st, 2, file);
    bind_text(st, 3, e->source);
    bind_text(st, 4, e->cite.range);
    bind_text(st, 5, e->terms[0].lang);
    bind_text(st, 6, e->terms[0].text);
    bind_text(st, 7, e->defs[0].text);
    bind_text(st, 8, e->xrefs[0].target);
    bind_text(st, 9, glossa__legal_relation(e->xrefs[0].type));
    sqlite3_bind_int(st, 10, e->reliability);
    bind_text(st, 11, e->cite.version);
    bind_text(st, 12, e->cite.url);
    bind_text(st, 13, e->cite.translation);
    bind_text(st, 14, e->n_notes ? glossa__buf_str(&notes) : NULL);
    bind_text(st, 15, file);
    sqlite3_bind_int64(st, 16, e->line);
    sqlite3_bind_int64(st, 17, run->ord++);
    rc = step_done(run, st);
    glossa__buf_release(&notes);
    return rc;
}

static int insert_notion(struct index_run *run, const char *file, const struct tei_entry *e)
{
    sqlite3_stmt *st = run->st[ST_NOTION];
    bind_text(st, 1, e->id);
    bind_text(st, 2, e->terms[0].text);
    bind_text(st, 3, e->terms[0].lang);
    bind_text(st, 4, file);
    sqlite3_bind_int64(st, 5, e->line);
    return step_done(run, st);
}

/* Once every file is in: the term of each national definition that relates
** to a concept becomes a term of that concept (after its own terms, with
** the act's state as its region), so a lookup of it finds the concept. */
static int add_national_terms(struct index_run *run)
{
    sqlite3_stmt *q;
    int rc = sqlite3_prepare_v2(run->db,
        "SELECT l.id, c.id, l.lang, l.term, a.state, a.source_id, s.file, s.xml_id, l.ord"
        " FROM legal_definition l JOIN concept c ON c.xml_id = l.target"
        " JOIN act a ON a.id = l.act_id JOIN source s ON s.id = a.source_id ORDER BY l.ord",
        -1, &q, NULL);
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path, "cannot read the index");
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        struct tei_term t;
        struct tei_entry e;
        int err;
        memset(&t, 0, sizeof t);
        memset(&e, 0, sizeof e);
        t.lang = (const char *)sqlite3_column_text(q, 2);
        t.text = (const char *)sqlite3_column_text(q, 3);
        t.geo = (const char *)sqlite3_column_text(q, 4);
        t.source = (const char *)sqlite3_column_text(q, 7);
        t.status = "admitted";
        e.terms = &t;
        e.n_terms = 1;
        err = insert_terms(run, (const char *)sqlite3_column_text(q, 6),
                           sqlite3_column_int64(q, 1), &e, sqlite3_column_int64(q, 0),
                           1000000 + sqlite3_column_int64(q, 8));
        if (err) {
            sqlite3_finalize(q);
            return err;
        }
        run->national_terms++;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path, "cannot read the index");
    return 0;
}

static int sink_entry(void *ud, const char *file, const struct tei_entry *e)
{
    struct index_run *run = ud;
    sqlite3_stmt *st = run->st[ST_CONCEPT];
    sqlite3_int64 cid;
    int rc;

    if (e->kind == TEI_LEGAL)
        return insert_legal(run, file, e);
    if (e->kind == TEI_NOTION)
        return insert_notion(run, file, e);
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
    if (rc != SQLITE_DONE)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path, "cannot write the index");
    cid = sqlite3_last_insert_rowid(run->db);
    if ((rc = insert_terms(run, file, cid, e, 0, 0)) || (rc = insert_details(run, file, cid, e)))
        return rc;
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

    rc = glossa__store_open(&run->db, path, NULL,
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
    if (rc || (rc = exec(run, "CREATE TEMP TABLE sign(sign INTEGER, term_id INTEGER, digest INTEGER)",
                         "cannot create the index schema")))
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

static int write_meta(struct index_run *run, const struct tb_files *files)
{
    struct glossa_buf sources = GLOSSA_BUF_INIT;
    char when[32], counts[96];
    time_t now = (time_t)run->built_at;
    struct tm tm;
    sqlite3_stmt *st;
    size_t i;
    int rc = 0;
    const char *pairs[][2] = {
        { "schema_version", GLOSSA_SCHEMA_VERSION }, { "tokenizer", GLOSSA_TOKENIZER_VERSION },
        { "icu_version", U_ICU_VERSION }, { "unicode_version", U_UNICODE_VERSION },
        { "glossa_version", GLOSSA_VERSION }, { "built_at", when },
        { "counts", counts }, { "sources", NULL },
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

/* The first row of sql: column 0 as text (copied into text) and columns 0
** to 2 as numbers. A query that cannot run (out of memory, I/O) is that
** error, never taken for damage. */
static int read_row(struct index_run *run, const char *sql, char *text, size_t size,
                    sqlite3_int64 num[3])
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(run->db, sql, -1, &st, NULL);
    text[0] = '\0';
    num[0] = num[1] = num[2] = -1;
    if (rc == SQLITE_OK) {
        if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            snprintf(text, size, "%s", v ? v : "");
            num[0] = sqlite3_column_int64(st, 0);
            num[1] = sqlite3_column_int64(st, 1);
            num[2] = sqlite3_column_int64(st, 2);
            rc = v || sqlite3_errcode(run->db) != SQLITE_NOMEM ? SQLITE_OK : SQLITE_NOMEM;
        }
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path,
                                    "cannot check the new index");
    return 0;
}

/* The new file must pass SQLite's quick check (`glossa index --check` runs the
** full integrity check: a fifth of a build at a million terms), have one entry
** in each index per row, pass FTS5's checks, and hold what was read. */
static int verify(struct index_run *run)
{
    char text[64], problem[256];
    sqlite3_int64 num[3];
    int rc;

    if ((rc = read_row(run, "PRAGMA quick_check", text, sizeof text, num)))
        return rc;
    if (strcmp(text, "ok") != 0)
        return glossa__error_set(run->err, GLOSSA_ECORRUPT, run->db_path, 0, 0,
                                 "the new index failed its integrity check; the old one is kept");
    if ((rc = glossa__index_entries_match(run->db, problem, sizeof problem)) != SQLITE_OK)
        return glossa__error_sqlite(run->err, run->db, rc, run->db_path,
                                    "cannot check the new index");
    if (problem[0])
        return glossa__error_set(run->err, GLOSSA_ECORRUPT, run->db_path, 0, 0,
                                 "the new index failed its integrity check (%s); the old one is kept",
                                 problem);
    if ((rc = exec(run, "INSERT INTO term_fts(term_fts) VALUES ('integrity-check');"
                        "INSERT INTO term_stem_fts(term_stem_fts) VALUES ('integrity-check');"
                        "INSERT INTO text_fts(text_fts) VALUES ('integrity-check');",
                   "the new full-text index failed its integrity check")))
        return rc;
    if ((rc = read_row(run, "SELECT (SELECT count(*) FROM concept), (SELECT count(*) FROM term),"
                            " (SELECT count(*) FROM term_sign WHERE term_id > 0)",
                       text, sizeof text, num)))
        return rc;
    if ((unsigned long)num[0] != run->stats.concepts ||
        (unsigned long)num[1] != run->stats.terms + run->national_terms ||
        (unsigned long)num[2] != run->signs)
        return glossa__error_set(run->err, GLOSSA_ECORRUPT, run->db_path, 0, 0,
                                 "the new index does not hold what was read; the old one is kept");
    return 0;
}

/* Read every input into run->db through the loader, then sort the indexes,
** merge the full-text segments, write the metadata and verify. Returns 0
** only when all input is valid and the file holds it. */
static int build(struct index_run *run, const char *const *inputs, size_t n_inputs,
                 const glossa_index_opts *opts)
{
    struct tei_sink sink = { sink_bibl, sink_entry, NULL, run };
    struct tb_read_opts o = { opts, 0, &sink };
    struct tb_files files = { NULL, 0, 0 };
    int rc = glossa__tb_read(inputs, n_inputs, &o, &files, &run->stats, run->err);

    if (!rc)
        rc = add_national_terms(run);
    if (!rc && run->indexes.len)
        rc = exec(run, "PRAGMA cache_size=-16384; PRAGMA shrink_memory;",
                  "cannot configure the new index");
    if (!rc && run->indexes.len)
        rc = exec(run, run->indexes.data, "cannot create the indexes");
    /* the fuzzy tier's signs in order (sorted within the smaller page cache) */
    if (!rc)
        rc = exec(run, "INSERT INTO term_sign SELECT sign, term_id, digest FROM temp.sign ORDER BY 1, 2;"
                       " DROP TABLE temp.sign;"
                       /* a common sign's first row: term 0, how many terms it has */
                       " INSERT INTO term_sign SELECT sign, 0, count(*) FROM term_sign"
                       " GROUP BY sign HAVING count(*) > " STRINGIFY(GLOSSA_FUZZY_FEW) ";",
                  "cannot create the indexes");
    if (!rc && run->indexes.len)
        rc = exec(run, "PRAGMA cache_size=-32768;", "cannot configure the new index");
    if (!rc)
        rc = exec(run, FTS_OPTIMIZE("term_fts") FTS_OPTIMIZE("term_stem_fts")
                       FTS_OPTIMIZE("text_fts"),
                  "cannot merge the full-text indexes");
    if (!rc && !(rc = write_meta(run, &files)))
        rc = exec(run, "COMMIT", "cannot commit the index");
    if (!rc)
        rc = verify(run);
    glossa__tb_files_free(&files);
    return rc;
}

/* ---- the public entry point ------------------------------------------------------------ */

int glossa_index(const char *db_path, const char *const *inputs,
                 size_t n_inputs, const glossa_index_opts *opts,
                 glossa_index_stats *stats, glossa_error *err)
{
    struct glossa_publish *pub = NULL;
    struct index_run run;
    int rc;

    if (!db_path || !*db_path || strlen(db_path) >= GLOSSA_PATH_SIZE)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "empty or too long database path");
    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_INDEX_OPTS_VERSION, "glossa_index_opts", err))
        return GLOSSA_EINPUT;
    memset(&run, 0, sizeof run);
    if ((rc = glossa_time_now(&run.built_at, err)))
        return rc;
    if ((rc = glossa__publish_begin(db_path, opts && opts->version >= 2 && opts->force, &pub,
                                    err)))
        return rc;
    run.err = err;
    run.db_path = db_path;
    rc = run_open(&run, glossa__publish_temp(pub));
    if (!rc)
        rc = build(&run, inputs, n_inputs, opts);
    if (stats)
        *stats = run.stats;
    run_close(&run);
    if (!rc)
        return glossa__publish_commit(pub, err);
    glossa__publish_abort(pub);
    return rc;
}
