/*
** consolidate.c — the next version of a term-base file: the changes that
** every party agreed to, applied to the version in force. An amendment is a
** change to the entry in force: its entry, compared with the base's, gives
** the terms and definitions it changes, and only those are applied; the rest
** of the entry (other terms and definitions, notes, cross-references, n) is
** carried over, and definitions an authentic change left behind get a note
** that they need revision. A new concept is appended with the next annex
** number, status agreed (pending the protocol) and the round as its source.
** A deletion marks the concept withdrawn, as the annex records one that left it.
** An amendment that changes nothing is a warning, not counted as applied; a
** proposal with placeholder text (FILL IN) left is refused, nothing written.
** The round's wording cites a bibl for the round (not the instrument of the
** earlier wording, not "reconstruction"); a proposal's rationale stays with
** it. Sources a change still cites come along into the header (with the
** proposal's id in front of their ids, so they cannot clash). Two agreed
** changes of one concept are a conflict: both are reported, neither is
** applied. The rest of the file is kept as it was, byte for byte where the
** DOM allows. The result is written aside and renamed into place (outfile.c).
*/
#include "glossa_int.h"
#include "proposal_int.h"
#include "consolidate_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"

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

/* ---- what an agreed change writes ------------------------------------------------- */

/* How the changes of one proposal are written. */
struct apply {
    xmlDocPtr doc;
    const char *day;      /* in force from (history kept), or NULL */
    char source[160];     /* "#round-2026-1": the source of the round's wording */
    char label[96];       /* "round 2026-1", for notes */
    char langs[256];      /* " ru zh ": languages whose definition the change replaced */
    int authentic;        /* the Russian or Chinese definition changed */
    int changed;          /* something of the entry changed */
};

/* 1 when an attribute source or corresp in n (or below it) is value. */
static int refers_to(xmlNodePtr n, const char *value)
{
    static const char *const attrs[] = { "source", "corresp" };
    size_t i;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (i = 0; i < 2; i++)
            if (glossa__cx_has_value(n, attrs[i], value))
                return 1;
        if (refers_to(n->children, value))
            return 1;
    }
    return 0;
}

static void add_bibl(xmlDocPtr base, xmlNodePtr list, xmlNodePtr bibl)
{
    xmlAddChild(list, xmlNewDocText(base, (const xmlChar *)"  "));
    xmlAddChild(list, bibl);
    xmlAddChild(list, xmlNewDocText(base, (const xmlChar *)"\n        "));
}

/* Copy the proposal's header bibls that entry cites into the base header,
** ids prefixed (once). */
static int import_sources(xmlDocPtr base, xmlDocPtr prop, const char *prefix, xmlNodePtr entry)
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
        snprintf(newid, sizeof newid, "#%s%s", prefix, (const char *)id);
        xmlFree(id);
        if (xmlGetID(base, (const xmlChar *)newid + 1) || !refers_to(entry, newid))
            continue; /* brought in already, or not cited */
        copy = xmlDocCopyNode(b, base, 1);
        if (!copy)
            return GLOSSA_ENOMEM;
        xmlSetNsProp(copy, xmlSearchNsByHref(base, list, XML_XML_NAMESPACE), (const xmlChar *)"id",
                     (const xmlChar *)newid + 1);
        add_bibl(base, list, copy);
    }
    return 0;
}

/* The source of the round's wording, "#round-2026-1" (or "#proposal-kz-2026-1"
** for a proposal of no round), and its label, "round 2026-1". */
static void round_name(struct apply *a, const glossa_proposal_change *c)
{
    const char *name = c->round ? c->round : c->proposal;
    size_t i, n = (size_t)snprintf(a->source, sizeof a->source, "#%s-", c->round ? "round" : "proposal");
    for (i = 0; name[i] && n + 1 < sizeof a->source; i++)
        a->source[n++] = isalnum((unsigned char)name[i]) || name[i] == '.' ? (char)tolower((unsigned char)name[i]) : '-';
    a->source[n] = '\0';
    snprintf(a->label, sizeof a->label, "%s %s", c->round ? "round" : "proposal", name);
}

/* A bibl for the round in the header, once, when entry cites it. */
static int round_source(struct apply *a, xmlNodePtr entry)
{
    xmlNodePtr list = glossa__xml_find(xmlDocGetRootElement(a->doc), "listBibl"), bibl, title;
    xmlNsPtr xml = list ? xmlSearchNsByHref(a->doc, list, XML_XML_NAMESPACE) : NULL;
    char text[320];
    if (!list)
        return GLOSSA_ESCHEMA;
    if (xmlGetID(a->doc, (const xmlChar *)a->source + 1) || !refers_to(entry, a->source))
        return 0; /* there already, or nothing of the round's wording */
    snprintf(text, sizeof text, "%c%s of proposals to amend the annex: wording agreed by all "
             "Parties, pending the amending protocol", toupper((unsigned char)a->label[0]), a->label + 1);
    if (!(bibl = xmlNewDocNode(a->doc, list->ns, (const xmlChar *)"bibl", NULL)) ||
        !(title = xmlNewDocNode(a->doc, list->ns, (const xmlChar *)"title", NULL)))
        return GLOSSA_ENOMEM;
    xmlSetNsProp(bibl, xml, (const xmlChar *)"id", (const xmlChar *)a->source + 1);
    xmlSetProp(bibl, (const xmlChar *)"type", (const xmlChar *)"other");
    xmlSetNsProp(title, xml, (const xmlChar *)"lang", (const xmlChar *)"en");
    xmlAddChild(title, xmlNewDocText(a->doc, (const xmlChar *)text));
    xmlAddChild(bibl, title);
    add_bibl(a->doc, list, bibl);
    return 0;
}

/* An old wording: history (to=day) when the day is known, else gone. */
static void retire(const struct apply *a, xmlNodePtr n)
{
    if (!a->day)
        glossa__cx_drop(n);
    else if (!xmlHasProp(n, (const xmlChar *)"to"))
        xmlSetProp(n, (const xmlChar *)"to", (const xmlChar *)a->day);
}

/* The round's wording, from the proposal's element: its source is the round
** (not the instrument the earlier wording came from), it is no
** reconstruction, and it is in force from the day when known. */
static void round_wording(const struct apply *a, xmlNodePtr n)
{
    if (glossa__cx_has_value(n, "resp", "#reconstruction"))
        xmlUnsetProp(n, (const xmlChar *)"resp");
    if (glossa__cx_is_el(n, "def"))
        xmlSetProp(n, (const xmlChar *)"source", (const xmlChar *)a->source);
    if (a->day && !xmlHasProp(n, (const xmlChar *)"from"))
        xmlSetProp(n, (const xmlChar *)"from", (const xmlChar *)a->day);
}

static int has_status(xmlNodePtr n, const char *status)
{
    xmlNodePtr st = glossa__cx_usg_of(n, "status");
    xmlChar *v = st ? xmlNodeGetContent(st) : NULL;
    int match = v && strcmp((const char *)v, status) == 0;
    xmlFree(v);
    return match;
}

static int listed(xmlNodePtr parent, const char *name, xmlNodePtr like)
{
    xmlNodePtr c;
    for (c = parent ? parent->children : NULL; c; c = c->next)
        if (glossa__cx_is_el(c, name) && glossa__cx_same_lang(c, like) && glossa__cx_same_text(glossa__tei_child(c, "orth"), glossa__tei_child(like, "orth")))
            return 1;
    return 0;
}

/* Terms: one the entry has with another status gets it (deprecated, …); a
** new one is added after the terms of its language; a new preferred term
** replaces the preferred terms of its language that the proposal leaves out. */
static int apply_terms(struct apply *a, xmlNodePtr entry, xmlNodePtr prop)
{
    xmlNodePtr pf, bf, next;
    for (pf = prop->children; pf; pf = pf->next) {
        xmlNodePtr same = NULL, last = NULL, last_lang = NULL, n;
        if (!glossa__cx_is_el(pf, "form"))
            continue;
        for (bf = entry->children; bf; bf = bf->next) {
            if (!glossa__cx_is_el(bf, "form"))
                continue;
            last = bf;
            if (!glossa__cx_same_lang(bf, pf))
                continue;
            last_lang = bf;
            if (glossa__cx_current(bf) && glossa__cx_same_text(glossa__tei_child(bf, "orth"), glossa__tei_child(pf, "orth")))
                same = bf;
        }
        if (same) {
            xmlNodePtr st = glossa__cx_usg_of(same, "status"), pst = glossa__cx_usg_of(pf, "status");
            xmlChar *v = pst ? xmlNodeGetContent(pst) : NULL;
            if (st && v && !glossa__cx_same_text(st, pst)) {
                xmlNodeSetContent(st, v);
                a->changed = 1;
            }
            xmlFree(v);
            continue;
        }
        if (!last || !(n = xmlDocCopyNode(pf, a->doc, 1)))
            return GLOSSA_ENOMEM;
        round_wording(a, n);
        a->changed = 1;
        glossa__cx_put(a->doc, last_lang ? last_lang : last, n, 0);
        if (!has_status(n, "preferred"))
            continue;
        for (bf = entry->children; bf; bf = next) {
            next = bf->next;
            if (bf != n && glossa__cx_is_el(bf, "form") && glossa__cx_same_lang(bf, pf) && glossa__cx_current(bf) &&
                has_status(bf, "preferred") && !listed(prop, "form", bf))
                retire(a, bf);
        }
    }
    return 0;
}

/* " ru zh " as "ru, zh". */
static void comma_list(const char *langs, char *out, size_t size)
{
    size_t n = 0;
    const char *p = langs;
    out[0] = '\0';
    while (*p) {
        size_t len;
        p += strspn(p, " ");
        len = strcspn(p, " ");
        if (len && n + len + 3 < size)
            n += (size_t)snprintf(out + n, size - n, "%s%.*s", n ? ", " : "", (int)len, p);
        p += len;
    }
}

static void note_lang(struct apply *a, xmlNodePtr def)
{
    xmlChar *l = xmlGetNsProp(def, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    size_t n = strlen(a->langs);
    if (l && n + strlen((const char *)l) + 2 < sizeof a->langs)
        snprintf(a->langs + n, sizeof a->langs - n, "%s%s ", n ? "" : " ", (const char *)l);
    if (l && (!strcmp((const char *)l, "ru") || !strcmp((const char *)l, "zh")))
        a->authentic = 1;
    xmlFree(l);
}

/* Definitions: one in a language whose wording the proposal changes is
** replaced (kept as history with the day); one in a new language is added. */
static int apply_defs(struct apply *a, xmlNodePtr entry, xmlNodePtr prop)
{
    xmlNodePtr psense = glossa__tei_child(prop, "sense"), sense = glossa__tei_child(entry, "sense"), pd, d;
    for (pd = psense ? psense->children : NULL; pd; pd = pd->next) {
        xmlNodePtr cur = NULL, last = NULL, n;
        if (!glossa__cx_is_el(pd, "def"))
            continue;
        for (d = sense ? sense->children : NULL; d; d = d->next) {
            if (!glossa__cx_is_el(d, "def"))
                continue;
            last = d;
            if (glossa__cx_current(d) && glossa__cx_same_lang(d, pd))
                cur = d;
        }
        if (cur && glossa__cx_same_text(cur, pd))
            continue;
        if (!(n = xmlDocCopyNode(pd, a->doc, 1)))
            return GLOSSA_ENOMEM;
        round_wording(a, n);
        note_lang(a, n);
        a->changed = 1;
        if (cur) {
            glossa__cx_put(a->doc, cur, n, 1);
            retire(a, cur);
        } else if (last) {
            glossa__cx_put(a->doc, last, n, 0);
        } else if (sense) {
            for (d = sense->children; d && d->type != XML_ELEMENT_NODE; d = d->next)
                ;
            glossa__cx_put(a->doc, d, n, 1);
        } else {
            xmlNodePtr form = NULL;
            if (!(sense = xmlNewDocNode(a->doc, entry->ns, (const xmlChar *)"sense", NULL)))
                return GLOSSA_ENOMEM;
            for (d = entry->children; d; d = d->next)
                if (glossa__cx_is_el(d, "form"))
                    form = d;
            glossa__cx_put(a->doc, form, sense, 0);
            xmlAddChild(sense, xmlNewDocText(a->doc, (const xmlChar *)"\n          "));
            xmlAddChild(sense, n);
            xmlAddChild(sense, xmlNewDocText(a->doc, (const xmlChar *)"\n        "));
        }
    }
    return 0;
}

/* When an authentic definition changed, the definitions the change left as
** they were translate the earlier wording: a note says they need revision
** (they are not new text, and nothing prints them as such). */
static int mark_left_behind(struct apply *a, xmlNodePtr entry)
{
    xmlNodePtr sense = glossa__tei_child(entry, "sense"), d, last = NULL, note;
    char behind[256] = "", changed[256], text[900];
    size_t n = 0;
    if (!a->authentic)
        return 0;
    for (d = sense ? sense->children : NULL; d; d = d->next) {
        xmlChar *l = glossa__cx_is_el(d, "def") && glossa__cx_current(d) ? xmlGetNsProp(d, (const xmlChar *)"lang", XML_XML_NAMESPACE) : NULL;
        char key[64];
        snprintf(key, sizeof key, " %s ", l ? (const char *)l : "");
        if (l && !strstr(a->langs, key) && n + strlen((const char *)l) + 3 < sizeof behind)
            n += (size_t)snprintf(behind + n, sizeof behind - n, "%s%s", n ? ", " : "", (const char *)l);
        xmlFree(l);
    }
    if (!n)
        return 0;
    for (d = entry->children; d; d = d->next)
        if (d->type == XML_ELEMENT_NODE)
            last = d;
    comma_list(a->langs, changed, sizeof changed);
    snprintf(text, sizeof text, "Needs revision: the definition%s in %s translate%s the wording "
             "before %s, which changed the definition in %s.", strchr(behind, ',') ? "s" : "",
             behind, strchr(behind, ',') ? "" : "s", a->label, changed);
    if (!(note = xmlNewDocNode(a->doc, entry->ns, (const xmlChar *)"note", NULL)))
        return GLOSSA_ENOMEM;
    xmlSetProp(note, (const xmlChar *)"type", (const xmlChar *)"editorial");
    xmlSetNsProp(note, xmlSearchNsByHref(a->doc, entry, XML_XML_NAMESPACE), (const xmlChar *)"lang",
                 (const xmlChar *)"en");
    xmlAddChild(note, xmlNewDocText(a->doc, (const xmlChar *)text));
    glossa__cx_put(a->doc, last, note, 0);
    return 0;
}

/* An amendment: the proposal's entry compared with the entry in force gives
** the terms and definitions it changes; those are applied, and everything
** else of the entry (other terms, definitions, notes, cross-references, n,
** status, source) stays as it was. The proposal's rationale stays with it. */
static int apply_amendment(struct apply *a, xmlNodePtr entry, xmlNodePtr prop)
{
    int rc = apply_terms(a, entry, prop);
    if (!rc)
        rc = apply_defs(a, entry, prop);
    if (!rc)
        rc = mark_left_behind(a, entry);
    return rc;
}

/* The next free annex number, or 0 when the file numbers no entry. */
static unsigned next_n(xmlNodePtr body)
{
    xmlNodePtr e;
    unsigned max = 0;
    int numbered = 0;
    for (e = body->children; e; e = e->next) {
        xmlChar *v = glossa__cx_is_el(e, "entry") ? xmlGetNoNsProp(e, (const xmlChar *)"n") : NULL;
        if (v) {
            unsigned long n = strtoul((const char *)v, NULL, 10);
            numbered = 1;
            if (n > max)
                max = (unsigned)n;
        }
        xmlFree(v);
    }
    return numbered ? max + 1 : 0;
}

/* A new concept as the annex has it: the next annex number, the round as its
** source, agreed (pending the protocol), the round's wording; its rationale
** stays with the proposal. */
static void apply_new(struct apply *a, xmlNodePtr body, xmlNodePtr copy)
{
    xmlNodePtr c, next, sense = glossa__tei_child(copy, "sense"), st = glossa__cx_usg_of(copy, "status");
    unsigned n = next_n(body);
    char num[16];
    if (n) {
        snprintf(num, sizeof num, "%u", n);
        xmlUnsetProp(copy, (const xmlChar *)"source"); /* n goes before it */
        xmlSetProp(copy, (const xmlChar *)"n", (const xmlChar *)num);
    }
    xmlSetProp(copy, (const xmlChar *)"source", (const xmlChar *)a->source);
    if (st)
        xmlNodeSetContent(st, (const xmlChar *)"agreed");
    for (c = copy->children; c; c = next) {
        next = c->next;
        if (glossa__cx_is_el(c, "note") && glossa__cx_has_value(c, "type", "rationale"))
            glossa__cx_drop(c);
        else if (glossa__cx_is_el(c, "form"))
            round_wording(a, c);
    }
    for (c = sense ? sense->children : NULL; c; c = c->next)
        if (glossa__cx_is_el(c, "def"))
            round_wording(a, c);
}

/* A deletion: the concept leaves the annex as the annex records it, status
** withdrawn (its wording and number kept as history; the protocol says
** «исключить»). */
static void apply_delete(struct apply *a, xmlNodePtr entry)
{
    xmlNodePtr st = glossa__cx_usg_of(entry, "status");
    if (st && !has_status(entry, "withdrawn")) {
        xmlNodeSetContent(st, (const xmlChar *)"withdrawn");
        a->changed = 1;
    }
}

/* Apply one agreed change to the base; *failed: 1 the concept to amend or
** delete is not there, 2 the new concept is there already, 3 the change
** changes nothing (an amendment that is the entry in force). */
static int apply_change(xmlDocPtr base, xmlNodePtr body, const glossa_proposal_change *c,
                        const struct change_source *src, const char *in_force, int *failed)
{
    struct apply a;
    xmlNodePtr copy, old = glossa__cx_find_entry(base, c->id);
    char prefix[64];
    int rc = 0, amend = strcmp(c->kind, "amend") == 0, del = strcmp(c->kind, "delete") == 0;

    *failed = (amend || del) && !old ? 1 : !amend && !del && old ? 2 : 0;
    if (*failed)
        return 0;
    memset(&a, 0, sizeof a);
    a.doc = base;
    a.day = in_force;
    round_name(&a, c);
    if (del) {
        apply_delete(&a, old);
        *failed = a.changed ? 0 : 3;
        return 0;
    }
    if (!(copy = xmlDocCopyNode(src->entry, base, 1)))
        return GLOSSA_ENOMEM;
    xmlUnsetProp(copy, (const xmlChar *)"subtype");
    source_prefix(c->proposal, prefix, sizeof prefix);
    rewrite_pointers(copy, prefix);
    if (amend) {
        rc = apply_amendment(&a, old, copy);
        xmlFreeNode(copy);
        copy = old;
        if (!rc && !a.changed) {
            *failed = 3;
            return 0;
        }
    } else {
        apply_new(&a, body, copy);
        if (body->last && body->last->type == XML_TEXT_NODE) /* a blank line before it */
            xmlNodeSetContent(body->last, (const xmlChar *)"\n\n      ");
        xmlAddChild(body, copy);
        xmlAddChild(body, xmlNewDocText(base, (const xmlChar *)"\n    "));
        glossa__cx_adopt_ns(base, copy);
    }
    if (!rc)
        rc = round_source(&a, copy);
    return rc ? rc : import_sources(base, src->file->doc, prefix, copy);
}

/* An agreed change whose proposal still has placeholder text (FILL IN, the
** rule of glossa check): each reported, GLOSSA_EINPUT when there is any. */
static int unfilled(const glossa_proposals *p, const glossa_status_report *r,
                    glossa_diag_fn on_diag, void *userdata, glossa_error *err)
{
    size_t i, j;
    unsigned n = 0;
    for (i = 0; i < r->n; i++) {
        const glossa_proposal_change *c = r->items[i].change;
        const struct proposal_file *f = p->sources[(size_t)(c - p->changes)].file;
        int header = 1;
        if (strcmp(r->items[i].status, "agreed") != 0)
            continue;
        for (j = 0; j < i; j++) /* each header once */
            if (strcmp(r->items[j].status, "agreed") == 0 &&
                p->sources[(size_t)(r->items[j].change - p->changes)].file == f)
                header = 0;
        n += glossa__change_placeholders(p, (size_t)(c - p->changes), header, on_diag, userdata);
    }
    return n ? glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "%u placeholder%s (FILL IN) left in agreed proposals; nothing written",
                                 n, n == 1 ? "" : "s")
             : 0;
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
    if ((rc = unfilled(p, r, on_diag, userdata, err)))
        return rc; /* FILL IN is never copied into the term base */
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
        int conflict = 0, failed;

        if (strcmp(s->status, "agreed") != 0)
            continue;
        for (j = 0; j < r->n; j++) {
            if (j != i && strcmp(r->items[j].status, "agreed") == 0 &&
                strcmp(r->items[j].change->id, c->id) == 0) {
                glossa__diag(on_diag, userdata, GLOSSA_EINPUT, c->file, c->line,
                     "conflict: concept '%s' is changed by %s and by %s, both agreed; neither is applied",
                     c->id, c->proposal, r->items[j].change->proposal);
                conflict = 1;
            }
        }
        if (conflict) {
            conflicts++;
            continue;
        }
        if ((rc = apply_change(base, body, c, &p->sources[(size_t)(c - p->changes)], in_force,
                               &failed)))
            break;
        if (failed == 3) {
            glossa__diag(on_diag, userdata, GLOSSA_WARNING, c->file, c->line,
                 "%s changes nothing in concept '%s' (its entry is as in %s); not applied",
                 c->proposal, c->id, base_file);
            continue;
        }
        if (failed) {
            glossa__diag(on_diag, userdata, GLOSSA_EINPUT, c->file, c->line, failed == 1 ?
                 "concept '%s' to change is not in %s; not applied" :
                 "new concept '%s' is already in %s; not applied", c->id, base_file);
            conflicts++;
            continue;
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
