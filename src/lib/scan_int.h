/*
** scan_int.h — what the files of `glossa scan` share: the scanner (its trie
** over words, its terms and concepts). scan.c makes a scanner from an index,
** scan_trie.c is the trie, scan_walk.c walks a document. Private to libglossa.
*/
#ifndef GLOSSA_SCAN_INT_H
#define GLOSSA_SCAN_INT_H

#include "glossa_int.h"

#include <stdint.h>

/* The two roots of the trie: terms keyed by stems, and by words as written. */
enum { ROOT_STEM = 0, ROOT_PLAIN = 1 };

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

/* ---- scan_trie.c: the trie over words ----------------------------------------------------- */

/* A new node, its index; -1 on OOM. The first two are the roots. */
int32_t glossa__scan_new_node(glossa_scanner *s);
/* The child of node by word id, or -1. */
int32_t glossa__scan_edge_find(const glossa_scanner *s, int32_t node, int32_t word);
/* Insert term t, whose normalised words are norm (joined by one space). */
int glossa__scan_insert_term(glossa_scanner *s, int t, const char *norm, const char *term_type);
/* Written in capitals: at least two letters and no lower-case one. */
int glossa__scan_all_capitals(const char *s, size_t len);

#endif /* GLOSSA_SCAN_INT_H */
