/*
** tei_int.h — what tei.c (the streaming TEI reader), tei_field.c (the parts
** of an entry) and tei_national.c (the entries and acts of the study of
** national legislation) share: the reader's state and the checked readers of
** an element's text and attributes. Private to libglossa.
*/
#ifndef GLOSSA_TEI_INT_H
#define GLOSSA_TEI_INT_H

#include "xml_in.h"

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"
#define MAX_DEPTH 32

struct tei_schema {
    xmlRelaxNGPtr rng;
};

struct reader_state {
    struct xml_in in;       /* the file, its problems (the first in *err) */
    const char *path;
    const struct tei_sink *sink;
    char **bibl_ids;        /* ids of this file's header bibls */
    unsigned char *bibl_act; /* 1: that bibl is a national act (type law, with a state) */
    size_t n_bibl, cap_bibl, cap_act;
    enum tei_kind doc_kind; /* the entries this file may hold */
    int any_language;       /* <TEI type="termbase">: a concept's preferred term may be in
                               any language (else one must be Russian, as in the annex) */
    int in_header;
    int oom;
    long last_line;         /* the last libxml2 message, to drop repeats */
    char last_msg[GLOSSA_ERROR_SIZE];
    int malformed;          /* a fatal parser error was reported: schema errors only echo it */
    int schema_lost;        /* an element out of place was reported: the schema's next
                               messages are its echoes, one per element after it */
    xmlTextReaderPtr reader; /* for the line of messages that come without one */
};

/* Is n a TEI element (named name, when name is not NULL)? */
int glossa__tei_is(xmlNodePtr n, const char *name);
long glossa__tei_line(xmlNodePtr n);
/* n's text squeezed into a, reported when its characters are not allowed. */
const char *glossa__tei_text(struct reader_state *st, struct glossa_arena *a, xmlNodePtr n);
/* The attribute name (in namespace ns, or none) of n, checked, or NULL. */
const char *glossa__tei_attr(struct reader_state *st, struct glossa_arena *a, xmlNodePtr n,
                             const char *name, const xmlChar *ns);
#define ATTR(n, name) glossa__tei_attr(st, a, (n), (name), NULL)
#define XML_ATTR(n, name) glossa__tei_attr(st, a, (n), (name), XML_XML_NAMESPACE)
/* A pointer to a header <bibl>: "#id" → "id", reported (what: the field) when
** it is not of that form or names no bibl of the file; NULL then. */
const char *glossa__tei_bibl_ref(struct reader_state *st, xmlNodePtr n, const char *ptr,
                                 const char *what);
/* 1 + the index of the header bibl with this id, 0 when there is none. */
size_t glossa__tei_bibl_index(struct reader_state *st, const char *id);
void glossa__tei_check_lang(struct reader_state *st, xmlNodePtr n, const char *lang);
/* The text of parent's <usg type="type">, or NULL. */
const char *glossa__tei_usg(struct reader_state *st, struct glossa_arena *a, xmlNodePtr parent,
                            const char *type);
/* A <form>, a <sense>, a <note> of type into e (room was made for them). */
void glossa__tei_form(struct reader_state *st, struct glossa_arena *a, xmlNodePtr f,
                      struct tei_entry *e);
void glossa__tei_sense(struct reader_state *st, struct glossa_arena *a, xmlNodePtr s,
                       struct tei_entry *e);
void glossa__tei_note(struct reader_state *st, struct glossa_arena *a, xmlNodePtr c,
                      struct tei_entry *e, const char *type);

/* ---- tei_national.c ---- */

/* A legal definition's and a notion's parts into e; what the schema leaves to
** glossa in an <entryFree> (the parts its type needs); a national act's
** state, number, date, titles and address into b. */
void glossa__tei_legal(struct reader_state *st, struct glossa_arena *a, xmlNodePtr node,
                       struct tei_entry *e);
void glossa__tei_notion(struct reader_state *st, struct glossa_arena *a, xmlNodePtr node,
                        struct tei_entry *e);
void glossa__tei_check_free(struct reader_state *st, xmlNodePtr node, const struct tei_entry *e);
void glossa__tei_act(struct reader_state *st, struct glossa_arena *a, xmlNodePtr node,
                     struct tei_bibl *b);

#endif
