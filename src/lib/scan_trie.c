/*
** scan_trie.c — the trie of `glossa scan` over words: nodes, their edges in
** one open-addressed hash table (node, word id) → child, and at each node the
** terms that end there, best first. A term goes in along every path its
** words' stems make (a word may have two); a short one-word stem, an
** abbreviation or a term in capitals goes in by its words as written.
*/
#include "scan_int.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string.h>

#define MIN_SINGLE_STEM 4   /* a one-word term with a shorter stem matches only unstemmed */
#define MAX_PATHS 8         /* trie paths of one term (words with two stems) */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

int32_t glossa__scan_edge_find(const glossa_scanner *s, int32_t node, int32_t word)
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

int32_t glossa__scan_new_node(glossa_scanner *s)
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
    child = glossa__scan_edge_find(s, node, (int32_t)wid);
    if (child >= 0)
        return child;
    child = glossa__scan_new_node(s);
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
int glossa__scan_all_capitals(const char *s, size_t len)
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
int glossa__scan_insert_term(glossa_scanner *s, int t, const char *norm, const char *term_type)
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
                             glossa__scan_all_capitals(term->text, strlen(term->text)));
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
