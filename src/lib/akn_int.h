/*
** akn_int.h — writing Akoma Ntoso 3.0 (OASIS LegalDocML), shared by the
** draft protocol (protocol_akn.c) and annex 1 as a legal document
** (export_akn.c): the output with its sticky error, escaping, the FRBR
** identification block and the identifiers both documents must agree on.
** Private to libglossa.
*/
#ifndef GLOSSA_AKN_INT_H
#define GLOSSA_AKN_INT_H

#include "glossa_int.h"

/* The amended act: the 2009 Agreement (its Work), its annex 1, and the list
** of entries in it (list_1__item_ID in the annex document, the destination of
** the protocol's modifications). */
#define GLOSSA_AKN_AGREEMENT "/akn/int/act/2009-06-16/sco-iis"
#define GLOSSA_AKN_ANNEX GLOSSA_AKN_AGREEMENT "/!annex_1"

/* The document being written: every call is a no-op after the first error
** (rc, GLOSSA_ENOMEM). */
struct akn_out {
    struct glossa_buf *out;
    int rc;
};
void glossa__akn_put(struct akn_out *w, const char *s);
/* Element content, escaped (the whole string, or its first n bytes). */
void glossa__akn_text(struct akn_out *w, const char *s);
void glossa__akn_textn(struct akn_out *w, const char *s, size_t n);
/* ' NAME="VALUE"', VALUE the strings that follow concatenated up to a NULL, escaped. */
void glossa__akn_attrs(struct akn_out *w, const char *name, ...);

/* The ISO 639-2 code of an expression's language: rus, zho, eng. */
const char *glossa__akn_lang3(const char *lang);

/* What the FRBR identification of a document says. The Expression and the
** Manifestation are WORK/LANG3@DATE (/!COMPONENT, /!COMPONENT.xml, .akn);
** Russian and Chinese are authoritative, English a translation of both. */
struct akn_frbr {
    const char *work;                  /* the Work's IRI, e.g. GLOSSA_AKN_AGREEMENT */
    const char *component;             /* "main", "annex_1" */
    const char *work_date, *work_date_name;
    const char *date, *date_name;      /* the Expression's (and Manifestation's) */
    const char *lang3;
    const char *subtype, *name;        /* FRBRsubtype, FRBRname */
};
void glossa__akn_identification(struct akn_out *w, const struct akn_frbr *f);

#endif
