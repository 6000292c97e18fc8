/*
** lookup.c — opening an index and finding concepts by their terms.
**
** A query is tried as stored (exact), as a normalised key (ICU words, NFKC
** case folding, ё→е; see norm.c), and word by word through the FTS5 index
** (every query word in the term). Candidates are merged per concept and
** ranked by match kind, then bm25, then term status, then term-base order.
** User text never reaches MATCH unquoted: each word is an FTS5 string.
*/
#include "glossa_int.h"

#include <sqlite3.h>

#include <stdlib.h>
#include <string.h>

enum {
    Q_EXACT, Q_NORM, Q_FTS, Q_CONCEPT, Q_MATCHED, Q_TERMS, Q_DEFS, Q_NOTES, Q_COUNT
};

static const char *const queries[Q_COUNT] = {
    "SELECT id, concept_id, lang, status, ord FROM term WHERE text = ?1",
    "SELECT id, concept_id, lang, status, ord FROM term WHERE norm = ?1",
    "SELECT t.id, t.concept_id, t.lang, t.status, t.ord, bm25(term_fts) FROM term_fts"
    " JOIN term t ON t.id = term_fts.rowid WHERE term_fts MATCH ?1"
    " ORDER BY bm25(term_fts) LIMIT 500",
    "SELECT c.xml_id, c.status, c.reliability, s.citation, c.ord FROM concept c"
    " LEFT JOIN source s ON s.id = c.source_id WHERE c.id = ?1",
    "SELECT lang, text FROM term WHERE id = ?1",
    "SELECT lang, text, status, term_type, geo, working FROM term"
    " WHERE concept_id = ?1 ORDER BY ord",
    "SELECT d.lang, d.text, s.citation, d.basis FROM definition d"
    " LEFT JOIN source s ON s.id = d.source_id WHERE d.concept_id = ?1 ORDER BY d.ord",
    "SELECT lang, type, text FROM note WHERE concept_id = ?1 ORDER BY ord",
};

struct glossa_db {
    sqlite3 *sql;
    char *path;
    sqlite3_stmt *q[Q_COUNT];
    struct glossa_norm *norm;
    struct glossa_buf key, fts;
};

struct glossa_results {
    struct glossa_arena *arena;
    glossa_hit *hits;
    size_t n;
};

/* One candidate: the best-matching term of a concept so far. */
struct candidate {
    sqlite3_int64 concept_id, term_id;
    int kind;
    double bm25;        /* 0 for exact/normalised; negative, lower is better */
    int status_rank;    /* preferred 0, admitted 1, deprecated 2 */
    int term_ord;
};

struct candidates {
    struct candidate *items;
    size_t n, cap;
};

/* ---- opening -------------------------------------------------------------------- */

int glossa_db_open(glossa_db **out, const char *path, glossa_error *err)
{
    glossa_db *db;
    int rc, i;

    db = glossa__calloc(1, sizeof *db);
    if (!db || !(db->path = glossa__strdup(path))) {
        glossa__free(db);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    rc = glossa__store_open(&db->sql, path, SQLITE_OPEN_READONLY, err);
    if (rc == GLOSSA_ENOTFOUND)
        glossa__error_set(err, GLOSSA_ENOTFOUND, path, 0, 0,
                          "no index here: run 'glossa index' first (or give --db PATH)");
    if (!rc)
        rc = glossa__store_check_meta(db->sql, path, err);
    for (i = 0; !rc && i < Q_COUNT; i++) {
        int src = sqlite3_prepare_v3(db->sql, queries[i], -1, SQLITE_PREPARE_PERSISTENT,
                                     &db->q[i], NULL);
        if (src != SQLITE_OK)
            rc = glossa__error_sqlite(err, db->sql, src, path, "cannot read the index");
    }
    if (!rc)
        rc = glossa__norm_new(&db->norm, err);
    if (rc) {
        glossa_db_close(db);
        return rc;
    }
    *out = db;
    return 0;
}

void glossa_db_close(glossa_db *db)
{
    int i;
    if (!db)
        return;
    for (i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(db->q[i]);
    sqlite3_close(db->sql);
    glossa__norm_free(db->norm);
    glossa__buf_release(&db->key);
    glossa__buf_release(&db->fts);
    glossa__free(db->path);
    glossa__free(db);
}

const char *glossa_match_kind_name(glossa_match_kind kind)
{
    switch (kind) {
    case GLOSSA_MATCH_EXACT: return "exact";
    case GLOSSA_MATCH_NORMALIZED: return "normalized";
    case GLOSSA_MATCH_FULLTEXT: return "fulltext";
    }
    return "unknown";
}

/* ---- collecting candidates ------------------------------------------------------------ */

static int status_rank(const char *status)
{
    if (!status || strcmp(status, "preferred") == 0)
        return 0;
    return strcmp(status, "admitted") == 0 ? 1 : 2;
}

/* Lower is better. */
static int candidate_cmp(const struct candidate *a, const struct candidate *b)
{
    if (a->kind != b->kind)
        return a->kind - b->kind;
    if (a->bm25 != b->bm25)
        return a->bm25 < b->bm25 ? -1 : 1;
    if (a->status_rank != b->status_rank)
        return a->status_rank - b->status_rank;
    return a->term_ord - b->term_ord;
}

static int offer(struct candidates *c, const struct candidate *cand)
{
    size_t i;
    for (i = 0; i < c->n; i++) {
        if (c->items[i].concept_id == cand->concept_id) {
            if (candidate_cmp(cand, &c->items[i]) < 0)
                c->items[i] = *cand;
            return 0;
        }
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        struct candidate *p = glossa__realloc(c->items, cap * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        c->items = p;
        c->cap = cap;
    }
    c->items[c->n++] = *cand;
    return 0;
}

static int collect(glossa_db *db, sqlite3_stmt *st, int kind, const char *from,
                   struct candidates *out, glossa_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct candidate cand;
        const char *lang = (const char *)sqlite3_column_text(st, 2);
        if (from && *from && !glossa__lang_in_list(lang, from))
            continue;
        cand.term_id = sqlite3_column_int64(st, 0);
        cand.concept_id = sqlite3_column_int64(st, 1);
        cand.status_rank = status_rank((const char *)sqlite3_column_text(st, 3));
        cand.term_ord = sqlite3_column_int(st, 4);
        cand.kind = kind;
        cand.bm25 = kind == GLOSSA_MATCH_FULLTEXT ? sqlite3_column_double(st, 5) : 0.0;
        if (offer(out, &cand)) {
            sqlite3_reset(st);
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    return 0;
}

/* Each word of the query as a quoted FTS5 string: "a" "b" means a AND b.
** Boolean operators typed in capitals between words ("information AND
** security") say what the user wants, all words, and are not words to find. */
struct fts_query {
    struct glossa_buf *q;
    const char *text;
    size_t words;
};

static int is_operator(const char *s, size_t n)
{
    return (n == 3 && (memcmp(s, "AND", 3) == 0 || memcmp(s, "NOT", 3) == 0)) ||
           (n == 2 && memcmp(s, "OR", 2) == 0) || (n == 4 && memcmp(s, "NEAR", 4) == 0);
}

static int add_fts_word(void *ud, const char *tok, size_t len, size_t start, size_t end)
{
    struct fts_query *fq = ud;
    struct glossa_buf *q = fq->q;
    size_t i;
    if (fq->words++ > 0 && is_operator(fq->text + start, end - start))
        return 0;
    if (glossa__buf_adds(q, q->len ? " \"" : "\""))
        return GLOSSA_ENOMEM;
    for (i = 0; i < len; i++)
        if (glossa__buf_add(q, tok + i, 1) || (tok[i] == '"' && glossa__buf_add(q, "\"", 1)))
            return GLOSSA_ENOMEM;
    return glossa__buf_add(q, "\"", 1);
}

static int candidate_sort(const void *a, const void *b)
{
    return candidate_cmp(a, b);
}

/* ---- building hits ---------------------------------------------------------------------- */

static const char *col_text(struct glossa_arena *a, sqlite3_stmt *st, int i, int *oom)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    char *copy;
    if (!s)
        return NULL;
    copy = glossa__arena_strdup(a, s);
    if (!copy)
        *oom = 1;
    return copy;
}

/* Fill h->terms with the concept's terms in the languages of to. */
static int load_terms(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                      sqlite3_int64 cid, const char *to, int *oom)
{
    sqlite3_stmt *st = db->q[Q_TERMS];
    size_t cap = 8, n = 0;
    glossa_term *terms = glossa__arena_alloc(a, cap * sizeof *terms);
    int rc;

    sqlite3_bind_int64(st, 1, cid);
    while (terms && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_term *t;
        if (!glossa__lang_in_list((const char *)sqlite3_column_text(st, 0), to))
            continue;
        if (n == cap) {
            glossa_term *more = glossa__arena_alloc(a, cap * 2 * sizeof *more);
            if (!more) {
                terms = NULL;
                break;
            }
            memcpy(more, terms, n * sizeof *more);
            terms = more;
            cap *= 2;
        }
        t = &terms[n++];
        t->lang = col_text(a, st, 0, oom);
        t->text = col_text(a, st, 1, oom);
        t->status = col_text(a, st, 2, oom);
        t->term_type = col_text(a, st, 3, oom);
        t->geo = col_text(a, st, 4, oom);
        t->working = sqlite3_column_int(st, 5);
    }
    rc = sqlite3_reset(st);
    if (!terms)
        *oom = 1;
    h->terms = terms;
    h->n_terms = n;
    return rc;
}

/* Definitions in the languages of to; when there are none, those of the
** authentic languages (ru, zh), so a translator always sees a definition. */
static int load_definitions(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                            sqlite3_int64 cid, const char *to, int *oom)
{
    sqlite3_stmt *st = db->q[Q_DEFS];
    const char *lists[2] = { to, "ru,zh" };
    int pass, rc = SQLITE_OK;

    for (pass = 0; pass < 2 && h->n_definitions == 0; pass++) {
        size_t n = 0, cap = 4;
        glossa_definition *defs = glossa__arena_alloc(a, cap * sizeof *defs);
        sqlite3_bind_int64(st, 1, cid);
        while (defs && sqlite3_step(st) == SQLITE_ROW) {
            glossa_definition *d;
            if (!glossa__lang_in_list((const char *)sqlite3_column_text(st, 0), lists[pass]))
                continue;
            if (n == cap) {
                glossa_definition *more = glossa__arena_alloc(a, cap * 2 * sizeof *more);
                if (!more) {
                    defs = NULL;
                    break;
                }
                memcpy(more, defs, n * sizeof *more);
                defs = more;
                cap *= 2;
            }
            d = &defs[n++];
            d->lang = col_text(a, st, 0, oom);
            d->text = col_text(a, st, 1, oom);
            d->source = col_text(a, st, 2, oom);
            d->basis = col_text(a, st, 3, oom);
        }
        rc = sqlite3_reset(st);
        if (!defs)
            *oom = 1;
        h->definitions = defs;
        h->n_definitions = n;
        if (!to)
            break;
    }
    return rc;
}

/* Notes in the languages of to, else the English ones. */
static int load_notes(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                      sqlite3_int64 cid, const char *to, int *oom)
{
    sqlite3_stmt *st = db->q[Q_NOTES];
    const char *lists[2] = { to, "en" };
    int pass, rc = SQLITE_OK;

    for (pass = 0; pass < 2 && h->n_notes == 0; pass++) {
        size_t n = 0, cap = 4;
        glossa_note *notes = glossa__arena_alloc(a, cap * sizeof *notes);
        sqlite3_bind_int64(st, 1, cid);
        while (notes && sqlite3_step(st) == SQLITE_ROW) {
            glossa_note *note;
            if (!glossa__lang_in_list((const char *)sqlite3_column_text(st, 0), lists[pass]))
                continue;
            if (n == cap) {
                glossa_note *more = glossa__arena_alloc(a, cap * 2 * sizeof *more);
                if (!more) {
                    notes = NULL;
                    break;
                }
                memcpy(more, notes, n * sizeof *more);
                notes = more;
                cap *= 2;
            }
            note = &notes[n++];
            note->lang = col_text(a, st, 0, oom);
            note->type = col_text(a, st, 1, oom);
            note->text = col_text(a, st, 2, oom);
        }
        rc = sqlite3_reset(st);
        if (!notes)
            *oom = 1;
        h->notes = notes;
        h->n_notes = n;
        if (!to)
            break;
    }
    return rc;
}

static double score_of(const struct candidate *c)
{
    double r;
    switch (c->kind) {
    case GLOSSA_MATCH_EXACT: return 1.0;
    case GLOSSA_MATCH_NORMALIZED: return 0.9;
    default:
        r = -c->bm25;
        if (r < 0)
            r = 0;
        return 0.5 + 0.3 * r / (1.0 + r);
    }
}

static int load_hit(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                    const struct candidate *c, const char *to, glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_CONCEPT];
    int oom = 0, rc;

    memset(h, 0, sizeof *h);
    sqlite3_bind_int64(st, 1, c->concept_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        h->id = col_text(a, st, 0, &oom);
        h->status = col_text(a, st, 1, &oom);
        h->reliability = sqlite3_column_int(st, 2);
        h->instrument = col_text(a, st, 3, &oom);
        rc = SQLITE_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    h->score = score_of(c);
    h->how = (glossa_match_kind)c->kind;

    st = db->q[Q_MATCHED];
    sqlite3_bind_int64(st, 1, c->term_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        h->match_lang = col_text(a, st, 0, &oom);
        h->match_text = col_text(a, st, 1, &oom);
    }
    sqlite3_reset(st);
    if ((rc = load_terms(db, a, h, c->concept_id, to, &oom)) == SQLITE_OK &&
        (rc = load_definitions(db, a, h, c->concept_id, to, &oom)) == SQLITE_OK)
        rc = load_notes(db, a, h, c->concept_id, to, &oom);
    if (oom)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    return 0;
}

/* ---- the query ------------------------------------------------------------------------- */

int glossa_lookup(glossa_db *db, const char *query, const glossa_lookup_opts *opts,
                  glossa_results **out, glossa_error *err)
{
    static const glossa_lookup_opts defaults = GLOSSA_LOOKUP_OPTS_INIT;
    struct candidates cands = { NULL, 0, 0 };
    glossa_results *res = NULL;
    size_t qlen, limit, i;
    int rc;

    if (!opts)
        opts = &defaults;
    if (!query)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no query");
    qlen = strlen(query);
    if (qlen > 4096)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "query too long (%zu bytes, at most 4096)", qlen);
    limit = opts->limit ? opts->limit : 10;

    sqlite3_bind_text(db->q[Q_EXACT], 1, query, (int)qlen, SQLITE_STATIC);
    rc = collect(db, db->q[Q_EXACT], GLOSSA_MATCH_EXACT, opts->from, &cands, err);
    if (!rc && glossa__norm_key(db->norm, query, qlen, &db->key))
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc && db->key.len) {
        sqlite3_bind_text(db->q[Q_NORM], 1, db->key.data, (int)db->key.len, SQLITE_STATIC);
        rc = collect(db, db->q[Q_NORM], GLOSSA_MATCH_NORMALIZED, opts->from, &cands, err);
    }
    if (!rc && db->key.len) {
        struct fts_query fq = { &db->fts, query, 0 };
        glossa__buf_clear(&db->fts);
        if (glossa__norm_tokens(db->norm, query, qlen, add_fts_word, &fq))
            rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        else {
            sqlite3_bind_text(db->q[Q_FTS], 1, db->fts.data, (int)db->fts.len, SQLITE_STATIC);
            rc = collect(db, db->q[Q_FTS], GLOSSA_MATCH_FULLTEXT, opts->from, &cands, err);
        }
    }
    if (!rc) {
        if (cands.n > 1)
            qsort(cands.items, cands.n, sizeof *cands.items, candidate_sort);
        res = glossa__calloc(1, sizeof *res);
        if (!res || !(res->arena = glossa__arena_new()))
            rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        size_t n = cands.n < limit ? cands.n : limit;
        res->hits = glossa__arena_alloc(res->arena, (n ? n : 1) * sizeof *res->hits);
        if (!res->hits)
            rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        for (i = 0; !rc && i < n; i++) {
            rc = load_hit(db, res->arena, &res->hits[i], &cands.items[i], opts->to, err);
            if (!rc)
                res->n++;
        }
    }
    glossa__free(cands.items);
    if (rc) {
        glossa_results_free(res);
        return rc;
    }
    *out = res;
    return 0;
}

size_t glossa_results_count(const glossa_results *res)
{
    return res ? res->n : 0;
}

const glossa_hit *glossa_results_get(const glossa_results *res, size_t i)
{
    return res && i < res->n ? &res->hits[i] : NULL;
}

void glossa_results_free(glossa_results *res)
{
    if (!res)
        return;
    glossa__arena_free(res->arena);
    glossa__free(res);
}
