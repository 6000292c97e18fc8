/*
** propose_int.h — what propose.c takes from propose_law.c: a new concept
** started from a national definition of the study (glossary/national/), and
** the closest ids to one not found. Private to libglossa.
*/
#ifndef GLOSSA_PROPOSE_INT_H
#define GLOSSA_PROPOSE_INT_H

#include "glossa_int.h"

/* A proposal started from a national definition (--from-law). */
struct law_start {
    struct tei_entry entry;  /* the new concept: the national term and the quoted definition */
    struct tei_bibl act;     /* the act as the proposal's "national-act" (url: where read) */
    const char *range;       /* its article and item, or NULL */
    const char *item;        /* the definition's xml:id */
    const char *lang;        /* the language of the quoted text */
};

struct glossa_tb;
/* Read o->from_law ("ACT:ITEM" or "ITEM": xml:ids of the study) from the
** study o->base (files or folders) into out, in tb's arena. GLOSSA_EINPUT:
** no such definition (naming the closest ids), another act, or an act of
** another state than o->state. */
int glossa__propose_from_law(struct glossa_tb *tb, const glossa_propose_opts *o,
                             struct law_start *out, glossa_error *err);

/* The closest of ids to id by edit distance (up to 3), "a, b, c", into out. */
void glossa__closest_ids(const char *const *ids, size_t n, const char *id, char *out, size_t size);

#endif
