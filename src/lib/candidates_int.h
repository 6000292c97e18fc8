/*
** candidates_int.h — what the files of `glossa candidates` share: the
** language rules, the n-grams with their forms and documents, and the
** glossa_candidates session. candidates.c: the session and counting n-grams;
** candidates_rank.c: C-value, the domain weight, the ranked list;
** candidates_tei.c: the TEI proposal skeleton. Private to libglossa.
*/
#ifndef GLOSSA_CANDIDATES_INT_H
#define GLOSSA_CANDIDATES_INT_H

#include "glossa_int.h"

#include <stdint.h>

#define MAX_WORDS 5    /* words of a candidate; a hyphenated compound (государств-членов) is one */
#define NEST_WORDS 8   /* longer n-grams are counted only to find what is nested in them */
#define MAX_TOKENS 12  /* a compound's parts are tokens, keyed one by one */

/* A stop word of a language (candidates.c has the lists). */
struct stop_word {
    const char *word;
    char kind;  /* 'p' preposition, 'f' function noun: inside only; 's' nowhere */
};

/* The rules of one language: stop words, endings that a term does not end or
** start with, nouns that do not start one. */
struct lang_rules {
    const char *lang;
    const struct stop_word *stop;
    size_t n_stop;
    const char *const *bad_last;
    size_t n_bad_last;
    const char *const *bad_first;
    size_t n_bad_first;
    const char *const *not_first;
    size_t n_not_first;
    unsigned max_inner;   /* stop words ('p') inside one candidate */
};

/* An n-gram: its counts, C-value and score. */
struct ngram {
    unsigned freq, forms, docs, last_doc;
    unsigned words, tokens;
    long best_form;           /* most frequent form (first seen on ties) */
    double t, cvalue;         /* nested frequency, C-value */
    double domain, score;     /* share of words from the term base; the rank score */
    unsigned c;               /* longer candidates it is nested in */
    int closed;               /* never seen outside one longer listable candidate */
    unsigned named;           /* occurrences that look like a proper name */
    int known;
};

/* A form of an n-gram as written, and where it was first seen. */
struct form {
    unsigned count;
    unsigned doc;             /* first occurrence */
    size_t start, end;        /* in the clean text of doc */
};

/* A document added: its name and its running text. */
struct cand_doc {
    char *name;
    struct glossa_text text;
};

/* One run of `glossa candidates`: documents in, the ranked list out. */
struct glossa_candidates {
    const struct lang_rules *rules;
    unsigned min_freq;
    int include_known;
    struct glossa_keys *keys;
    struct glossa_strmap stop;     /* normalised stop word → id (kind in stop_kind) */
    char *stop_kind;
    struct glossa_strmap stems;    /* stem → id */
    struct glossa_strmap grams;    /* stem ids (4 bytes each) → n-gram id */
    struct ngram *g;
    size_t cap_g;
    struct glossa_strmap forms;    /* n-gram id (4 bytes) + form text → form id */
    struct form *f;
    size_t cap_f;
    struct glossa_strmap known;    /* stem keys of glossary terms */
    struct glossa_strmap domain;   /* stems of the words of glossary terms, in c->rules->lang */
    struct cand_doc *docs;
    size_t n_docs, cap_docs;
    struct glossa_arena *arena;    /* the ranked list */
    glossa_candidate *ranked;
    size_t n_ranked;
    int ranked_done;
    struct glossa_buf tmp, tmp2;
};

#endif /* GLOSSA_CANDIDATES_INT_H */
