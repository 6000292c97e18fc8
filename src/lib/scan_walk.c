/*
** scan_walk.c — the walk of `glossa scan` through a document: its normalised
** words (text.c), each looked up once per distinct form (a cache of word ids,
** stemmed and as written), a queue of words not yet decided, and at its head
** the longest term of the trie that starts there (leftmost-longest, no
** overlaps); each match with its line, column, text as written and concept.
** Also the matches of a document (glossa_scan_*).
*/
#include "scan_int.h"

#include <string.h>

#define CACHE_MAX 1000000   /* distinct text words remembered before starting afresh */

struct glossa_scan {
    struct glossa_arena *arena;
    glossa_scan_match *items;
    size_t n, cap;
    char *text;
    size_t len;
    const char *name;
};

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
        if (!glossa__scan_all_capitals(w->t->clean + w->q[k].start, w->q[k].end - w->q[k].start))
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
            if ((node = glossa__scan_edge_find(s, node, wid)) < 0)
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
