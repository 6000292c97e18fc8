/*
** results.c — turning the ranked candidates of a lookup into hits: each
** concept loaded with its terms, definitions and notes in the languages
** asked for and in force on the day asked for (load_hit), its score, and
** the words of the matched text that the query matched (highlight), the
** national acts' definitions that relate to it (glossa__load_legal); the
** result sets the library hands out (glossa_results_*); and which rows are
** in force on the query's day (glossa__row_in_force, for the tiers too).
*/
#include "lookup_int.h"

#include <stdlib.h>
#include <string.h>

struct glossa_results {
    struct glossa_arena *arena;
    glossa_hit *hits;
    size_t n;
};

const char *glossa__row_lang(glossa_db *db, sqlite3_stmt *st, int col, const char *table)
{
    return glossa__col_text(&db->rd, st, col, table, GLOSSA_COL_LANG);
}

int glossa__row_in_force(glossa_db *db, sqlite3_stmt *st, int col, const char *table,
                         const struct query *q)
{
    const char *from = glossa__col_text(&db->rd, st, col, table, GLOSSA_COL_NULL | GLOSSA_COL_DATE);
    const char *to = glossa__col_text(&db->rd, st, col + 1, table, GLOSSA_COL_NULL | GLOSSA_COL_DATE);
    return q->history || glossa__in_force(from, to, q->as_of);
}

const char *glossa__row_text(glossa_db *db, struct glossa_arena *a, sqlite3_stmt *st, int i,
                             const char *table, unsigned flags, int *oom)
{
    const char *s = glossa__col_text(&db->rd, st, i, table, flags);
    char *copy;
    if (!s)
        return NULL;
    copy = glossa__arena_strdup(a, s);
    if (!copy)
        *oom = 1;
    return copy;
}

void *glossa__room_for_one(struct glossa_arena *a, void *items, size_t n, size_t *cap,
                           size_t size)
{
    size_t more_cap = *cap ? *cap * 2 : 8;
    void *more;
    if (n < *cap)
        return items;
    if (!(more = glossa__arena_alloc(a, more_cap * size)))
        return NULL;
    if (n)
        memcpy(more, items, n * size);
    *cap = more_cap;
    return more;
}

/* Fill h->terms with the concept's terms in the languages of to. */
static int load_terms(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                      sqlite3_int64 cid, const char *to, const struct query *q, int *oom)
{
    sqlite3_stmt *st = db->q[Q_TERMS];
    size_t cap = 8, n = 0;
    glossa_term *terms = glossa__arena_alloc(a, cap * sizeof *terms);
    int rc;

    sqlite3_bind_int64(st, 1, cid);
    while (terms && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_term *t;
        if (!glossa__lang_in_list(glossa__row_lang(db, st, 0, "term"), to) ||
            !glossa__row_in_force(db, st, 6, "term", q))
            continue;
        if (!(terms = glossa__room_for_one(a, terms, n, &cap, sizeof *terms)))
            break;
        t = &terms[n++];
        t->lang = glossa__row_text(db, a, st, 0, "term", GLOSSA_COL_LANG, oom);
        t->text = glossa__row_text(db, a, st, 1, "term", 0, oom);
        t->status = glossa__col_enum(&db->rd, st, 2, "term", glossa__term_statuses) < 0
                        ? NULL : glossa__row_text(db, a, st, 2, "term", 0, oom);
        t->term_type = glossa__row_text(db, a, st, 3, "term", GLOSSA_COL_NULL, oom);
        t->geo = glossa__row_text(db, a, st, 4, "term", GLOSSA_COL_NULL, oom);
        t->working = (int)glossa__col_int(&db->rd, st, 5, "term", 0, 1, 0);
        t->valid_from =
            glossa__row_text(db, a, st, 6, "term", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
        t->valid_to =
            glossa__row_text(db, a, st, 7, "term", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
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
                            sqlite3_int64 cid, const char *to, const struct query *q, int *oom)
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
            if (!glossa__lang_in_list(glossa__row_lang(db, st, 0, "definition"), lists[pass]) ||
                !glossa__row_in_force(db, st, 4, "definition", q))
                continue;
            if (!(defs = glossa__room_for_one(a, defs, n, &cap, sizeof *defs)))
                break;
            d = &defs[n++];
            d->lang = glossa__row_text(db, a, st, 0, "definition", GLOSSA_COL_LANG, oom);
            d->text = glossa__row_text(db, a, st, 1, "definition", 0, oom);
            d->source = glossa__row_text(db, a, st, 2, "source", GLOSSA_COL_NULL, oom);
            d->basis = glossa__col_enum(&db->rd, st, 3, "definition", glossa__definition_bases) < 0
                           ? NULL : glossa__row_text(db, a, st, 3, "definition", 0, oom);
            d->valid_from = glossa__row_text(db, a, st, 4, "definition", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
            d->valid_to = glossa__row_text(db, a, st, 5, "definition", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
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
            if (!glossa__lang_in_list(glossa__row_lang(db, st, 0, "note"), lists[pass]))
                continue;
            if (!(notes = glossa__room_for_one(a, notes, n, &cap, sizeof *notes)))
                break;
            note = &notes[n++];
            note->lang = glossa__row_text(db, a, st, 0, "note", GLOSSA_COL_LANG, oom);
            note->type = glossa__row_text(db, a, st, 1, "note", 0, oom);
            note->text = glossa__row_text(db, a, st, 2, "note", 0, oom);
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

/* Contexts in the languages of to (all when to is NULL), and every
** cross-reference of the concept, the other concept named in to's first
** language (without to, the matched term's) where it has a term in it, else
** as the term base labels it. */
static int load_contexts(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                         sqlite3_int64 cid, const char *to, int *oom)
{
    sqlite3_stmt *st = db->q[Q_CONTEXTS];
    glossa_context *items = NULL;
    glossa_xref *xrefs = NULL;
    size_t n = 0, cap = 0;
    int rc;

    sqlite3_bind_int64(st, 1, cid);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_context *c;
        if (!glossa__lang_in_list(glossa__row_lang(db, st, 0, "attestation"), to))
            continue;
        if (!(items = glossa__room_for_one(a, items, n, &cap, sizeof *items))) {
            *oom = 1;
            break;
        }
        c = &items[n++];
        c->lang = glossa__row_text(db, a, st, 0, "attestation", GLOSSA_COL_LANG, oom);
        c->text = glossa__row_text(db, a, st, 1, "attestation", 0, oom);
        c->source = glossa__row_text(db, a, st, 2, "source", GLOSSA_COL_NULL, oom);
    }
    sqlite3_reset(st);
    h->contexts = items;
    h->n_contexts = n;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return rc;
    st = db->q[Q_XREFS];
    n = cap = 0;
    sqlite3_bind_int64(st, 1, cid);
    /* the other concept named by its term in the first language asked for,
    ** else in the language the query matched */
    if (to)
        sqlite3_bind_text(st, 2, to, (int)strcspn(to, ","), SQLITE_TRANSIENT);
    else
        sqlite3_bind_text(st, 2, h->match_lang ? h->match_lang : "", -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_xref *x;
        if (!(xrefs = glossa__room_for_one(a, xrefs, n, &cap, sizeof *xrefs))) {
            *oom = 1;
            break;
        }
        x = &xrefs[n++];
        x->type = glossa__row_text(db, a, st, 0, "xref", 0, oom);
        x->target = glossa__row_text(db, a, st, 1, "xref", 0, oom);
        x->label = glossa__row_text(db, a, st, 2, "xref", GLOSSA_COL_NULL, oom);
    }
    sqlite3_reset(st);
    h->xrefs = xrefs;
    h->n_xrefs = n;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* ---- national definitions (national.c has the notions) ---------------------------- */

const char glossa__legal_relations[] = "same\0broader\0narrower\0related\0";

int glossa__load_legal(glossa_db *db, struct glossa_arena *a, const char *target,
                       const glossa_legal **out, size_t *n_out, int *oom)
{
    sqlite3_stmt *st = db->q[Q_LEGAL];
    size_t n = 0, cap = 0;
    glossa_legal *items = NULL;
    int rc;

    *out = NULL;
    *n_out = 0;
    sqlite3_bind_text(st, 1, target, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_legal *l;
        glossa_legal *more = glossa__room_for_one(a, items, n, &cap, sizeof *items);
        if (!more) {
            *oom = 1;
            break;
        }
        items = more;
        l = &items[n++];
        memset(l, 0, sizeof *l);
        l->id = glossa__row_text(db, a, st, 0, "legal_definition", 0, oom);
        l->state = glossa__row_text(db, a, st, 1, "act", 0, oom);
        l->act_id = glossa__row_text(db, a, st, 2, "act", 0, oom);
        l->act = glossa__row_text(db, a, st, 3, "act_title", GLOSSA_COL_NULL, oom);
        l->number = glossa__row_text(db, a, st, 4, "act", GLOSSA_COL_NULL, oom);
        l->adopted = glossa__row_text(db, a, st, 5, "act", GLOSSA_COL_NULL, oom);
        l->article = glossa__row_text(db, a, st, 6, "legal_definition", GLOSSA_COL_NULL, oom);
        l->lang = glossa__row_text(db, a, st, 7, "legal_definition", GLOSSA_COL_LANG, oom);
        l->term = glossa__row_text(db, a, st, 8, "legal_definition", 0, oom);
        l->text = glossa__row_text(db, a, st, 9, "legal_definition", 0, oom);
        l->target = glossa__row_text(db, a, st, 10, "legal_definition", 0, oom);
        l->relation = glossa__col_enum(&db->rd, st, 11, "legal_definition",
                                       glossa__legal_relations) < 0
                          ? "related" : glossa__row_text(db, a, st, 11, "legal_definition", 0, oom);
        l->reliability = (int)glossa__col_int(&db->rd, st, 12, "legal_definition", 1, 4, 0);
        l->version = glossa__row_text(db, a, st, 13, "legal_definition",
                                      GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
        l->url = glossa__row_text(db, a, st, 14, "legal_definition", 0, oom);
        l->translation = glossa__row_text(db, a, st, 15, "legal_definition", GLOSSA_COL_NULL, oom);
        l->note = glossa__row_text(db, a, st, 16, "legal_definition", GLOSSA_COL_NULL, oom);
    }
    sqlite3_reset(st);
    *out = items;
    *n_out = n;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static double score_of(const struct candidate *c)
{
    static const double base[] = { 1.0, 0.9, 0.8, 0.7, 0.6, 0.4, 0.5, 0.5 };
    double s = c->kind >= 0 && c->kind <= GLOSSA_MATCH_FTS ? base[c->kind] : 0.1;
    double r = -c->bm25;
    if (c->kind == GLOSSA_MATCH_LAYOUT) { /* as its reading matched, less a little */
        struct candidate in = *c;
        in.kind = c->inner;
        return score_of(&in) - 0.1;
    }
    if (c->kind == GLOSSA_MATCH_FUZZY)
        return s - 0.05 * c->sub;
    if (c->sub)
        s -= 0.05;
    if (r > 0)
        s += 0.04 * r / (1.0 + r);
    return s;
}

/* Mark the words of text that the query matched: same normalised word or
** stem, or (prefix) a word that begins with a query word. */
struct highlight_ctx {
    glossa_db *db;
    const struct query_keys *keys;
    struct glossa_arena *arena;
    const char *lang;
    int prefix, whole;
    glossa_span *spans;
    size_t n, cap;
    int oom;
};

static int word_in(const char *words, const char *w, size_t n, int prefix)
{
    const char *p = words;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if ((len == n && memcmp(p, w, n) == 0) || (prefix && len <= n && len && memcmp(p, w, len) == 0))
            return 1;
        if (!sp)
            break;
        p = sp + 1;
    }
    return 0;
}

static int mark_word(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct highlight_ctx *h = ud;
    const char *stem;
    size_t stem_len;
    int hit;
    if (flags & GLOSSA_TOKEN_COLOCATED)
        return 0;
    hit = h->whole || word_in(glossa__buf_str(&h->keys->key), tok, len, h->prefix);
    if (!hit && !glossa__stem_token(h->db->keys, tok, len,
                                    glossa__keys_can_stem(h->lang) ? h->lang : NULL, &stem, &stem_len))
        hit = word_in(glossa__buf_str(&h->keys->stem), stem, stem_len, 0);
    if (!hit)
        return 0;
    if (h->n && h->spans[h->n - 1].end >= start) {
        h->spans[h->n - 1].end = end; /* join neighbours */
        return 0;
    }
    if (!(h->spans = glossa__room_for_one(h->arena, h->spans, h->n, &h->cap, sizeof *h->spans))) {
        h->oom = 1;
        return GLOSSA_ENOMEM;
    }
    h->spans[h->n].start = start;
    h->spans[h->n].end = end;
    h->n++;
    return 0;
}

static int highlight(glossa_db *db, const struct query_keys *keys, struct glossa_arena *a,
                     glossa_hit *h)
{
    struct highlight_ctx c;
    if (!h->match_text)
        return 0;
    memset(&c, 0, sizeof c);
    c.db = db;
    c.keys = keys;
    c.arena = a;
    c.lang = h->match_lang;
    c.prefix = h->how == GLOSSA_MATCH_PREFIX;
    c.whole = h->how == GLOSSA_MATCH_EXACT || h->how == GLOSSA_MATCH_NORMALIZED ||
              h->how == GLOSSA_MATCH_TRANSLIT || h->how == GLOSSA_MATCH_FUZZY ||
              h->how == GLOSSA_MATCH_LAYOUT; /* the query's keys are not the reading's */
    if (c.whole) {
        c.spans = glossa__arena_alloc(a, sizeof *c.spans);
        if (!c.spans)
            return GLOSSA_ENOMEM;
        c.spans[0].start = 0;
        c.spans[0].end = strlen(h->match_text);
        c.n = 1;
    } else {
        glossa__norm_tokens(glossa__keys_norm(db->keys), h->match_text, strlen(h->match_text),
                            mark_word, &c);
    }
    h->highlights = c.spans;
    h->n_highlights = c.n;
    return c.oom ? GLOSSA_ENOMEM : 0;
}

static int load_hit(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                    const struct candidate *c, const char *to, const struct query *q,
                    glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_CONCEPT];
    int oom = 0, rc;

    memset(h, 0, sizeof *h);
    sqlite3_bind_int64(st, 1, c->concept_id);
    /* HEADS: the matched term alone, not the concept's row (id NULL) */
    rc = q->flags & GLOSSA__LOOKUP_HEADS ? SQLITE_OK : sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        h->id = glossa__row_text(db, a, st, 0, "concept", 0, &oom);
        h->status = glossa__col_enum(&db->rd, st, 1, "concept", glossa__concept_statuses) < 0
                        ? NULL : glossa__row_text(db, a, st, 1, "concept", 0, &oom);
        h->reliability = (int)glossa__col_int(&db->rd, st, 2, "concept", 1, 4, 0);
        h->instrument = glossa__row_text(db, a, st, 3, "source", GLOSSA_COL_NULL, &oom);
        h->annex = sqlite3_column_int(st, 5) == 1;
        rc = SQLITE_OK;
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return glossa__damaged(err, db->path, "concept %lld of a matching row is not there",
                               (long long)c->concept_id);
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if (db->rd.damaged)
        return glossa__db_end(db, 0, err);
    h->score = score_of(c);
    h->how = (glossa_match_kind)c->kind;
    h->within_start = c->q_start;
    h->within_end = c->q_end;
    st = db->q[c->kind == GLOSSA_MATCH_FULLTEXT ? Q_TEXT_ROW : Q_MATCHED];
    sqlite3_bind_int64(st, 1, c->row_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *table = c->kind == GLOSSA_MATCH_FULLTEXT ? "text_fts" : "term";
        h->match_lang = glossa__row_text(db, a, st, 0, table, GLOSSA_COL_LANG, &oom);
        h->match_text = glossa__row_text(db, a, st, 1, table, 0, &oom);
        h->match_state = glossa__row_text(db, a, st, 2, "act", GLOSSA_COL_NULL, &oom);
        h->match_relation = glossa__row_text(db, a, st, 3, "legal_definition", GLOSSA_COL_NULL, &oom);
    }
    sqlite3_reset(st);
    if (c->layout) {
        h->layout_typed = c->layout->typed;
        h->layout_read = glossa__layout_read_as(c->layout, h->match_lang);
        if (!(h->layout_text = glossa__arena_strdup(a, glossa__buf_str(&c->layout->text))))
            oom = 1;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if (q->flags & GLOSSA__LOOKUP_HEADS) { /* the caller shows the matched term alone */
        if (!(q->flags & GLOSSA__LOOKUP_NO_TERMS))
            rc = load_terms(db, a, h, c->concept_id, to, q, &oom);
        else
            rc = SQLITE_OK;
    } else if ((rc = load_terms(db, a, h, c->concept_id, to, q, &oom)) == SQLITE_OK &&
        (rc = load_definitions(db, a, h, c->concept_id, to, q, &oom)) == SQLITE_OK &&
        (rc = load_notes(db, a, h, c->concept_id, to, &oom)) == SQLITE_OK &&
        (rc = load_contexts(db, a, h, c->concept_id, to, &oom)) == SQLITE_OK && h->id)
        rc = glossa__load_legal(db, a, h->id, &h->legal, &h->n_legal, &oom);
    if (!oom && !(q->flags & GLOSSA__LOOKUP_HEADS) && highlight(db, q->keys, a, h))
        oom = 1;
    if (oom)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    return 0;
}

int glossa__results_new(glossa_results **out, size_t n, glossa_error *err)
{
    glossa_results *res = glossa__calloc(1, sizeof *res);
    if (!res || !(res->arena = glossa__arena_new()) ||
        !(res->hits = glossa__arena_alloc(res->arena, (n ? n : 1) * sizeof *res->hits))) {
        glossa_results_free(res);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = res;
    return 0;
}

int glossa__results_add(glossa_db *db, glossa_results *res, const struct candidate *c,
                        const char *to, const struct query *q, glossa_error *err)
{
    int rc = load_hit(db, res->arena, &res->hits[res->n], c, to, q, err);
    if (!rc)
        res->n++;
    return rc;
}

struct glossa_arena *glossa__results_arena(glossa_results *res)
{
    return res->arena;
}

void glossa__results_sort(glossa_results *res, int (*cmp)(const void *, const void *))
{
    qsort(res->hits, res->n, sizeof *res->hits, cmp);
}

void glossa__results_clear(glossa_results *res)
{
    res->n = 0;
}

glossa_hit *glossa__results_push(glossa_results *res)
{
    glossa_hit *h = &res->hits[res->n++];
    memset(h, 0, sizeof *h);
    return h;
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
