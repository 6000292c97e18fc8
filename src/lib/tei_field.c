/*
** tei_field.c — the parts of a TEI entry as tei.c and tei_national.c read
** them: elements and attributes read through the checks of glossa's text
** (no controls, no bidi controls, size bounds), pointers to the header's
** bibls, language tags, and the <form>, <sense> and <note> of an entry.
*/
#include "tei_int.h"

#include <string.h>

/* ---- small DOM helpers ----------------------------------------------------- */

int glossa__tei_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, TEI_NS) == 0 &&
           (!name || strcmp((const char *)n->name, name) == 0);
}

long glossa__tei_line(xmlNodePtr n)
{
    return n ? xmlGetLineNo(n) : 0;
}

/* What a user calls the text of an element, and the rules for it. */
static const char *field_of(const char *element, int *kind)
{
    static const char *const names[][2] = {
        { "orth", "term" }, { "def", "definition" }, { "note", "note" },
        { "quote", "quotation" }, { "ref", "cross-reference label" }, { "usg", "usage label" },
        { "bibl", "source" }, { "title", "source title" }, { "pubPlace", "place of publication" },
        { "date", "date" }, { "citedRange", "cited range" },
    };
    size_t i;
    *kind = strcmp(element, "orth") == 0 ? TEXT_TERM : TEXT_FIELD;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(element, names[i][0]) == 0)
            return names[i][1];
    return element;
}

/* raw squeezed into the arena; reported when its characters are not allowed
** in the field (NULL: not checked here). */
static const char *checked(struct reader_state *st, struct glossa_arena *a, xmlNodePtr n,
                           const xmlChar *raw, const char *field, int kind)
{
    char why[160];
    char *s = glossa__arena_squeeze(a, raw ? (const char *)raw : "");
    if (!s)
        st->oom = 1;
    else if (field && glossa__text_refused(s, kind, why, sizeof why))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(n), 0, "%s %s", field, why);
    return s;
}

const char *glossa__tei_text(struct reader_state *st, struct glossa_arena *a,
                           xmlNodePtr n)
{
    xmlChar *raw = xmlNodeGetContent(n);
    int kind;
    const char *field = field_of((const char *)n->name, &kind);
    const char *s = checked(st, a, n, raw, field, kind);
    xmlFree(raw);
    return s;
}

const char *glossa__tei_attr(struct reader_state *st, struct glossa_arena *a,
                           xmlNodePtr n, const char *name, const xmlChar *ns)
{
    xmlChar *raw = ns ? xmlGetNsProp(n, (const xmlChar *)name, ns)
                      : xmlGetNoNsProp(n, (const xmlChar *)name);
    char field[80];
    const char *s;
    if (!raw)
        return NULL;
    snprintf(field, sizeof field, "attribute %s%s", ns ? "xml:" : "", name);
    /* libxml2 refuses an xml:id that is not an NCName (controls, bidi and
    ** invisible characters are not name characters): said once is enough */
    s = checked(st, a, n, raw, ns ? NULL : field, TEXT_FIELD);
    xmlFree(raw);
    return s;
}


/* 1 + the index of the header bibl with this id, 0 when there is none. */
size_t glossa__tei_bibl_index(struct reader_state *st, const char *id)
{
    size_t i;
    for (i = 0; i < st->n_bibl; i++)
        if (strcmp(st->bibl_ids[i], id) == 0)
            return i + 1;
    return 0;
}

/* A pointer to a header <bibl>: "#id" → "id", reported when it dangles. */
const char *glossa__tei_bibl_ref(struct reader_state *st, xmlNodePtr n,
                            const char *ptr, const char *what)
{
    if (!ptr)
        return NULL;
    if (ptr[0] != '#' || !ptr[1]) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(n), 0,
               "%s '%s' must be a local pointer of the form '#id'", what, ptr);
        return NULL;
    }
    if (!glossa__tei_bibl_index(st, ptr + 1)) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(n), 0,
               "%s '%s' names no <bibl> in this file's header", what, ptr);
        return NULL;
    }
    return ptr + 1;
}

void glossa__tei_check_lang(struct reader_state *st, xmlNodePtr n, const char *lang)
{
    if (!lang)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(n), 0, "<%s> has no xml:lang", n->name);
    else if (!glossa_lang_is_valid(lang))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(n), 0,
               "unknown language tag '%s' (expected a member language: ru zh en kk ky tg uz hi ur fa be, "
               "with optional script and region, e.g. uz-Cyrl, zh-Hant-TW)", lang);
}

/* "#working-translation" → basis; unknown values are reported. */
static const char *basis_of(struct reader_state *st, xmlNodePtr n, const char *resp)
{
    if (!resp)
        return "official";
    if (strcmp(resp, "#reconstruction") == 0)
        return "reconstruction";
    if (strcmp(resp, "#working-translation") == 0)
        return "working-translation";
    glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(n), 0,
           "resp '%s' is neither '#reconstruction' nor '#working-translation'", resp);
    return "official";
}

const char *glossa__tei_usg(struct reader_state *st, struct glossa_arena *a,
                          xmlNodePtr parent, const char *type)
{
    xmlNodePtr c;
    for (c = parent->children; c; c = c->next) {
        if (glossa__tei_is(c, "usg")) {
            const char *t = ATTR(c, "type");
            if (t && strcmp(t, type) == 0)
                return glossa__tei_text(st, a, c);
        }
    }
    return NULL;
}

xmlNodePtr glossa__tei_child(xmlNodePtr n, const char *name)
{
    xmlNodePtr c;
    for (c = n ? n->children : NULL; c; c = c->next)
        if (glossa__tei_is(c, name))
            return c;
    return NULL;
}

/* ---- one <entry> ------------------------------------------------------------ */

void glossa__tei_form(struct reader_state *st, struct glossa_arena *a,
                      xmlNodePtr f, struct tei_entry *e)
{
    struct tei_term *t = &e->terms[e->n_terms];
    xmlNodePtr orth = glossa__tei_child(f, "orth");

    t->line = glossa__tei_line(f);
    t->lang = XML_ATTR(f, "lang");
    glossa__tei_check_lang(st, f, t->lang);
    t->text = orth ? glossa__tei_text(st, a, orth) : NULL;
    if (!t->text || !*t->text) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, t->line, 0, "entry '%s': <form> has no <orth> text",
               e->id ? e->id : "?");
        return;
    }
    t->status = glossa__tei_usg(st, a, f, "status");
    if (!t->status)
        t->status = "preferred";
    t->term_type = glossa__tei_usg(st, a, f, "termType");
    t->geo = glossa__tei_usg(st, a, f, "geo");
    t->source = glossa__tei_bibl_ref(st, f, ATTR(f, "source"), "form source");
    t->from = ATTR(f, "from");
    t->to = ATTR(f, "to");
    t->basis = basis_of(st, f, ATTR(f, "resp"));
    t->working = strcmp(t->basis, "working-translation") == 0;
    e->n_terms++;
}

void glossa__tei_sense(struct reader_state *st, struct glossa_arena *a,
                       xmlNodePtr s, struct tei_entry *e)
{
    xmlNodePtr c;
    for (c = s->children; c; c = c->next) {
        if (glossa__tei_is(c, "def")) {
            struct tei_def *d = &e->defs[e->n_defs++];
            d->line = glossa__tei_line(c);
            d->lang = XML_ATTR(c, "lang");
            glossa__tei_check_lang(st, c, d->lang);
            d->text = glossa__tei_text(st, a, c);
            d->basis = basis_of(st, c, ATTR(c, "resp"));
            d->from = ATTR(c, "from");
            d->to = ATTR(c, "to");
            d->source = glossa__tei_bibl_ref(st, c, ATTR(c, "source"), "definition source");
            if (!ATTR(c, "source") && e->kind != TEI_LEGAL) /* a law's: the entry's act */
                glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, d->line, 0,
                       "entry '%s': definition in '%s' has no source",
                       e->id ? e->id : "?", d->lang ? d->lang : "?");
        } else if (glossa__tei_is(c, "cit")) {
            struct tei_attest *t = &e->attests[e->n_attests++];
            xmlNodePtr q = glossa__tei_child(c, "quote"), b = glossa__tei_child(c, "bibl");
            t->lang = XML_ATTR(c, "lang");
            glossa__tei_check_lang(st, c, t->lang);
            t->quote = q ? glossa__tei_text(st, a, q) : "";
            t->source = b ? glossa__tei_bibl_ref(st, b, ATTR(b, "corresp"), "attestation source") : NULL;
        } else if (glossa__tei_is(c, "xr")) {
            xmlNodePtr r = glossa__tei_child(c, "ref");
            struct tei_xref *x = &e->xrefs[e->n_xrefs];
            const char *target = r ? ATTR(r, "target") : NULL;
            x->line = glossa__tei_line(c);
            x->type = ATTR(c, "type");
            if (!target || target[0] != '#' || !target[1]) {
                glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, x->line, 0,
                       "entry '%s': cross-reference needs <ref target=\"#concept-id\">",
                       e->id ? e->id : "?");
                continue;
            }
            x->target = target + 1;
            x->label = glossa__tei_text(st, a, r);
            e->n_xrefs++;
        }
    }
}

void glossa__tei_note(struct reader_state *st, struct glossa_arena *a, xmlNodePtr c,
                      struct tei_entry *e, const char *type)
{
    struct tei_note *n = &e->notes[e->n_notes++];
    n->lang = XML_ATTR(c, "lang");
    glossa__tei_check_lang(st, c, n->lang);
    n->type = type ? type : "editorial";
    n->text = glossa__tei_text(st, a, c);
}

