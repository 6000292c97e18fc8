/*
** consolidate.c — the next version of a term-base file: the changes that
** every party agreed to, applied to the version in force. An amendment
** replaces the entry of the same id where it stands; a new concept is
** appended; the sources a change cites come along into the header (with the
** proposal's id in front of their ids, so they cannot clash). Two agreed
** changes of one concept are a conflict: both are reported, neither is
** applied. The rest of the file is kept as it was, byte for byte where the
** DOM allows. The result is written aside and renamed into place (outfile.c).
*/
#include "glossa_int.h"
#include "proposal_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"

static void diag(glossa_diag_fn fn, void *ud, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void diag(glossa_diag_fn fn, void *ud, const char *file, long line, const char *fmt, ...)
{
    glossa_error d;
    va_list ap;
    va_start(ap, fmt);
    glossa__error_vset(&d, GLOSSA_EINPUT, file, line, 0, fmt, ap);
    va_end(ap);
    if (fn)
        fn(&d, ud);
}

static xmlNodePtr find_entry(xmlNodePtr n, const char *id)
{
    xmlNodePtr c, found;
    for (c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "entry") == 0) {
            xmlChar *v = xmlGetNsProp(c, (const xmlChar *)"id", XML_XML_NAMESPACE);
            int match = v && strcmp((const char *)v, id) == 0;
            xmlFree(v);
            if (match)
                return c;
        } else if ((found = find_entry(c, id))) {
            return found;
        }
    }
    return NULL;
}

/* Prefix for the ids of the sources a proposal brings: "kz-2026-1-". */
static void source_prefix(const char *proposal, char *out, size_t size)
{
    size_t i;
    for (i = 0; proposal[i] && i + 2 < size; i++)
        out[i] = (char)tolower((unsigned char)proposal[i]);
    out[i++] = '-';
    out[i] = '\0';
}

/* Rewrite "#id" pointers in attributes source and corresp of the copy. */
static void rewrite_pointers(xmlNodePtr n, const char *prefix)
{
    static const char *const attrs[] = { "source", "corresp" };
    xmlNodePtr c;
    size_t i;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (i = 0; i < 2; i++) {
            xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)attrs[i]);
            if (v && v[0] == '#') {
                char buf[512];
                snprintf(buf, sizeof buf, "#%s%s", prefix, (const char *)v + 1);
                xmlSetProp(n, (const xmlChar *)attrs[i], (const xmlChar *)buf);
            }
            xmlFree(v);
        }
        c = n->children;
        rewrite_pointers(c, prefix);
    }
}

/* Copy the proposal's header bibls into the base header, ids prefixed (once). */
static int import_sources(xmlDocPtr base, xmlDocPtr prop, const char *prefix)
{
    xmlNodePtr list = glossa__xml_find(xmlDocGetRootElement(base), "listBibl");
    xmlNodePtr plist = glossa__xml_find(xmlDocGetRootElement(prop), "listBibl"), b;
    if (!list || !plist)
        return GLOSSA_ESCHEMA;
    for (b = plist->children; b; b = b->next) {
        xmlChar *id;
        char newid[512];
        xmlNodePtr copy;
        if (b->type != XML_ELEMENT_NODE)
            continue;
        id = xmlGetNsProp(b, (const xmlChar *)"id", XML_XML_NAMESPACE);
        if (!id)
            continue;
        snprintf(newid, sizeof newid, "%s%s", prefix, (const char *)id);
        xmlFree(id);
        if (xmlGetID(base, (const xmlChar *)newid))
            continue; /* brought in already */
        copy = xmlDocCopyNode(b, base, 1);
        if (!copy)
            return GLOSSA_ENOMEM;
        xmlSetNsProp(copy, xmlSearchNsByHref(base, list, XML_XML_NAMESPACE), (const xmlChar *)"id",
                     (const xmlChar *)newid);
        xmlAddChild(list, xmlNewDocText(base, (const xmlChar *)"  "));
        xmlAddChild(list, copy);
        xmlAddChild(list, xmlNewDocText(base, (const xmlChar *)"\n        "));
    }
    return 0;
}

/* Same element name, language and text: the same wording. */
static int same_wording(xmlNodePtr a, xmlNodePtr b)
{
    xmlChar *la = xmlGetNsProp(a, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    xmlChar *lb = xmlGetNsProp(b, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    xmlChar *ta = xmlNodeGetContent(a), *tb = xmlNodeGetContent(b);
    int same = strcmp((const char *)a->name, (const char *)b->name) == 0 && la && lb &&
               xmlStrEqual(la, lb) && ta && tb;
    if (same) {
        /* compare the orth/def text without the white space around it */
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
    xmlFree(la);
    xmlFree(lb);
    xmlFree(ta);
    xmlFree(tb);
    return same;
}

static int is_wording(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE &&
           (strcmp((const char *)n->name, "form") == 0 || strcmp((const char *)n->name, "def") == 0);
}

/* Wordings of an element list (forms of an entry, defs of a sense). */
static void date_list(xmlDocPtr doc, xmlNodePtr new_parent, xmlNodePtr old_parent,
                      xmlNodePtr insert_before, const char *day)
{
    xmlNodePtr o, n;
    /* new wordings that the old entry did not have start on day */
    for (n = new_parent->children; n; n = n->next) {
        int kept = 0;
        if (!is_wording(n))
            continue;
        for (o = old_parent ? old_parent->children : NULL; o && !kept; o = o->next)
            kept = is_wording(o) && same_wording(o, n);
        if (!kept && !xmlHasProp(n, (const xmlChar *)"from"))
            xmlSetProp(n, (const xmlChar *)"from", (const xmlChar *)day);
    }
    /* old wordings that the new entry drops stay, as history, ending on day */
    for (o = old_parent ? old_parent->children : NULL; o; o = o->next) {
        int kept = 0;
        xmlNodePtr copy;
        if (!is_wording(o))
            continue;
        for (n = new_parent->children; n && !kept; n = n->next)
            kept = is_wording(n) && same_wording(o, n);
        if (kept)
            continue;
        copy = xmlDocCopyNode(o, doc, 1);
        if (!copy)
            continue;
        if (!xmlHasProp(copy, (const xmlChar *)"to"))
            xmlSetProp(copy, (const xmlChar *)"to", (const xmlChar *)day);
        if (insert_before)
            xmlAddPrevSibling(insert_before, copy);
        else
            xmlAddChild(new_parent, copy);
        xmlAddPrevSibling(copy, xmlNewDocText(doc, (const xmlChar *)"\n        "));
    }
}

static xmlNodePtr child_named(xmlNodePtr n, const char *name)
{
    xmlNodePtr c;
    for (c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

/* An amendment in force from day: earlier wordings are kept with to=day. */
static void date_amendment(xmlDocPtr doc, xmlNodePtr copy, xmlNodePtr old, const char *day)
{
    xmlNodePtr new_sense = child_named(copy, "sense"), old_sense = child_named(old, "sense");
    date_list(doc, copy, old, new_sense, day);
    if (new_sense)
        date_list(doc, new_sense, old_sense, child_named(new_sense, "cit") ? child_named(new_sense, "cit")
                                                                           : child_named(new_sense, "xr"), day);
}

/* A new concept in force from day. */
static void date_new(xmlNodePtr copy, const char *day)
{
    xmlNodePtr c, sense = child_named(copy, "sense");
    for (c = copy->children; c; c = c->next)
        if (is_wording(c) && !xmlHasProp(c, (const xmlChar *)"from"))
            xmlSetProp(c, (const xmlChar *)"from", (const xmlChar *)day);
    for (c = sense ? sense->children : NULL; c; c = c->next)
        if (is_wording(c) && !xmlHasProp(c, (const xmlChar *)"from"))
            xmlSetProp(c, (const xmlChar *)"from", (const xmlChar *)day);
}

static int save(xmlDocPtr doc, const char *out_file, glossa_error *err)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr ctx = buf ? xmlSaveToBuffer(buf, "UTF-8", 0) : NULL;
    int ok = ctx && xmlSaveDoc(ctx, doc) >= 0, rc;
    if (ctx && xmlSaveClose(ctx) < 0)
        ok = 0;
    rc = ok ? glossa_write_file(out_file, xmlBufferContent(buf), (size_t)xmlBufferLength(buf), err)
            : glossa__error_set(err, GLOSSA_ENOMEM, out_file, 0, 0, "cannot write the new version: out of memory");
    xmlBufferFree(buf);
    return rc;
}

int glossa_consolidate(const char *base_file, const glossa_proposals *p,
                       const glossa_status_report *r, const char *in_force,
                       const char *out_file, unsigned *applied, glossa_diag_fn on_diag,
                       void *userdata, glossa_error *err)
{
    xmlDocPtr base;
    xmlNodePtr body;
    size_t i, j;
    unsigned done = 0, conflicts = 0;
    int rc = 0;

    if ((rc = glossa__status_conflicts(r, on_diag, userdata, err)))
        return rc; /* two agreed wordings of one concept */
    /* the base is validated first: no DOCTYPE, nothing external */
    if ((rc = glossa_validate(&base_file, 1, NULL, NULL, err)) && rc != GLOSSA_ESCHEMA)
        return rc;
    rc = 0;
    if ((rc = glossa__xml_read_file(base_file, &base, err)))
        return rc;
    body = glossa__xml_find(xmlDocGetRootElement(base), "body");
    if (!body) {
        xmlFreeDoc(base);
        return glossa__error_set(err, GLOSSA_ESCHEMA, base_file, 0, 0, "no <body>");
    }
    for (i = 0; i < r->n && !rc; i++) {
        const glossa_change_status *s = &r->items[i];
        const glossa_proposal_change *c = s->change;
        size_t k = (size_t)(c - p->changes);
        const struct change_source *src = &p->sources[k];
        xmlNodePtr copy, old;
        char prefix[64];
        int conflict = 0;

        if (strcmp(s->status, "agreed") != 0)
            continue;
        for (j = 0; j < r->n; j++) {
            if (j != i && strcmp(r->items[j].status, "agreed") == 0 &&
                strcmp(r->items[j].change->id, c->id) == 0) {
                diag(on_diag, userdata, c->file, c->line,
                     "conflict: concept '%s' is changed by %s and by %s, both agreed; neither is applied",
                     c->id, c->proposal, r->items[j].change->proposal);
                conflict = 1;
            }
        }
        if (conflict) {
            conflicts++;
            continue;
        }
        source_prefix(c->proposal, prefix, sizeof prefix);
        if ((rc = import_sources(base, src->file->doc, prefix)))
            break;
        copy = xmlDocCopyNode(src->entry, base, 1);
        if (!copy) {
            rc = GLOSSA_ENOMEM;
            break;
        }
        xmlUnsetProp(copy, (const xmlChar *)"subtype");
        rewrite_pointers(copy, prefix);
        old = find_entry(body, c->id);
        if (strcmp(c->kind, "amend") == 0) {
            if (!old) {
                diag(on_diag, userdata, c->file, c->line,
                     "concept '%s' to amend is not in %s; not applied", c->id, base_file);
                xmlFreeNode(copy);
                conflicts++;
                continue;
            }
            if (in_force)
                date_amendment(base, copy, old, in_force);
            xmlReplaceNode(old, copy);
            xmlFreeNode(old);
        } else {
            if (old) {
                diag(on_diag, userdata, c->file, c->line,
                     "new concept '%s' is already in %s; not applied", c->id, base_file);
                xmlFreeNode(copy);
                conflicts++;
                continue;
            }
            if (in_force)
                date_new(copy, in_force);
            xmlAddChild(body, xmlNewDocText(base, (const xmlChar *)"  "));
            xmlAddChild(body, copy);
            xmlAddChild(body, xmlNewDocText(base, (const xmlChar *)"\n    "));
        }
        done++;
    }
    if (rc)
        rc = glossa__error_set(err, rc, base_file, 0, 0,
                               rc == GLOSSA_ENOMEM ? "out of memory" : "the base file has no <listBibl>");
    else if (conflicts)
        rc = glossa__error_set(err, GLOSSA_EINPUT, base_file, 0, 0,
                               "%u change%s could not be applied; nothing written", conflicts,
                               conflicts == 1 ? "" : "s");
    else
        rc = save(base, out_file, err);
    xmlFreeDoc(base);
    if (applied)
        *applied = done;
    return rc;
}
