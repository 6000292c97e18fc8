/*
** exchange_int.h — what the exchange-format files of libglossa share: the
** writers and readers that work on a term base in memory (termbase_int.h).
**
** export_tbx.c (TBX 2019; export_tbx2008.c TBX 2008 with it),
** export_csv.c and export_json.c write it; import_tbx.c fills it from TBX;
** tei_write.c writes it as TEI in glossa's encoding (schema/README.md).
*/
#ifndef GLOSSA_EXCHANGE_INT_H
#define GLOSSA_EXCHANGE_INT_H

#include "termbase_int.h"

/* ---- writers --------------------------------------------------------------------- */

/* Warnings of a writer or reader: what a format cannot carry, what was left
** out. Reported as a glossa_error with code 0. */
struct xc_report {
    glossa_diag_fn fn;
    void *userdata;
    const char *file;           /* for the records */
    glossa_exchange_stats *stats;
    int strict;                 /* a warning is an error (import --strict) */
};
void glossa__xc_warn(struct xc_report *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The distinct language tags of tb, in order of first appearance (terms,
** then definitions, then the national terms of its concepts), kept when they match the comma-separated list want
** (NULL: all); with want, in the order of its items. @param[out] out  array
** in tb's arena */
int glossa__tb_languages(struct glossa_tb *tb, const char *want, const char ***out, size_t *n);

/* What a national definition is, in the words every exchange format carries
** it with (a TBX note, a CSV column, an OmegaT comment), appended to out:
** "statutory text of STATE, not glossa's: ACT (glossa_legal_cite); edition of
** DATE; read at URL; the act's own text (or: translation: WHO); RELATION;
** reliability R of 4; note: NOTES" (the study's notes, when it has some).
** 0 or GLOSSA_ENOMEM. */
int glossa__xc_legal_note(const glossa_legal *l, struct glossa_buf *out);


/* What differs between the TBX versions glossa writes; the walk over the
** term base (export_tbx.c) is one for both. */
struct tbx_dialect {
    const char *prolog;         /* the XML declaration to the root's start tag */
    const char *root, *header;  /* "tbx", "tbxHeader" / "martif", "martifHeader" */
    const char *header_end;     /* after fileDesc, in the header */
    const char *name;           /* in sourceDesc: "TBX-Basic, DCA style" */
    const char *entry, *lang, *term;  /* conceptEntry langSec termSec / termEntry langSet tig */
    int back;                   /* 1: sources as refObjects in back, admin source points there */
};
int glossa__write_tbx_as(struct glossa_tb *tb, const glossa_export_opts *opts,
                         struct xc_report *r, const struct tbx_dialect *d,
                         struct glossa_buf *out);
int glossa__write_tbx(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out);
int glossa__write_tbx2008(struct glossa_tb *tb, const glossa_export_opts *opts,
                          struct xc_report *r, struct glossa_buf *out);
int glossa__write_csv(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out);
int glossa__write_omegat(struct glossa_tb *tb, const glossa_export_opts *opts,
                         struct xc_report *r, struct glossa_buf *out);
int glossa__write_json(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                       struct glossa_buf *out);
/* Annex 1 as an Akoma Ntoso document (export_akn.c): opts checked first by
** glossa__akn_export_check (lang and as_of belong to this format alone);
** GLOSSA_ENOTFOUND (err filled) when no annex concept is in force that day. */
int glossa__akn_export_check(const glossa_export_opts *opts, glossa_error *err);
int glossa__write_akn(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out, glossa_error *err);
/* The term base as one TEI file in glossa's encoding. */
int glossa__write_tei(const struct glossa_tb *tb, struct glossa_buf *out);
/* One entry of it (6-space indent), with subtype ("new", "amend", "delete": in a
** proposal) when not NULL; one source of its header (10-space indent). */
int glossa__write_tei_entry(const struct tei_entry *e, const char *subtype, struct glossa_buf *out);
int glossa__write_tei_bibl(const struct tei_bibl *b, struct glossa_buf *out);
/* A law cited by a proposal's header (10-space indent): b's titles (its citation
** when it has none), date, the article range (may be NULL), url and number. */
int glossa__write_tei_act(const struct tei_bibl *b, const char *range, struct glossa_buf *out);

/* Markers that carry what TBX-Basic has no data category for (see
** schema/README.md §6): a note "[glossa] status: …" on the concept, and
** "[glossa] reconstruction" / "[glossa] working translation" on a term or a
** definition; glossa's note types as "[usage] …". */
#define XC_MARK "[glossa] "

#endif
