/*
** diff_int.h — the in-memory form of two term-base versions and their
** differences, shared by diff.c (which builds it) and protocol.c (which
** renders the draft protocol from it). Private to libglossa.
*/
#ifndef GLOSSA_DIFF_INT_H
#define GLOSSA_DIFF_INT_H

#include "termbase_int.h"

struct v_term {
    const char *lang, *text, *status;
};
struct v_def {
    const char *lang, *text;
};
struct v_concept {
    const struct tei_entry *entry;   /* whole, in the version's term base */
    const char *id, *status, *fingerprint;
    int reliability;
    long ord;
    struct v_term *terms; size_t n_terms;
    struct v_def *defs;   size_t n_defs;
};
struct version {
    struct v_concept *c;       /* in term-base order */
    struct v_concept **by_id;  /* sorted by id */
    size_t n;
};

/* A change, pointing into both versions (old or new is NULL when absent). */
struct change {
    struct v_concept *old, *new;
};

struct change_build {
    glossa_field_change *fields;
    size_t n, cap;
};

struct glossa_diff {
    struct glossa_arena *arena;
    struct glossa_tb *old_tb, *new_tb;   /* what old and new point into */
    struct glossa_norm *norm;
    struct version old, new;
    struct change *changes;
    glossa_concept_change *public_changes;
    size_t n, cap;
};

/* A redline as pieces of the two texts. */
struct piece {
    glossa_edit_op op;
    const char *s;
    size_t len;
};
struct redline {
    struct piece *items;
    size_t n, cap;
    const char *last_end;
};

/* Word-level diff of two texts; pieces point into them (arena-allocated array). */
int glossa__redline(struct glossa_norm *norm, struct glossa_arena *ar, const char *old_text,
                    const char *new_text, struct redline *r);

/* The concepts of a term base read by the loader (glossa__tb_load_tei), in
** its order, as v; v points into tb, which must outlive it. */
int glossa__version_load(struct glossa_arena *a, const struct glossa_tb *tb, struct version *v,
                         glossa_error *err);

/* A version read from TEI inputs by the loader into *tb (new; the caller
** frees it, also on error) and viewed as v (in a): a version may be part of
** a term base, its cross-references may leave it. */
int glossa__version_read(struct glossa_arena *a, struct glossa_tb **tb, struct version *v,
                         const char *const *inputs, size_t n, const glossa_index_opts *opts,
                         glossa_error *err);

/* 16 hex digits (FNV-1a 64) of a concept's terms and definitions. */
void glossa__concept_hash(const struct v_concept *c, char out[17]);

struct v_concept *glossa__version_find(const struct version *v, const char *id);
/* The preferred term / the definition of c in lang (exact tag first, then by prefix); NULL if none. */
const char *glossa__concept_term(const struct v_concept *c, const char *lang);
const char *glossa__concept_def(const struct v_concept *c, const char *lang);

/* ---- annex.c: annex 1's concepts and order ---------------------------------------------- */

/* Does annex 1 hold c: in force, or agreed by all Parties pending the
** amending protocol (not proposed, not withdrawn)? The rule of the annex as
** it stands (export_akn.c, concordance.c); a protocol's NEW is the annex to
** be, every concept of it but the withdrawn (protocol.c). */
int glossa__annex_holds(const struct v_concept *c);

/* Where c (in v) stands in the annex order: major is its annex number n; an
** entry without one comes after the nearest numbered entry before it in the
** term base (major: that number, 0 when none; minor: 1 + its index). */
void glossa__annex_place(const struct version *v, const struct v_concept *c, long *major,
                         size_t *minor);
int glossa__annex_place_cmp(long ma, size_t mi_a, long mb, size_t mi_b);
/* The concepts of v that keep(c, ud) keeps, in annex order (ties by id).
** @param[out] out  array in a */
int glossa__annex_order(struct glossa_arena *a, const struct version *v,
                        int (*keep)(const struct v_concept *c, void *ud), void *ud,
                        const struct v_concept ***out, size_t *n_out);

/* The rule that keeps the two authentic texts parallel (concordance.c), for
** the protocol's change records and the concordance alike. Does a change of
** a concept (old NULL: added; new NULL: removed) read alike in Russian and
** Chinese: a preferred term in each and, unless removed, a definition in
** each ("zh" or zh-Hans: a Traditional text does not stand for it), and a
** reworded concept reworded in both? NULL when it does, else the reason in
** English ("no Chinese definition", "reworded in Russian, not in Chinese")
** and in *lang the text it is about ("ru", "zh"). */
const char *glossa__concept_unparallel(const struct v_concept *old, const struct v_concept *new,
                                       const char **lang);
/* Do old and new have the same preferred term and definition in the
** authentic text lang ("ru", "zh")? */
int glossa__concept_same_text(const struct v_concept *old, const struct v_concept *new,
                              const char *lang);

#endif
