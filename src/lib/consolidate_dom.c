/*
** consolidate_dom.c — the DOM edits consolidate.c makes in the term base: find an
** entry, compare two elements' language and text, put an element in with its line's
** indentation (and the base's TEI namespace), take one out with its white space.
*/
#include "consolidate_int.h"

#include <string.h>

int glossa__cx_is_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The entry of this xml:id (an ID of the parsed document), or NULL. */
xmlNodePtr glossa__cx_find_entry(xmlDocPtr doc, const char *id)
{
    xmlAttrPtr a = xmlGetID(doc, (const xmlChar *)id);
    return a && glossa__cx_is_el(a->parent, "entry") ? a->parent : NULL;
}

/* The <usg type="…"> of a form or an entry. */
xmlNodePtr glossa__cx_usg_of(xmlNodePtr n, const char *type)
{
    xmlNodePtr c;
    for (c = n ? n->children : NULL; c; c = c->next) {
        xmlChar *t = glossa__cx_is_el(c, "usg") ? xmlGetNoNsProp(c, (const xmlChar *)"type") : NULL;
        int match = t && strcmp((const char *)t, type) == 0;
        xmlFree(t);
        if (match)
            return c;
    }
    return NULL;
}

int glossa__cx_has_value(xmlNodePtr n, const char *attr, const char *value)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)attr);
    int match = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return match;
}

int glossa__cx_same_lang(xmlNodePtr a, xmlNodePtr b)
{
    xmlChar *la = xmlGetNsProp(a, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    xmlChar *lb = xmlGetNsProp(b, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    int same = la && lb && xmlStrEqual(la, lb);
    xmlFree(la);
    xmlFree(lb);
    return same;
}

/* The same text, without the white space around it. */
int glossa__cx_same_text(xmlNodePtr a, xmlNodePtr b)
{
    xmlChar *ta = a ? xmlNodeGetContent(a) : NULL, *tb = b ? xmlNodeGetContent(b) : NULL;
    int same = ta && tb;
    if (same) {
        const xmlChar *x = ta, *y = tb;
        size_t nx, ny;
        while (*x == ' ' || *x == '\n') x++;
        while (*y == ' ' || *y == '\n') y++;
        nx = strlen((const char *)x);
        ny = strlen((const char *)y);
        while (nx && (x[nx - 1] == ' ' || x[nx - 1] == '\n')) nx--;
        while (ny && (y[ny - 1] == ' ' || y[ny - 1] == '\n')) ny--;
        same = nx == ny && memcmp(x, y, nx) == 0;
    }
    xmlFree(ta);
    xmlFree(tb);
    return same;
}

int glossa__cx_current(xmlNodePtr n)
{
    return !xmlHasProp(n, (const xmlChar *)"to");
}

static void use_ns(xmlNodePtr n, xmlNsPtr from, xmlNsPtr to)
{
    xmlNodePtr c;
    if (n->ns == from)
        n->ns = to;
    for (c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            use_ns(c, from, to);
}

/* A copy from a proposal, put into the base, uses the base's declaration of
** the TEI namespace rather than one of its own. */
void glossa__cx_adopt_ns(xmlDocPtr doc, xmlNodePtr n)
{
    xmlNsPtr def = n->nsDef, in_scope = def && !def->next && n->parent
                                            ? xmlSearchNsByHref(doc, n->parent, def->href) : NULL;
    if (!in_scope)
        return;
    use_ns(n, def, in_scope);
    n->nsDef = NULL;
    xmlFreeNs(def);
}

/* Put n next to where (after it, or before it), on a line of its own
** indented as where is. */
void glossa__cx_put(xmlDocPtr doc, xmlNodePtr where, xmlNodePtr n, int before)
{
    xmlNodePtr ws = where->prev && where->prev->type == XML_TEXT_NODE ? where->prev : NULL;
    xmlChar *indent = ws ? xmlNodeGetContent(ws) : NULL;
    const char *last = indent ? strrchr((const char *)indent, '\n') : NULL;
    xmlNodePtr text = xmlNewDocText(doc, (const xmlChar *)(last ? last : "\n"));
    if (before) {
        xmlAddPrevSibling(where, n);
        xmlAddPrevSibling(where, text);
    } else {
        xmlAddNextSibling(where, n);
        xmlAddPrevSibling(n, text);
    }
    glossa__cx_adopt_ns(doc, n);
    xmlFree(indent);
}

/* Take n out of the entry, with the white space before it. */
void glossa__cx_drop(xmlNodePtr n)
{
    xmlNodePtr ws = n->prev;
    if (ws && ws->type == XML_TEXT_NODE) {
        xmlUnlinkNode(ws);
        xmlFreeNode(ws);
    }
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}
