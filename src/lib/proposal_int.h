/*
** proposal_int.h — proposals in memory, shared by proposal.c (loading,
** checks), positions.c (where each change stands), consolidate.c (the
** next version of the term base) and explanatory.c (the note sent with a
** draft). Private to libglossa.
*/
#ifndef GLOSSA_PROPOSAL_INT_H
#define GLOSSA_PROPOSAL_INT_H

#include "diff_int.h"
#include "xml_in.h"

#include <libxml/tree.h>

#define PROPOSALS_MAX_FILES 256

struct proposal_file {
    const char *path, *proposal, *state, *authority, *date, *round;
    struct glossa_tb *tb; /* the file read by the term-base loader */
    struct version v;     /* its concepts */
    xmlDocPtr doc;        /* its DOM, for consolidation */
};

struct change_source {
    struct proposal_file *file;
    struct v_concept *concept;
    xmlNodePtr entry;     /* in file->doc */
};

struct glossa_proposals {
    struct glossa_arena *arena;
    struct proposal_file files[PROPOSALS_MAX_FILES];
    size_t n_files;
    glossa_proposal_change *changes;  /* parallel arrays */
    struct change_source *sources;
    size_t n, cap;
};

struct glossa_status_report {
    struct glossa_arena *arena;
    const char *parties;
    glossa_change_status *items;
    size_t n;
};

/* Two different wordings of one concept both agreed: each pair reported to
** on_diag (FILE:LINE of the first, both proposals and who agreed), and
** GLOSSA_EINPUT ("nothing written") when there is any (positions.c). */
int glossa__status_conflicts(const glossa_status_report *r, glossa_diag_fn on_diag, void *userdata,
                             glossa_error *err);

/* Placeholder text (FILL IN, …) left in change i's entry, and in its file's
** header when header: each reported to on_diag (the rule of glossa check);
** the count. */
unsigned glossa__change_placeholders(const struct glossa_proposals *p, size_t i, int header,
                                    glossa_diag_fn on_diag, void *userdata);

/* n's text content, or attribute name (in namespace ns, or none), copied
** into a; NULL when absent (or out of memory). */
char *glossa__xml_text_copy(struct glossa_arena *a, xmlNodePtr n);
char *glossa__xml_prop_copy(struct glossa_arena *a, xmlNodePtr n, const char *name,
                            const xmlChar *ns);

/* ---- explanatory.c: what the note and the protocol's table both say ---- */

/* The rationale of a proposal's entry in lang; else the first in another
** language, *written_in its tag (NULL when in lang); NULL when none. */
const char *glossa__proposal_rationale(struct glossa_arena *a, xmlNodePtr entry, const char *lang,
                                       const char **written_in);
/* A language's name (tag "ru") in language in ("русский", "俄语", "Russian"). */
const char *glossa__language_name(struct glossa_arena *a, const char *tag, const char *in);

#endif
