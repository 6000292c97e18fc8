/*
** scan.c — finding every glossary term in running text (`glossa scan`).
**
** The scanner reads every term of an index once and builds a trie over
** words: terms of a language that has a Snowball stemmer (ru, en, hi) are
** keyed by the stems of their words, the others (and abbreviations) by their
** normalised words. The document is split into normalised words (text.c,
** norm.c); each is stemmed once per distinct form (a cache), and the word
** stream is walked once: at each word the longest term that starts there
** wins and the walk goes on after it (leftmost-longest, no overlaps). The
** work per word is bounded by the longest term, so scanning is linear in the
** size of the document. SQLite is read only when the scanner is made.
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string.h>

enum { ROOT_STEM = 0, ROOT_PLAIN = 1 };

#define CACHE_MAX 1000000   /* distinct text words remembered before starting afresh */
#define MIN_SINGLE_STEM 4   /* a one-word term with a shorter stem matches only unstemmed */
#define MAX_PATHS 8         /* trie paths of one term (words with two stems) */

struct scan_term {
    int concept;            /* index into concepts */
    const char *lang, *text;
    int rank;               /* status (preferred first), then term-base order */
    int upper;              /* an abbreviation: matches only when written in capitals */
};

struct term_link {          /* the terms ending at a node, best first */
    int32_t term;
    int32_t next;           /* next link, or -1 */
};

struct scan_concept {
    const char *id, *status;
    int reliability;
    glossa_term *eq;
    size_t n_eq;
};

struct edge {
    uint64_t key;           /* node << 32 | word id */
    int32_t child;          /* 0: empty slot (the roots are never children) */
};

struct glossa_scanner {
    struct glossa_arena *arena;
    struct glossa_keys *keys;
    struct glossa_strmap words;        /* term words (stems or normalised) → word id */
    int32_t *node_terms;               /* first link of the terms ending at each node, or -1 */
    struct term_link *links;
    size_t n_links, cap_links;
    size_t n_nodes, cap_nodes;
    struct edge *edges;
    size_t n_edges, cap_edges;         /* cap_edges: a power of two */
    struct scan_term *terms;
    size_t n_terms, cap_terms;
    struct scan_concept *concepts;
    size_t n_concepts, cap_concepts;
    int max_words;                     /* words of the longest term */
    struct glossa_strmap cache;        /* text words seen → their word ids */
    int32_t *cache_ids;                /* two per cached word: stem, plain */
    size_t cap_cache;
};

struct glossa_scan {
    struct glossa_arena *arena;
    glossa_scan_match *items;
    size_t n, cap;
    char *text;
    size_t len;
    const char *name;
};

/* ---- the trie --------------------------------------------------------------------------- */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

static int32_t edge_find(const glossa_scanner *s, int32_t node, int32_t word)
{
    uint64_t key = (uint64_t)node << 32 | (uint32_t)word;
    size_t mask = s->cap_edges - 1, i = (size_t)mix(key) & mask;
    for (;; i = (i + 1) & mask) {
        if (s->edges[i].child == 0)
            return -1;
        if (s->edges[i].key == key)
            return s->edges[i].child;
    }
}

static int edge_put(glossa_scanner *s, int32_t node, int32_t word, int32_t child)
{
    uint64_t key = (uint64_t)node << 32 | (uint32_t)word;
    size_t mask, i;
    if ((s->n_edges + 1) * 2 > s->cap_edges) {
        size_t cap = s->cap_edges ? s->cap_edges * 2 : 256, k;
        struct edge *e = glossa__calloc(cap, sizeof *e);
        if (!e)
            return GLOSSA_ENOMEM;
        for (k = 0; k < s->cap_edges; k++) {
            if (!s->edges[k].child)
                continue;
            for (i = (size_t)mix(s->edges[k].key) & (cap - 1); e[i].child; i = (i + 1) & (cap - 1))
                ;
            e[i] = s->edges[k];
        }
        glossa__free(s->edges);
        s->edges = e;
        s->cap_edges = cap;
    }
    mask = s->cap_edges - 1;
    for (i = (size_t)mix(key) & mask; s->edges[i].child; i = (i + 1) & mask)
        ;
    s->edges[i].key = key;
    s->edges[i].child = child;
    s->n_edges++;
    return 0;
}

static int32_t new_node(glossa_scanner *s)
{
    if (s->n_nodes == s->cap_nodes) {
        size_t cap = s->cap_nodes ? s->cap_nodes * 2 : 256;
        int32_t *p = glossa__realloc(s->node_terms, cap * sizeof *p);
        if (!p)
            return -1;
        s->node_terms = p;
        s->cap_nodes = cap;
    }
    s->node_terms[s->n_nodes] = -1;
    return (int32_t)s->n_nodes++;
}

/* Follow (or make) the edge from node by word; -1 on OOM. */
static int32_t child_of(glossa_scanner *s, int32_t node, const char *w, size_t n)
{
    long wid = glossa__strmap_intern(&s->words, w, n, NULL);
    int32_t child;
    if (wid < 0 || wid > INT32_MAX)
        return -1;
    child = edge_find(s, node, (int32_t)wid);
    if (child >= 0)
        return child;
    child = new_node(s);
    if (child < 0 || edge_put(s, node, (int32_t)wid, child))
        return -1;
    return child;
}


/* Put term t at node, keeping the node's list best first. */
static int attach_term(glossa_scanner *s, int32_t node, int t)
{
    int32_t *at, l;
    if (glossa__grow((void **)&s->links, &s->cap_links, s->n_links, sizeof *s->links))
        return GLOSSA_ENOMEM;
    for (at = &s->node_terms[node]; *at >= 0; at = &s->links[*at].next) {
        if (s->links[*at].term == t)
            return 0; /* two paths met again */
        if (s->terms[s->links[*at].term].rank > s->terms[t].rank)
            break;
    }
    l = (int32_t)s->n_links++;
    s->links[l].term = t;
    s->links[l].next = *at;
    *at = l;
    return 0;
}

/* Written in capitals: at least two letters and no lower-case one. */
static int all_capitals(const char *s, size_t len)
{
    size_t i = 0;
    int letters = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, len, c);
        if (c < 0)
            return 0;
        if (u_islower(c))
            return 0;
        if (u_isalpha(c))
            letters++;
    }
    return letters >= 2;
}

static size_t count_cp(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* Insert term t, whose normalised words are norm (joined by one space). */
static int insert_term(glossa_scanner *s, int t, const char *norm, const char *term_type)
{
    struct scan_term *term = &s->terms[t];
    const char *p, *sp;
    int words = 0, stem = glossa__keys_can_stem(term->lang), single = strchr(norm, ' ') == NULL;
    int32_t at[MAX_PATHS];
    size_t n_at, k;

    if (!*norm)
        return 0;
    term->upper = single && ((term_type && (strcmp(term_type, "abbreviation") == 0 ||
                                            strcmp(term_type, "acronym") == 0)) ||
                             all_capitals(term->text, strlen(term->text)));
    if (term->upper)
        stem = 0;
    if (stem && single) { /* a short stem would match too much (иб, ки …) */
        const char *st;
        size_t sn;
        if (glossa__stem_token(s->keys, norm, strlen(norm), NULL, &st, &sn))
            return GLOSSA_ENOMEM;
        if (count_cp(st, sn) < MIN_SINGLE_STEM)
            stem = 0;
    }
    /* the term goes in along every path its words' stems make (a word may
    ** have two: орга and орган for the forms of «орган») */
    at[0] = stem ? ROOT_STEM : ROOT_PLAIN;
    n_at = 1;
    for (p = norm; *p; p = sp + (*sp == ' ')) {
        int32_t next[2 * MAX_PATHS];
        size_t n_next = 0, i;
        sp = strchr(p, ' ');
        if (!sp)
            sp = p + strlen(p);
        for (i = 0; i < n_at; i++) {
            const char *w = p;
            size_t n = (size_t)(sp - p);
            int32_t child;
            int v = 0;
            if (stem && glossa__stem_token(s->keys, p, n, NULL, &w, &n))
                return GLOSSA_ENOMEM;
            if ((child = child_of(s, at[i], w, n)) < 0)
                return GLOSSA_ENOMEM;
            next[n_next++] = child;
            if (stem && (v = glossa__text_stem_variant(s->keys, p, (size_t)(sp - p), &w, &n)) < 0)
                return GLOSSA_ENOMEM;
            if (v == 1) {
                if ((child = child_of(s, at[i], w, n)) < 0)
                    return GLOSSA_ENOMEM;
                next[n_next++] = child;
            }
        }
        n_at = n_next < MAX_PATHS ? n_next : MAX_PATHS; /* more: a few forms unmatched */
        memcpy(at, next, n_at * sizeof at[0]);
        words++;
    }
    for (k = 0; k < n_at; k++)
        if (attach_term(s, at[k], t))
            return GLOSSA_ENOMEM;
    if (words > s->max_words)
        s->max_words = words;
    return 0;
}

/* ---- loading ---------------------------------------------------------------------------- */

static const char load_sql[] =
    "SELECT t.concept_id, t.lang, t.text, t.norm, t.status, t.term_type, t.geo, t.working,"
    " c.xml_id, c.status, c.reliability"
    " FROM term t JOIN concept c ON c.id = t.concept_id ORDER BY c.ord, c.id, t.ord, t.id";

/* The checked text of column i of table (flags: GLOSSA_COL_*), copied; NULL
** when it is NULL (allowed), or out of memory. */
static const char *col(struct glossa__reader *rd, struct glossa_arena *a, sqlite3_stmt *st,
                       int i, const char *table, unsigned flags)
{
    const char *v = glossa__col_text(rd, st, i, table, flags);
    return v ? glossa__arena_strdup(a, v) : NULL;
}


/* The equivalents gathered in eq become concept c's (copied to the arena). */
static int close_concept(glossa_scanner *s, struct scan_concept *c, const glossa_term *eq,
                         size_t n)
{
    c->n_eq = n;
    c->eq = NULL;
    if (!n)
        return 0;
    c->eq = glossa__arena_alloc(s->arena, n * sizeof *eq);
    if (!c->eq)
        return GLOSSA_ENOMEM;
    memcpy(c->eq, eq, n * sizeof *eq);
    return 0;
}

static int load(glossa_scanner *s, sqlite3 *db, const char *path, const glossa_scan_opts *o,
                glossa_error *err)
{
    struct glossa__reader rd = GLOSSA_READER_INIT(path);
    sqlite3_stmt *st = NULL;
    glossa_term *eq = NULL;
    size_t n_eq = 0, cap_eq = 0;
    sqlite3_int64 last = -1;
    int rc, src;

    src = sqlite3_prepare_v2(db, load_sql, -1, &st, NULL);
    if (src != SQLITE_OK)
        return glossa__error_sqlite(err, db, src, NULL, "cannot read the terms");
    while (!rd.damaged && (src = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 cid = glossa__col_int(&rd, st, 0, "term", 1, GLOSSA_ID_MAX, 0);
        const char *lang = glossa__col_text(&rd, st, 1, "term", GLOSSA_COL_LANG);
        int want_eq = glossa__lang_in_list(lang, o->to);
        int want_match = glossa__lang_in_list(lang, o->from);
        struct scan_concept *c;
        if (cid != last) {
            if (s->n_concepts &&
                close_concept(s, &s->concepts[s->n_concepts - 1], eq, n_eq))
                goto oom;
            n_eq = 0;
            if (glossa__grow((void **)&s->concepts, &s->cap_concepts, s->n_concepts, sizeof *c))
                goto oom;
            c = &s->concepts[s->n_concepts++];
            memset(c, 0, sizeof *c);
            c->id = col(&rd, s->arena, st, 8, "concept", 0);
            c->status = glossa__col_enum(&rd, st, 9, "concept", glossa__concept_statuses) < 0
                            ? "" : col(&rd, s->arena, st, 9, "concept", 0);
            c->reliability = (int)glossa__col_int(&rd, st, 10, "concept", 1, 4, 0);
            if (!c->id || !c->status)
                goto oom;
            last = cid;
        }
        if (want_eq) {
            glossa_term *e;
            if (glossa__grow((void **)&eq, &cap_eq, n_eq, sizeof *e))
                goto oom;
            e = &eq[n_eq++];
            e->lang = col(&rd, s->arena, st, 1, "term", GLOSSA_COL_LANG);
            e->text = col(&rd, s->arena, st, 2, "term", 0);
            e->status = glossa__col_enum(&rd, st, 4, "term", glossa__term_statuses) < 0
                            ? "" : col(&rd, s->arena, st, 4, "term", 0);
            e->term_type = col(&rd, s->arena, st, 5, "term", GLOSSA_COL_NULL);
            e->geo = col(&rd, s->arena, st, 6, "term", GLOSSA_COL_NULL);
            e->working = (int)glossa__col_int(&rd, st, 7, "term", 0, 1, 0);
            if (!e->lang || !e->text || !e->status)
                goto oom;
        }
        if (want_match) {
            struct scan_term *t;
            const char *norm = glossa__col_text(&rd, st, 3, "term", 0);
            if (glossa__grow((void **)&s->terms, &s->cap_terms, s->n_terms, sizeof *t))
                goto oom;
            t = &s->terms[s->n_terms];
            t->concept = (int)s->n_concepts - 1;
            t->lang = want_eq ? eq[n_eq - 1].lang : col(&rd, s->arena, st, 1, "term", GLOSSA_COL_LANG);
            t->text = want_eq ? eq[n_eq - 1].text : col(&rd, s->arena, st, 2, "term", 0);
            t->rank = glossa__col_enum(&rd, st, 4, "term", glossa__term_statuses) * 1000000 +
                      (int)(s->n_terms % 1000000);
            if (!t->lang || !t->text)
                goto oom;
            if (insert_term(s, (int)s->n_terms, norm,
                            glossa__col_text(&rd, st, 5, "term", GLOSSA_COL_NULL)))
                goto oom;
            s->n_terms++;
        }
    }
    if (rd.damaged) {
        rc = (*err = rd.err).code;
        goto fail;
    }
    if (src != SQLITE_DONE) {
        rc = glossa__error_sqlite(err, db, src, NULL, "cannot read the terms");
        goto fail;
    }
    if (s->n_concepts && close_concept(s, &s->concepts[s->n_concepts - 1], eq, n_eq))
        goto oom;
    sqlite3_finalize(st);
    glossa__free(eq);
    return 0;
oom:
    rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
fail:
    sqlite3_finalize(st);
    glossa__free(eq);
    return rc;
}

int glossa_scanner_new(glossa_scanner **out, glossa_db *db, const glossa_scan_opts *opts,
                       glossa_error *err)
{
    glossa_scan_opts defaults = GLOSSA_SCAN_OPTS_INIT;
    glossa_scanner *s;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_SCAN_OPTS_VERSION, "glossa_scan_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    s = glossa__calloc(1, sizeof *s);
    if (!s || !(s->arena = glossa__arena_new())) {
        glossa__free(s);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    glossa__strmap_init(&s->words);
    glossa__strmap_init(&s->cache);
    if ((rc = glossa__keys_new(&s->keys, err)))
        goto fail;
    s->cap_edges = 256;
    s->edges = glossa__calloc(s->cap_edges, sizeof *s->edges);
    if (!s->edges || new_node(s) != ROOT_STEM || new_node(s) != ROOT_PLAIN) {
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if ((rc = load(s, glossa__db_sql(db), glossa__db_path(db), opts, err)))
        goto fail;
    *out = s;
    return 0;
fail:
    glossa_scanner_free(s);
    return rc;
}

void glossa_scanner_free(glossa_scanner *s)
{
    if (!s)
        return;
    glossa__keys_free(s->keys);
    glossa__strmap_release(&s->words);
    glossa__strmap_release(&s->cache);
    glossa__free(s->cache_ids);
    glossa__free(s->node_terms);
    glossa__free(s->links);
    glossa__free(s->edges);
    glossa__free(s->terms);
    glossa__free(s->concepts);
    glossa__arena_free(s->arena);
    glossa__free(s);
}

size_t glossa_scanner_terms(const glossa_scanner *s)
{
    return s->n_terms;
}

/* ---- walking a document ----------------------------------------------------------------- */

struct scan_tok {
    size_t start, end;       /* in the re-joined text */
    int32_t stem, plain;     /* word ids, -1 when no term has that word */
    int joined;              /* only space or one hyphen since the previous word */
};

struct walk {
    glossa_scanner *s;
    const struct glossa_text *t;
    glossa_scan *res;
    struct scan_tok *q;      /* words not yet decided */
    size_t head, n, cap;
    size_t prev_end;
    struct glossa_text_pos pos;
    struct glossa_buf tmp;
};

/* Word ids of a normalised text word: (stem, plain), from the cache. */
static int word_ids(glossa_scanner *s, const char *tok, size_t len, int32_t *stem,
                    int32_t *plain)
{
    int added;
    long id;
    if (s->cache.count >= CACHE_MAX) {
        glossa__strmap_release(&s->cache);
        glossa__strmap_init(&s->cache);
    }
    id = glossa__strmap_intern(&s->cache, tok, len, &added);
    if (id < 0)
        return GLOSSA_ENOMEM;
    if (added) {
        const char *st;
        size_t sn;
        long a, b;
        if ((size_t)id * 2 + 2 > s->cap_cache) {
            size_t cap = s->cap_cache ? s->cap_cache * 2 : 4096;
            int32_t *p;
            while (cap < (size_t)id * 2 + 2)
                cap *= 2;
            p = glossa__realloc(s->cache_ids, cap * sizeof *p);
            if (!p)
                return GLOSSA_ENOMEM;
            s->cache_ids = p;
            s->cap_cache = cap;
        }
        if (glossa__stem_token(s->keys, tok, len, NULL, &st, &sn))
            return GLOSSA_ENOMEM;
        a = glossa__strmap_find(&s->words, st, sn);
        b = glossa__strmap_find(&s->words, tok, len);
        s->cache_ids[2 * id] = (int32_t)a;
        s->cache_ids[2 * id + 1] = (int32_t)b;
    }
    *stem = s->cache_ids[2 * id];
    *plain = s->cache_ids[2 * id + 1];
    return 0;
}

static int capitals_span(const struct walk *w, size_t i, size_t j)
{
    size_t k;
    for (k = i; k <= j; k++)
        if (!all_capitals(w->t->clean + w->q[k].start, w->q[k].end - w->q[k].start))
            return 0;
    return 1;
}

static int emit(struct walk *w, size_t i, size_t j, const struct scan_term *term)
{
    glossa_scan *r = w->res;
    const struct scan_concept *c = &w->s->concepts[term->concept];
    glossa_scan_match *m;
    size_t cs = w->q[i].start, ce = w->q[j].end;

    if (glossa__grow((void **)&r->items, &r->cap, r->n, sizeof *m))
        return GLOSSA_ENOMEM;
    m = &r->items[r->n];
    memset(m, 0, sizeof *m);
    m->start = glossa__text_orig(w->t, cs, 0);
    m->end = glossa__text_orig(w->t, ce, 1);
    glossa__text_advance(w->t, &w->pos, m->start);
    m->line = w->pos.line;
    m->column = w->pos.column;
    glossa__buf_clear(&w->tmp);
    if (glossa__text_collapsed(w->t, cs, ce, &w->tmp) ||
        !(m->text = glossa__arena_strdup(r->arena, glossa__buf_str(&w->tmp))))
        return GLOSSA_ENOMEM;
    m->id = c->id;
    m->status = c->status;
    m->reliability = c->reliability;
    m->term = term->text;
    m->lang = term->lang;
    m->equivalents = c->eq;
    m->n_equivalents = c->n_eq;
    r->n++;
    return 0;
}

/* Decide the word at the head of the queue: the longest term starting there. */
static int step(struct walk *w)
{
    const glossa_scanner *s = w->s;
    size_t i = w->head, best_len = 0, j;
    int best = -1, root;

    for (root = ROOT_STEM; root <= ROOT_PLAIN; root++) {
        int32_t node = root;
        for (j = i; j < w->n && j - i < (size_t)s->max_words; j++) {
            int32_t wid = root == ROOT_STEM ? w->q[j].stem : w->q[j].plain, l;
            if (wid < 0 || (j > i && !w->q[j].joined))
                break;
            if ((node = edge_find(s, node, wid)) < 0)
                break;
            for (l = s->node_terms[node]; l >= 0; l = s->links[l].next) {
                int t = s->links[l].term;
                if (s->terms[t].upper && !capitals_span(w, i, j))
                    continue;
                if (j - i + 1 > best_len) {
                    best_len = j - i + 1;
                    best = t;
                }
                break;
            }
        }
    }
    if (best < 0) {
        w->head++;
        return 0;
    }
    w->head += best_len;
    return emit(w, i, i + best_len - 1, &s->terms[best]);
}

static int on_token(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct walk *w = ud;
    struct scan_tok *k;
    (void)flags;
    if (w->head > 4096 && w->head * 2 > w->n) { /* drop decided words */
        memmove(w->q, w->q + w->head, (w->n - w->head) * sizeof *w->q);
        w->n -= w->head;
        w->head = 0;
    }
    if (glossa__grow((void **)&w->q, &w->cap, w->n, sizeof *w->q))
        return GLOSSA_ENOMEM;
    k = &w->q[w->n];
    k->start = start;
    k->end = end;
    k->joined = w->n > 0 && glossa__text_gap(w->t, w->prev_end, start) != GLOSSA_GAP_BREAK;
    w->prev_end = end;
    if (word_ids(w->s, tok, len, &k->stem, &k->plain))
        return GLOSSA_ENOMEM;
    w->n++;
    while (w->n - w->head >= (size_t)w->s->max_words)
        if (step(w))
            return GLOSSA_ENOMEM;
    return 0;
}

int glossa_scan_buffer(glossa_scanner *s, const char *name, const char *data, size_t len,
                       glossa_scan **out, glossa_error *err)
{
    struct glossa_text t;
    struct walk w;
    glossa_scan *r;
    int rc;

    if ((rc = glossa__text_load(&t, data, len, name, err)))
        return rc;
    r = glossa__calloc(1, sizeof *r);
    if (!r || !(r->arena = glossa__arena_new()) ||
        !(r->name = glossa__arena_strdup(r->arena, name ? name : ""))) {
        glossa__text_release(&t);
        glossa_scan_free(r);
        return glossa__error_set(err, GLOSSA_ENOMEM, name, 0, 0, "out of memory");
    }
    memset(&w, 0, sizeof w);
    w.s = s;
    w.t = &t;
    w.res = r;
    if (s->max_words == 0)
        s->max_words = 1;
    rc = glossa__text_tokens(&t, glossa__keys_norm(s->keys), on_token, &w);
    while (!rc && w.head < w.n)
        rc = step(&w);
    glossa__free(w.q);
    glossa__buf_release(&w.tmp);
    if (rc) {
        glossa__text_release(&t);
        glossa_scan_free(r);
        return glossa__error_set(err, rc == GLOSSA_ENOMEM ? GLOSSA_ENOMEM : GLOSSA_ERROR, name,
                                 0, 0, rc == GLOSSA_ENOMEM ? "out of memory"
                                                           : "cannot split the text into words");
    }
    /* the result keeps the document as UTF-8 */
    r->text = t.utf8;
    r->len = t.len;
    if (t.clean == t.utf8)
        t.clean = NULL;
    t.utf8 = NULL;
    glossa__text_release(&t);
    *out = r;
    return 0;
}

int glossa_scan_file(glossa_scanner *s, const char *path, glossa_scan **out, glossa_error *err)
{
    char *data;
    size_t len;
    int rc = glossa_read_file(path, GLOSSA_TEXT_MAX, &data, &len, err);
    if (rc)
        return rc;
    rc = glossa_scan_buffer(s, path, data, len, out, err);
    glossa__free(data);
    return rc;
}

size_t glossa_scan_count(const glossa_scan *r)
{
    return r ? r->n : 0;
}

const glossa_scan_match *glossa_scan_get(const glossa_scan *r, size_t i)
{
    return r && i < r->n ? &r->items[i] : NULL;
}

const char *glossa_scan_text(const glossa_scan *r, size_t *len)
{
    if (len)
        *len = r->len;
    return r->text;
}

const char *glossa_scan_name(const glossa_scan *r)
{
    return r->name;
}

void glossa_scan_free(glossa_scan *r)
{
    if (!r)
        return;
    glossa__free(r->items);
    glossa__free(r->text);
    glossa__arena_free(r->arena);
    glossa__free(r);
}
