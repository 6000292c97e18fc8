/*
** candidates_rank.c — the ranking of `glossa candidates` (the method is told
** at the top of candidates.c): C-values, longest n-grams first, each passing
** its independent frequency on to the ones nested in it; which n-grams are
** listed (frequent enough, not a fragment, not mostly a proper name, not a
** glossary term unless asked); the domain weight; and the ranked list, each
** candidate with its most frequent form and the sentence of an example.
*/
#include "candidates_int.h"

#include <stdlib.h>
#include <string.h>

#define EXAMPLE_MAX 600   /* bytes of context on each side of an occurrence */

/* An n-gram and its length, sorted longest first: what contains another has more tokens. */
struct by_len {
    uint32_t tokens, id;
};

static int by_length_desc(const void *a, const void *b)
{
    const struct by_len *x = a, *y = b;
    if (x->tokens != y->tokens)
        return x->tokens > y->tokens ? -1 : 1;
    return x->id < y->id ? -1 : 1;
}

static int by_rank(const void *a, const void *b)
{
    const glossa_candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->cvalue != y->cvalue)
        return x->cvalue > y->cvalue ? -1 : 1;
    if (x->freq != y->freq)
        return x->freq > y->freq ? -1 : 1;
    if (x->words != y->words)
        return x->words > y->words ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* log2 of 0 … NEST_WORDS words (no libm needed). */
static const double log2_words[NEST_WORDS + 1] = {
    0, 0, 1, 1.5849625007211562, 2, 2.3219280948873622, 2.5849625007211561,
    2.8073549220576041, 3,
};

/* C-value, longest candidates first, each passing its independent frequency
** on to the shorter candidates nested in it (each counted once per longer one).
** As in Frantzi et al., only candidates over the frequency threshold take
** part: a phrase seen once does not make a shorter one look nested. A shorter
** one seen exactly as often as a longer one that can be listed never occurs
** without it: it is a fragment of that one (closed), not a candidate of its own
** («конвенции о противодействии» of «международной конвенции о противодействии»). */
static void compute_cvalues(glossa_candidates *c, const struct by_len *order, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        struct ngram *a = &c->g[order[i].id];
        uint32_t key[MAX_TOKENS], seen[MAX_TOKENS * MAX_TOKENS];
        size_t klen, n_seen = 0, tokens;
        unsigned len, off;
        double independent;
        const char *raw;

        if (a->freq < c->min_freq)
            continue;
        a->cvalue = log2_words[a->words] *
                    (a->c ? (double)a->freq - a->t / (double)a->c : (double)a->freq);
        independent = (double)a->freq - a->t;
        raw = glossa__strmap_key(&c->grams, (long)order[i].id, &klen);
        memcpy(key, raw, klen);
        tokens = klen / sizeof key[0];
        for (len = 2; len < tokens; len++) {
            for (off = 0; off + len <= tokens; off++) {
                uint32_t sub[MAX_TOKENS];
                long b;
                size_t s;
                memcpy(sub, key + off, len * sizeof sub[0]);
                b = glossa__strmap_find(&c->grams, (const char *)sub, len * sizeof sub[0]);
                if (b < 0 || c->g[b].freq < c->min_freq)
                    continue;
                for (s = 0; s < n_seen && seen[s] != (uint32_t)b; s++)
                    ;
                if (s < n_seen)
                    continue;
                seen[n_seen++] = (uint32_t)b;
                c->g[b].t += independent;
                c->g[b].c++;
                if (a->words <= MAX_WORDS && c->g[b].freq == a->freq)
                    c->g[b].closed = 1;
            }
        }
    }
}

/* The stem of token j of an n-gram key (stem ids, 4 bytes each); its length in *len. */
static const char *gram_stem(const glossa_candidates *c, const char *key, size_t j, size_t *len)
{
    uint32_t sid;
    memcpy(&sid, key + j * sizeof sid, sizeof sid);
    return glossa__strmap_key(&c->stems, (long)sid, len);
}

/* The stems of an n-gram, space-separated, in c->tmp. */
static int key_text(glossa_candidates *c, long id)
{
    size_t klen, j;
    const char *raw = glossa__strmap_key(&c->grams, id, &klen);
    glossa__buf_clear(&c->tmp);
    if (glossa__buf_add(&c->tmp, "", 0))
        return GLOSSA_ENOMEM;
    for (j = 0; j < klen / sizeof(uint32_t); j++) {
        size_t sn;
        const char *s = gram_stem(c, raw, j, &sn);
        if ((j && glossa__buf_add(&c->tmp, " ", 1)) || glossa__buf_add(&c->tmp, s, sn))
            return GLOSSA_ENOMEM;
    }
    return 0;
}

static int is_sentence_end(const char *s, size_t len, size_t i)
{
    char ch = s[i];
    if (ch != '.' && ch != '!' && ch != '?' && ch != ';')
        return 0;
    return i + 1 >= len || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\r' ||
           s[i + 1] == '\t';
}

/* The sentence around clean[start, end) of t, on one line, in out. */
static int example(const struct glossa_text *t, size_t start, size_t end, struct glossa_buf *out)
{
    const char *s = t->clean;
    size_t a = start, b = end, lim;
    int cut_left = 0, cut_right = 0;

    lim = start > EXAMPLE_MAX ? start - EXAMPLE_MAX : 0;
    while (a > lim && !is_sentence_end(s, t->clean_len, a - 1))
        a--;
    if (a == lim && lim > 0)
        cut_left = 1;
    while (a < start && (s[a] == ' ' || s[a] == '\n' || s[a] == '\r' || s[a] == '\t'))
        a++;
    while (cut_left && a < start && ((unsigned char)s[a] & 0xC0) == 0x80)
        a++;
    lim = end + EXAMPLE_MAX < t->clean_len ? end + EXAMPLE_MAX : t->clean_len;
    while (b < lim && !is_sentence_end(s, t->clean_len, b))
        b++;
    if (b < lim)
        b++; /* the full stop */
    else if (lim < t->clean_len)
        cut_right = 1;
    while (cut_right && b > end && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    glossa__buf_clear(out);
    if ((cut_left && glossa__buf_adds(out, "…")) || glossa__text_collapsed(t, a, b, out) ||
        (cut_right && glossa__buf_adds(out, "…")))
        return GLOSSA_ENOMEM;
    return 0;
}

static long line_of(const struct glossa_text *t, size_t clean_pos)
{
    struct glossa_text_pos p;
    memset(&p, 0, sizeof p);
    glossa__text_advance(t, &p, glossa__text_orig(t, clean_pos, 0));
    return p.line;
}

/* Shown: at most MAX_WORDS words, frequent enough, a positive C-value, not mostly a proper name, and
** not a glossary term unless asked for. */
static int listed(const glossa_candidates *c, const struct ngram *g)
{
    return g->words <= MAX_WORDS && g->freq >= c->min_freq && g->cvalue > 0 &&
           g->named * 2 <= g->freq && !g->closed &&
           (!g->known || c->include_known);
}

/* The share of the words of n-gram id (prepositions and other stop words
** aside) whose stems are words of glossary terms in the same language. */
static double domain_share(const glossa_candidates *c, long id)
{
    size_t klen, j;
    unsigned words = 0, in_domain = 0;
    const char *raw = glossa__strmap_key(&c->grams, id, &klen);
    if (!c->domain.count)
        return 0;
    for (j = 0; j < klen / sizeof(uint32_t); j++) {
        size_t sn;
        const char *stem = gram_stem(c, raw, j, &sn);
        if (glossa__strmap_find(&c->stop, stem, sn) >= 0)
            continue;
        words++;
        in_domain += glossa__strmap_find(&c->domain, stem, sn) >= 0;
    }
    return words ? (double)in_domain / words : 0;
}

int glossa_candidates_rank(glossa_candidates *c, glossa_error *err)
{
    size_t n = c->grams.count, i, k = 0;
    struct by_len *order = NULL;

    if (c->ranked_done)
        return 0;
    c->ranked_done = 1;
    if (!(c->arena = glossa__arena_new()))
        goto oom;
    order = glossa__malloc((n + 1) * sizeof *order);
    if (!order)
        goto oom;
    for (i = 0; i < n; i++) {
        order[i].id = (uint32_t)i;
        order[i].tokens = c->g[i].tokens;
    }
    qsort(order, n, sizeof *order, by_length_desc);
    compute_cvalues(c, order, n);
    for (i = 0; i < n; i++) {
        struct ngram *g = &c->g[i];
        if (key_text(c, (long)i))
            goto oom;
        g->known = glossa__strmap_find(&c->known, c->tmp.data, c->tmp.len) >= 0;
        g->domain = domain_share(c, (long)i);
        g->score = g->cvalue * (1 + g->domain);
        if (listed(c, g))
            k++;
    }
    c->ranked = glossa__calloc(k + 1, sizeof *c->ranked);
    if (!c->ranked)
        goto oom;
    for (i = 0; i < n; i++) {
        struct ngram *g = &c->g[i];
        glossa_candidate *r;
        const struct form *f;
        const struct cand_doc *d;
        size_t fl;
        const char *ft;
        if (!listed(c, g))
            continue;
        r = &c->ranked[c->n_ranked++];
        f = &c->f[g->best_form];
        d = &c->docs[f->doc];
        ft = glossa__strmap_key(&c->forms, g->best_form, &fl);
        if (key_text(c, (long)i) || !(r->key = glossa__arena_strdup(c->arena, c->tmp.data)))
            goto oom;
        r->text = glossa__arena_alloc(c->arena, fl - sizeof(uint32_t) + 1);
        if (!r->text)
            goto oom;
        memcpy((char *)r->text, ft + sizeof(uint32_t), fl - sizeof(uint32_t));
        ((char *)r->text)[fl - sizeof(uint32_t)] = '\0';
        r->words = g->words;
        r->freq = g->freq;
        r->forms = g->forms;
        r->docs = g->docs;
        r->cvalue = g->cvalue;
        r->domain = g->domain;
        r->score = g->score;
        r->known = g->known;
        r->file = d->name;
        r->line = line_of(&d->text, f->start);
        if (example(&d->text, f->start, f->end, &c->tmp2) ||
            !(r->example = glossa__arena_strdup(c->arena, c->tmp2.data)))
            goto oom;
    }
    qsort(c->ranked, c->n_ranked, sizeof *c->ranked, by_rank);
    glossa__free(order);
    return 0;
oom:
    glossa__free(order);
    return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
}

size_t glossa_candidates_count(const glossa_candidates *c)
{
    return c->n_ranked;
}

const glossa_candidate *glossa_candidates_get(const glossa_candidates *c, size_t i)
{
    return i < c->n_ranked ? &c->ranked[i] : NULL;
}
