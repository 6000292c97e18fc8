/*
** protocol_int.h — the draft protocol being built, shared by protocol.c
** (the text of the protocol), protocol_table.c (the comparative table) and
** protocol_text.c (the pieces of text both are made of).
** Private to libglossa.
*/
#ifndef GLOSSA_PROTOCOL_INT_H
#define GLOSSA_PROTOCOL_INT_H

#include "glossa_int.h"
#include "diff_int.h"

enum amend_kind { AMEND_ADD, AMEND_REPLACE, AMEND_DELETE };

struct amendment {
    enum amend_kind kind;
    const struct v_concept *old, *new;
    const char *term;   /* the term the annex files it under, in the protocol's language */
    long major;         /* its place in the annex order (see annex_place in protocol.c) */
    size_t minor;
    const char *label;  /* "а", "б", … (NULL when the protocol makes one change) */
    const char *num;    /* the label as the point is numbered: "а)", "（一）", "(a)" */
    const char *pos;    /* an addition's place: "after" (the entry after_id), "start", "end" */
    const char *after_id;
};

struct protocol {
    const glossa_diff *diff;
    const glossa_protocol_opts *opts;
    struct doc_writer w;               /* its template, document, scratch space, oom */
    struct amendment *am;              /* in annex order, the same in every language */
    size_t n_am;
    const struct v_concept **annex;    /* NEW in annex order, withdrawn concepts left out */
    size_t n_annex;
    int change;                        /* the change record blocks added now state (1, 2, …) */
    char day[11];                      /* the draft's date, YYYY-MM-DD (Akoma Ntoso) */
};

/* The text pieces (protocol_text.c). */

/* The protocol language's term of a concept, falling back to Russian, then its id. */
const char *glossa__protocol_term(const struct protocol *p, const struct v_concept *c);
/* The k-th label of a space-separated list section ("а б в …"), else k+1. */
const char *glossa__protocol_label(struct protocol *p, const char *key, size_t k);
/* The last item of a list ends with a full stop, not a semicolon
** ("…;" → "….", "…；" → "…。"). */
const char *glossa__protocol_final_stop(struct protocol *p, const char *text);
/* A template section with its {name} placeholders filled from the
** NULL-terminated name, value pairs that follow; in the document's arena. */
const char *glossa__protocol_fill(struct protocol *p, const char *key, ...);
/* Add a block of one plain run (sets p->oom on failure). */
void glossa__protocol_block(struct protocol *p, enum doc_kind kind, const char *text);
/* Blocks for a multi-paragraph section: one per paragraph (per line when per_line). */
void glossa__protocol_section(struct protocol *p, enum doc_kind kind, const char *key,
                              int per_line);
/* An entry's wording through template section key: its term and definition in
** the protocol's language ([entry.untranslated] standing for a missing definition). */
const char *glossa__protocol_entry(struct protocol *p, const char *key, const struct v_concept *c);
/* Does a reworded entry read the same in the protocol's language in OLD and
** NEW (the change is in another language's text)? Such a point is never printed
** as a new wording: [entry.unchanged] says so instead. */
int glossa__protocol_unchanged(const struct protocol *p, const struct amendment *a);

/* The protocol as an Akoma Ntoso 3.0 act (protocol_akn.c), from the document
** build() made and the change records, appended to out. */
int glossa__protocol_akn(const struct protocol *p, struct glossa_buf *out);

/* The comparative table (protocol_table.c): current and proposed wording side
** by side, the current wording marked NOT VERIFIED where it is a reconstruction,
** then the rationales the new version records and the table's note. */
void glossa__protocol_table(struct protocol *p);

#endif
