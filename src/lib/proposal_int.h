/*
** proposal_int.h — proposals in memory, shared by proposal.c (loading,
** checks), positions.c (where each change stands) and consolidate.c (the
** next version of the term base). Private to libglossa.
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

#endif
