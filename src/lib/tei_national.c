/*
** tei_national.c — the entries of the study of national legislation
** (glossary/national/, schema/README.md) as tei.c reads them: a legal
** definition (one term, its definition, what it relates to, where in the act
** and where it was read, who translated it), a notion (glossa's labels), the
** rules the schema leaves to glossa for them, and a national act's header
** bibl (state, number, date, titles); and the values of a legal definition
** as the library hands it out (glossa_legal) that the index and the term base
** in memory both derive from these records.
*/
#include "tei_int.h"

#include <string.h>

/* A legal definition (glossary/national/): one term, one definition, the
** concept or notion it relates to, where it is in the act and where it was
** read. The schema fixed the shape; here what it cannot say. */
void glossa__tei_legal(struct reader_state *st, struct glossa_arena *a, xmlNodePtr node,
                       struct tei_entry *e)
{
    xmlNodePtr c, b = glossa__tei_child(node, "bibl");
    size_t k;

    if (e->source && (k = glossa__tei_bibl_index(st, e->source)) && !st->bibl_act[k - 1])
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "entry '%s': source '#%s' is not a national act (a <bibl type=\"law\"> "
               "with an <idno type=\"state\">)", e->id, e->source);
    for (c = node->children; c; c = c->next) {
        if (glossa__tei_is(c, "form"))
            glossa__tei_form(st, a, c, e);
        else if (glossa__tei_is(c, "sense"))
            glossa__tei_sense(st, a, c, e);
        else if (glossa__tei_is(c, "note")) {
            const char *type = ATTR(c, "type");
            if (type && strcmp(type, "translation") == 0) {
                if (e->cite.translation)
                    glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(c), 0,
                           "entry '%s': a second note of type translation (one says who "
                           "translated the text)", e->id);
                e->cite.translation = glossa__tei_text(st, a, c);
            } else {
                glossa__tei_note(st, a, c, e, type);
            }
        }
    }
    /* the source is the entry's act; whose text it is, cite.translation */
    for (k = 0; k < e->n_defs; k++) {
        if (e->n_terms && e->terms[0].lang && e->defs[k].lang &&
            strcmp(e->terms[0].lang, e->defs[k].lang) != 0)
            glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->defs[k].line, 0,
                   "entry '%s': the definition is in '%s' but its term in '%s' (quote both "
                   "from the same text of the act)", e->id, e->defs[k].lang, e->terms[0].lang);
    }
    if (b) {
        xmlNodePtr r = glossa__tei_child(b, "citedRange"), d = glossa__tei_child(b, "date"),
                   u = glossa__tei_child(b, "idno");
        e->cite.range = r ? glossa__tei_text(st, a, r) : NULL;
        e->cite.version = d ? ATTR(d, "when") : NULL;
        e->cite.url = u ? glossa__tei_text(st, a, u) : NULL;
    }
}

void glossa__tei_notion(struct reader_state *st, struct glossa_arena *a, xmlNodePtr node,
                        struct tei_entry *e)
{
    xmlNodePtr c;
    for (c = node->children; c; c = c->next) {
        if (glossa__tei_is(c, "form")) {
            glossa__tei_form(st, a, c, e);
        } else if (glossa__tei_is(c, "note")) {
            const char *type = ATTR(c, "type");
            if (type && strcmp(type, "translation") == 0)
                e->cite.translation = glossa__tei_text(st, a, c);
            else
                glossa__tei_note(st, a, c, e, type);
        }
    }
}

/* What the schema leaves to glossa in an <entryFree>: the parts its type needs. */
void glossa__tei_check_free(struct reader_state *st, xmlNodePtr node, const struct tei_entry *e)
{
    xmlNodePtr c;
    size_t terms = 0, labels = 0;
    int legal = e->kind == TEI_LEGAL;

    for (c = node->children; c; c = c->next) {
        const char *what = NULL;
        if (glossa__tei_is(c, "form")) {
            xmlChar *t = xmlGetNoNsProp(c, (const xmlChar *)"type");
            int label = t && strcmp((const char *)t, "label") == 0;
            xmlFree(t);
            terms += !label;
            labels += label;
        } else if (!legal && glossa__tei_is(c, "usg")) {
            what = "a reliability";
        } else if (!legal && glossa__tei_is(c, "sense")) {
            what = "a definition";
        } else if (!legal && glossa__tei_is(c, "bibl")) {
            what = "a citation";
        }
        if (what)
            glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, glossa__tei_line(c), 0,
                   "notion '%s' has %s: a notion is only labels (and notes); the definitions "
                   "that relate to it are a national file's", e->id, what);
    }
    if (legal && (terms != 1 || labels))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "legal definition '%s' needs exactly one <form type=\"term\"> (the term as the act "
               "prints it)", e->id);
    if (!legal && (terms || !labels))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "notion '%s' needs <form type=\"label\"> only (glossa's names for it, not terms)",
               e->id);
    if (legal && !e->reliability)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "legal definition '%s' has no <usg type=\"reliability\"> (1 to 4)", e->id);
    if (legal && (e->n_defs != 1 || e->n_xrefs != 1))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "legal definition '%s' needs a <sense> with its <def> and the <xr> saying what it "
               "relates to", e->id);
    if (legal && !e->cite.url)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "legal definition '%s' needs a <bibl> with the address it was read at "
               "(<idno type=\"url\">)", e->id);
    if (!legal && e->cite.translation)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "notion '%s' has a note of type translation: a notion is glossa's own", e->id);
}

/* What a national act's bibl says beyond its citation: its titles (one per
** language), date, state, number and address. A state only on a law. */
void glossa__tei_act(struct reader_state *st, struct glossa_arena *a, xmlNodePtr node,
                     struct tei_bibl *b)
{
    xmlNodePtr c;
    size_t cap = glossa__xml_count_elements(node) + 1;

    b->titles = glossa__arena_alloc(a, cap * sizeof *b->titles);
    if (!b->titles) {
        st->oom = 1;
        return;
    }
    for (c = node->children; c; c = c->next) {
        if (glossa__tei_is(c, "title")) {
            b->titles[b->n_titles].lang = XML_ATTR(c, "lang");
            b->titles[b->n_titles++].text = glossa__tei_text(st, a, c);
        } else if (glossa__tei_is(c, "date")) {
            b->date = ATTR(c, "when");
        } else if (glossa__tei_is(c, "idno")) {
            const char *type = ATTR(c, "type");
            const char **to = !type                          ? NULL
                              : strcmp(type, "state") == 0  ? &b->state
                              : strcmp(type, "number") == 0 ? &b->number
                              : strcmp(type, "url") == 0    ? &b->url
                                                            : NULL;
            if (to && !*to)
                *to = glossa__tei_text(st, a, c);
        }
    }
    if (b->state && (!b->type || strcmp(b->type, "law") != 0))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, b->line, 0,
               "bibl '%s': only a law has a state (<bibl type=\"law\">)", b->id ? b->id : "?");
    else if (b->state && !(b->state[0] >= 'A' && b->state[0] <= 'Z' && b->state[1] >= 'A' &&
                              b->state[1] <= 'Z' && !b->state[2]))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, b->line, 0,
               "bibl '%s': state '%s' is not an ISO 3166-1 alpha-2 code (two capital letters)",
               b->id ? b->id : "?", b->state);
}


/* ---- a legal definition in the shape the library hands out ----------------------- */

const char *glossa__legal_relation(const char *xr_type)
{
    if (!xr_type)
        return "related";
    if (strcmp(xr_type, "broader") == 0)
        return "narrower";
    if (strcmp(xr_type, "narrower") == 0)
        return "broader";
    return xr_type;
}

int glossa__legal_notes(const struct tei_entry *e, struct glossa_buf *out)
{
    size_t i;
    int rc = 0;
    for (i = 0; i < e->n_notes && !rc; i++)
        rc = glossa__buf_addf(out, "%s%s", i ? "\n" : "", e->notes[i].text);
    return rc;
}

const char *glossa__act_title(const struct tei_bibl *act, const char *lang)
{
    size_t i;
    for (i = 0; lang && i < act->n_titles; i++)
        if (act->titles[i].lang && strcmp(act->titles[i].lang, lang) == 0)
            return act->titles[i].text;
    return act->n_titles ? act->titles[0].text : NULL;
}
