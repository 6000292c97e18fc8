/*
** lookup_int.h — what the files of a lookup share: the query and its keys
** (made once per text looked up), the candidates the tiers collect and the
** readers of a candidate row (lookup.c), fuzzy matching (fuzzy.c), the
** readings of a query typed in the wrong keyboard layout (layout.c), and
** turning candidates into hits (results.c).
*/
#ifndef GLOSSA_LOOKUP_INT_H
#define GLOSSA_LOOKUP_INT_H

#include "store_int.h"

#include <unicode/umachine.h>

struct layout_reading;

/* One candidate: the best-matching term (or text) of a concept so far. */
struct candidate {
    sqlite3_int64 concept_id, row_id; /* row_id: term id, or text_fts rowid for fulltext */
    int kind;
    int sub;            /* rank within the kind: 0 whole-key match, 1 word match, or edit distance */
    double bm25;        /* 0 where it does not apply; negative, lower is better */
    int status_rank;    /* preferred 0, admitted 1, deprecated 2 */
    int term_ord;
    size_t q_start, q_end; /* GLOSSA_MATCH_WITHIN: where in the query (bytes) */
    /* kind GLOSSA_MATCH_LAYOUT: the reading that matched, and how (inner) */
    const struct layout_reading *layout;
    int inner;
};

struct candidates {
    struct candidate *items;
    size_t n, cap;
};

/* A word of the text being looked up: where it is in the text (start, end)
** and its normalised form in key (at, len). */
struct query_word {
    size_t start, end, at, len;
};

/* The keys of the text being looked up, made from one pass of the
** normaliser (make_keys in lookup.c): the tiers, fuzzy matching and
** highlighting use them. translit and translit_uz are made by the tier that
** uses them; fts is where FTS5 query strings are built. */
struct query_keys {
    struct glossa_buf key;          /* normalised key: the words joined by one space */
    struct glossa_buf stem;         /* stem key */
    struct glossa_buf translit, translit_uz;
    struct glossa_buf marked;       /* key with the apostrophes that end words (second reading) */
    struct glossa_buf fts;
    struct query_word *words;
    size_t n_words, cap_words;
};

/* What a lookup works with: the query and its keys. */
struct query {
    const char *text;
    size_t len;
    const char *from;
    int has_han, has_cyrillic;
    int reread;         /* text is the query in Traditional characters (lookup.c) */
    char as_of[16];     /* YYYY-MM-DD */
    int history;        /* every wording counts, whatever its dates */
    unsigned flags;     /* GLOSSA__LOOKUP_* (glossa__lookup) */
    struct query_keys *keys;
};

/* ---- lookup.c's keys and tiers, used by lookup_query.c ---- */

/* A mode of glossa__run_tiers: every tier but fuzzy (the layout tier's first pass). */
#define MODE_STRICT ((glossa_mode)-2)

/* <0, 0, >0 as a ranks before, with, after b: kind, then within the kind,
** bm25, term status, term-base order. */
int glossa__candidate_cmp(const struct candidate *a, const struct candidate *b);
/* cand into out, or in place of out's candidate of its concept when better;
** 0 or GLOSSA_ENOMEM. */
int glossa__offer(struct candidates *c, const struct candidate *cand);
/* Statement which of the index bound to a (and b), every row in force and in
** q's languages offered as (kind, sub). */
int glossa__bind_and_collect(glossa_db *db, int which, const char *a, const char *b, int kind,
                             int sub, const struct query *q, struct candidates *out,
                             glossa_error *err);
/* Which scripts q's text has (has_han, has_cyrillic). */
int glossa__scan_scripts(struct query *q);
/* Free what make_keys gave k. */
void glossa__release_keys(struct query_keys *k);
/* GLOSSA_ENOTFOUND: "no WHAT 'ID'", with the closest concept id (or notion's,
** when notions) if one is near: "; did you mean information-security?". */
int glossa__not_found(glossa_db *db, int notions, const char *what, const char *id,
                      glossa_error *err);
/* The concept (or notion) id nearest to id within a few edits, into out
** (empty when none is near). lookup_query.c */
void glossa__suggest_id(glossa_db *db, int notions, const char *id, char *out, size_t size);
/* The concepts whose definitions or notes hold the query's words (text_fts,
** stemmed by its tokenizer), as GLOSSA_MATCH_FULLTEXT candidates. */
int glossa__collect_fulltext(glossa_db *db, struct query *q, struct candidates *out,
                             glossa_error *err);
/* q looked up by the tiers of mode (strictest first; lookup.c). */
int glossa__run_tiers(glossa_db *db, struct query *q, glossa_mode mode, int in_definitions,
                      struct candidates *out, glossa_error *err);
/* The text outside a bracket and inside it, each looked up too. */
int glossa__bracket_alternatives(glossa_db *db, const struct query *q, glossa_mode mode,
                                 struct candidates *out, glossa_error *err);
/* The within tier: the terms inside a query longer than a term. */
int glossa__collect_within(glossa_db *db, const struct query *q, const char *stem_lang,
                           struct candidates *out, glossa_error *err);
/* The layout tier: the readings r (n of them, layout.c's) of q looked up. */
int glossa__layout_tier(glossa_db *db, const struct query *q, glossa_mode mode,
                        struct layout_reading *r, int *n, struct candidates *out,
                        glossa_error *err);

/* ---- fuzzy.c ---- */

/* A fuzzy search for a query's keys (fuzzy.c): its edit budget, the code
** points of its key and (when another string) of its stem, and the signs
** to look up in term_sign. A probe's group is the length of the term's
** string it looks for and whether the query's key (0 .. GLOSSA_FUZZY_LENGTHS
** - 1) or its stem (the next as many) made it. */
#define GLOSSA_FUZZY_LONG 1024
#define GLOSSA_FUZZY_PROBES 2048
#define GLOSSA_FUZZY_LENGTHS 7      /* lengths within the largest budget, 3, of a string */
#define GLOSSA_FUZZY_GROUPS (2 * GLOSSA_FUZZY_LENGTHS)
#define GLOSSA_FUZZY_SEGS 7         /* the most segments of a string */
#define GLOSSA_FUZZY_DELS 55        /* the most deletions looked up: 2 of 11 code points */
struct glossa__fuzzy_probe {
    uint32_t sign;
    int seg, group;
};
struct glossa__fuzzy {
    const char *key, *stem;         /* borrowed from the query's keys */
    UChar32 cp[GLOSSA_FUZZY_LONG], scp[GLOSSA_FUZZY_LONG];
    int k, ns;                      /* code points of key and of stem (0: the key's) */
    int budget;                     /* edits a match may have */
    struct glossa__fuzzy_probe probe[GLOSSA_FUZZY_PROBES]; /* sorted, each once */
    int n_probes;
    int len[GLOSSA_FUZZY_GROUPS];   /* the length of a group's strings */
    int segs[GLOSSA_FUZZY_GROUPS];  /* the segments of a group's strings */
    int need[GLOSSA_FUZZY_GROUPS];  /* segments a term of a group shares (0: not probed) */
    uint64_t seen[GLOSSA_FUZZY_GROUPS][GLOSSA_FUZZY_SEGS][8]; /* the probes' digest bits */
    /* the key's (0) and the stem's (1) strings budget code points shorter,
    ** to look up as a norm and as a stem */
    char del[2][GLOSSA_FUZZY_DELS][4 * 12];
    int n_del[2];
};
/* 1 when keys have a fuzzy search (f filled in), 0 when too short or long. */
int glossa__fuzzy_plan(struct glossa__fuzzy *f, const struct query_keys *keys);
/* The terms f's probes find in term_sign (enough segments whole, their
** digests tell) and its deletions find as a norm or stem: their ids, sorted,
** each once, in *ids (*n; free with glossa__free). */
int glossa__fuzzy_candidates(glossa_db *db, const struct glossa__fuzzy *f, sqlite3_int64 **ids,
                             size_t *n, glossa_error *err);
/* The edit distance of a candidate term (its norm and stem) to the key or
** its stem, the smaller; -1 when 0 (not a typo) or over the budget. */
int glossa__fuzzy_distance(const struct glossa__fuzzy *f, const char *norm, const char *stem);

/* ---- layout.c ---- */

/* The query read in another keyboard layout: the same keys in that layout. */
struct layout_reading {
    struct glossa_buf text; /* the query as read */
    const char *typed;      /* the layout it was typed in: "us", "ru", "kz", … (xkb's names) */
    unsigned read;          /* bit i: the i-th layout of layout.c reads it so */
    char from[64];          /* those layouts' languages, a --from list; "" for any (Latin) */
};
#define GLOSSA__LAYOUT_READINGS 8
/* The readings of text (len bytes) in the other layouts, at most max, in
** out: a Latin text in each Cyrillic layout, a Cyrillic one in US QWERTY.
** Only readings that are words of their script. Returns how many, or -1
** when memory runs out; free with glossa__layout_readings_free. */
int glossa__layout_readings(const char *text, size_t len, struct layout_reading *out, int max);
void glossa__layout_readings_free(struct layout_reading *r, int n);
/* The layout of r that reads a term of lang (or its first). */
const char *glossa__layout_read_as(const struct layout_reading *r, const char *lang);
/* 1 when text looks typed in the wrong layout although a looser tier
** matched it: a word with the punctuation keys of Cyrillic letters
** (",.;'[]`"…) or of three letters and no vowel. */
int glossa__layout_suspect(const char *text, size_t len);
/* For tests: the layouts (by index), the character of a key, and text
** converted from one layout (by name) to another: 0, 1 when it cannot be,
** or GLOSSA_ENOMEM. */
size_t glossa__layout_count(void);
const char *glossa__layout_name(size_t i);
UChar32 glossa__layout_key(size_t layout, size_t key, int shifted);
int glossa__layout_convert(const char *from, const char *to, const char *text, size_t len,
                           struct glossa_buf *out);

/* ---- results.c ---- */

/* The language tag in column col of a row of table. */
const char *glossa__row_lang(glossa_db *db, sqlite3_stmt *st, int col, const char *table);
/* The row of table is in force on q's day (its dates in columns col and
** col + 1), or q wants the history. */
int glossa__row_in_force(glossa_db *db, sqlite3_stmt *st, int col, const char *table,
                         const struct query *q);
/* The checked text of column i of a row of table (flags: GLOSSA_COL_*),
** copied into a (*oom set when it cannot be); NULL for a NULL. */
const char *glossa__row_text(glossa_db *db, struct glossa_arena *a, sqlite3_stmt *st, int i,
                             const char *table, unsigned flags, int *oom);
/* items (n of them, room for *cap, each size bytes), with room for one more:
** when full, copied to a block of the arena twice as large (8 when *cap is
** 0). NULL when memory runs out. */
void *glossa__room_for_one(struct glossa_arena *a, void *items, size_t n, size_t *cap,
                           size_t size);
/* A result set with room for n hits. */
int glossa__results_new(glossa_results **out, size_t n, glossa_error *err);
/* The arena of res, and its next hit (zeroed; room for n was made by _new). */
struct glossa_arena *glossa__results_arena(glossa_results *res);
glossa_hit *glossa__results_push(glossa_results *res);
/* Order the hits of res by cmp (qsort on glossa_hit), or drop them all. */
void glossa__results_sort(glossa_results *res, int (*cmp)(const void *, const void *));
void glossa__results_clear(glossa_results *res);
/* Load candidate c as the next hit of res: the concept, its terms,
** definitions and notes in the languages of to, on q's day, the matched
** text highlighted by q's keys. */
int glossa__results_add(glossa_db *db, glossa_results *res, const struct candidate *c,
                        const char *to, const struct query *q, glossa_error *err);

/* "same\0broader\0narrower\0related\0": legal_definition.relation */
extern const char glossa__legal_relations[];
/* The national definitions that relate to the concept or notion target, in
** a (state, act, order). Returns an SQLite code; *oom set on OOM. */
int glossa__load_legal(glossa_db *db, struct glossa_arena *a, const char *target,
                       const glossa_legal **out, size_t *n_out, int *oom);

#endif
