/*
** consolidate_int.h — the DOM edits of consolidation (consolidate_dom.c), shared
** by consolidate.c. Private to libglossa.
*/
#ifndef GLOSSA_CONSOLIDATE_INT_H
#define GLOSSA_CONSOLIDATE_INT_H

#include <libxml/tree.h>

/* n is an element called name. */
int glossa__cx_is_el(xmlNodePtr n, const char *name);
/* The entry of this xml:id (an ID of the parsed document), or NULL. */
xmlNodePtr glossa__cx_find_entry(xmlDocPtr doc, const char *id);
/* The <usg type="…"> of a form or an entry, or NULL. */
xmlNodePtr glossa__cx_usg_of(xmlNodePtr n, const char *type);
/* n's attribute attr (no namespace) is value. */
int glossa__cx_has_value(xmlNodePtr n, const char *attr, const char *value);
/* a and b have the same xml:lang. */
int glossa__cx_same_lang(xmlNodePtr a, xmlNodePtr b);
/* a and b have the same text, without the white space around it. */
int glossa__cx_same_text(xmlNodePtr a, xmlNodePtr b);
/* n is in force (has no to="…"). */
int glossa__cx_current(xmlNodePtr n);
/* A copy from a proposal, put into the base, uses the base's declaration of
** the TEI namespace rather than one of its own. */
void glossa__cx_adopt_ns(xmlDocPtr doc, xmlNodePtr n);
/* Put n next to where (after it, or before it), on a line of its own
** indented as where is. */
void glossa__cx_put(xmlDocPtr doc, xmlNodePtr where, xmlNodePtr n, int before);
/* Take n out, with the white space before it. */
void glossa__cx_drop(xmlNodePtr n);

#endif
