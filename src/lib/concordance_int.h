/*
** concordance_int.h — the concordance of the two authentic texts (Russian
** and Chinese) of annex 1, shared by concordance.c (which reads the term
** base and finds where they differ) and correction.c (which drafts the
** depositary's correction from the findings). Private to libglossa.
*/
#ifndef GLOSSA_CONCORDANCE_INT_H
#define GLOSSA_CONCORDANCE_INT_H

#include "glossa_int.h"
#include "diff_int.h"

/* One term-base version read for the concordance: the loader's term base
** and the diff's view of it (diff_int.h). */
struct concord_version {
    struct glossa_tb *tb;
    struct version v;
};

struct glossa_concordance {
    struct glossa_arena *arena;
    struct concord_version cur, since;  /* since.tb is NULL without --since */
    glossa_concord_finding *findings;   /* in term-base order, a concept's kinds in order */
    size_t n, cap;
    size_t n_concepts;                  /* annex concepts checked */
};

/* The preferred term / the definition of c in the authentic text lang ("ru",
** "zh": the tag or one with subtags, no Traditional Chinese), or NULL. */
const char *glossa__authentic_term(const struct v_concept *c, const char *lang);
const char *glossa__authentic_def(const struct v_concept *c, const char *lang);

/* How many enumerated parts a definition has: labels "1)", "(1)", "а)",
** "a)", "1）", "（一）" at the start or after a space or punctuation, each
** kind of label (digits, Cyrillic, Latin, Chinese numerals) counted while they
** run 1, 2, 3… (so that "5)" in a sentence is no part; a lone "1)" none),
** the counts of the kinds added. */
int glossa__enumerated_parts(const char *text);

/* Read inputs through the loader (a version may be part of a term base)
** into cv, its strings in a. */
int glossa__concord_read(struct glossa_arena *a, struct concord_version *cv,
                         const char *const *inputs, size_t n, glossa_diag_fn on_diag,
                         void *userdata, glossa_error *err);
void glossa__concord_release(struct concord_version *cv);

/* Check one annex concept of cv (old: the same concept in the earlier
** version, or NULL), appending its findings to c. 0 or GLOSSA_ENOMEM. */
int glossa__concord_check(struct glossa_concordance *c, const struct concord_version *cv,
                          const struct v_concept *concept, const struct v_concept *old);

#endif
