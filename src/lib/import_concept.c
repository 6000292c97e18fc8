/*
** import_concept.c — one TBX concept (conceptEntry, or termEntry of TBX
** 2008) read into a TEI entry: language sections and their terms (termSec,
** tig, ntig/termGrp) with status, termType and region; definitions and
** contexts with their sources; notes; cross-references (resolved when the
** file is read); the "[glossa]" notes of glossa's own export (its national
** law is left out, reported); statuses the file did not give; the rule of a
** preferred Russian term.
*/
#include "import_int.h"
#include "xml_in.h"

#include <stdio.h>
#include <string.h>

/* The language of a note: its own xml:lang, else the one it inherits. */
static const char *note_lang(struct importer *im, xmlNodePtr note, const char *inherited)
{
    const char *own = glossa__tbx_attr(im, note, "lang", XML_XML_NAMESPACE);
    return own ? glossa__tbx_member_tag(im, own, NULL, line_of(note)) : inherited;
}

static void add_note(struct importer *im, struct concept_state *cs, const char *lang,
                     const char *text, const char *term, long line)
{
    static const char *const types[] = { "reliability", "editorial", "usage", "rationale", NULL };
    const char *const *t;
    const char *type = "editorial";
    struct tei_note *n;
    char *joined;

    if (!*text)
        return;
    if (!lang) {
        glossa__tbx_tally(im, line, 0, 1, "give the note an xml:lang of a member language",
                          "note in a language outside the member set");
        return;
    }
    for (t = types; *t; t++) {
        size_t k = strlen(*t);
        if (text[0] == '[' && strncmp(text + 1, *t, k) == 0 && text[k + 1] == ']' &&
            text[k + 2] == ' ' && text[k + 3]) {
            type = *t;
            text += k + 3;
            break;
        }
    }
    if (cs->e->n_notes >= cs->cap)
        return;
    n = &cs->e->notes[cs->e->n_notes++];
    n->lang = lang;
    n->type = type;
    if (term) { /* a note on one term: TEI notes belong to the concept */
        size_t len = strlen(term) + strlen(text) + 3;
        joined = glossa__arena_alloc(im->tb->arena, len);
        if (!joined) {
            im->oom = 1;
            return;
        }
        snprintf(joined, len, "%s: %s", term, text);
        text = joined;
    }
    n->text = text;
}

/* "[glossa] status: in-force; reliability: 1 (not verified); n: 1; broader: x" */
static void read_mark(struct importer *im, struct concept_state *cs, const char *text, long line)
{
    const char *p = text + strlen(XC_MARK);
    while (*p) {
        const char *end = strstr(p, "; "), *colon;
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char key[32], value[160];
        colon = memchr(p, ':', n);
        if (colon && (size_t)(colon - p) < sizeof key && n - (size_t)(colon - p) < sizeof value) {
            size_t kn = (size_t)(colon - p), vn = n - kn - 1;
            memcpy(key, p, kn);
            key[kn] = '\0';
            while (vn && colon[1] == ' ') {
                colon++;
                vn--;
            }
            memcpy(value, colon + 1, vn);
            value[vn] = '\0';
            if (strcmp(key, "status") == 0 && (!strcmp(value, "in-force") ||
                                               !strcmp(value, "proposed") ||
                                               !strcmp(value, "agreed") ||
                                               !strcmp(value, "withdrawn")))
                cs->e->status = STR(value);
            else if (strcmp(key, "reliability") == 0 && value[0] >= '1' && value[0] <= '4' &&
                     (value[1] == '\0' || value[1] == ' '))
                cs->e->reliability = value[0] - '0';
            else if (strcmp(key, "n") == 0 && value[0] >= '1' && value[0] <= '9' &&
                     strspn(value, "0123456789") == vn && vn <= 4)
                cs->e->n = STR(value);
            else if ((!strcmp(key, "broader") || !strcmp(key, "narrower") || !strcmp(key, "see") ||
                      !strcmp(key, "related")) && cs->n_xr < 64) {
                cs->xr_type[cs->n_xr] = STR(key);
                cs->xr_target[cs->n_xr++] = STR(value);
            } else
                glossa__xc_warn(&im->r, line, "unknown item '%s' in a [glossa] note: left out",
                                key);
        }
        if (!end)
            break;
        p = end + 2;
    }
}

static void add_def(struct importer *im, struct concept_state *cs, xmlNodePtr d, xmlNodePtr group,
                    const char *lang, const char *fallback_source)
{
    struct tei_def *def;
    const char *text = glossa__tbx_text(im, d),
               *own = glossa__tbx_attr(im, d, "lang", XML_XML_NAMESPACE);
    if (own)
        lang = glossa__tbx_member_tag(im, own, NULL, line_of(d));
    if (!*text)
        return;
    if (!lang) {
        glossa__tbx_tally(im, line_of(d), 0, 1,
                          "use --lang-map to read its language as a member language",
                          "definition in a language outside the member set");
        return;
    }
    if (cs->e->n_defs >= cs->cap)
        return;
    def = &cs->e->defs[cs->e->n_defs++];
    def->lang = lang;
    def->text = text;
    def->source = group ? glossa__tbx_group_source(im, group) : NULL;
    if (!def->source)
        def->source = fallback_source;
    {
        struct wording w = { NULL, NULL, NULL };
        if (group)
            glossa__tbx_group_wording(im, group, &w);
        def->basis = w.basis ? w.basis : "official";
        def->from = w.from;
        def->to = w.to;
    }
    def->line = line_of(d);
}

/* The national law of glossa's export (export_tbx.c): a definition or a term
** with a note "[glossa] national …" is statutory text of a member state's
** act, never glossa's: left out, counted and reported, never read as a
** definition or a term of the concept (glossa reads the study of national
** legislation from its TEI files, glossary/national/). 1 when sec is one. */
static int national_law(struct importer *im, xmlNodePtr sec, const char *what)
{
    static const char mark[] = XC_MARK "national ";
    xmlNodePtr c;
    for (c = sec->children; c; c = c->next)
        if (is(c, "note") && strncmp(glossa__tbx_text(im, c), mark, sizeof mark - 1) == 0) {
            glossa__tbx_tally(im, line_of(sec), 0, 1,
                              "statutory text is never read as glossa's own: glossa reads the "
                              "study of national legislation from glossary/national/",
                              "%s of a national act (marked [glossa] national)", what);
            return 1;
        }
    return 0;
}

/* A termNote (or termNoteGrp) of a term. */
static void term_note(struct importer *im, xmlNodePtr n, struct tei_term *t, int *explicit_status)
{
    const char *kind = NULL, *cat, *v;
    if (is(n, "termNoteGrp")) {
        xmlNodePtr c;
        for (c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                term_note(im, c, t, explicit_status);
        return;
    }
    cat = glossa__tbx_category(im, n, &kind);
    if (!cat)
        return;
    v = glossa__tbx_text(im, n);
    if (!strcmp(cat, "administrativeStatus") || !strcmp(cat, "normativeAuthorization") ||
        !strcmp(cat, "usageStatus")) {
        const char *s = glossa__tbx_status(v);
        if (s) {
            t->status = s;
            *explicit_status = 1;
        } else {
            glossa__tbx_tally(im, line_of(n), 0, 1, "the term is read as having no status",
                              "%s value '%.40s'", cat, v);
        }
    } else if (!strcmp(cat, "termType")) {
        t->term_type = glossa__tbx_term_type(v);
        if (!t->term_type)
            glossa__tbx_tally(im, line_of(n), 0, 1, NULL, "termType value '%.40s'", v);
    } else if (!strcmp(cat, "geographicalUsage")) {
        t->geo = glossa__tbx_geo(im, v);
        if (!t->geo)
            glossa__tbx_tally(im, line_of(n), 0, 1, "glossa keeps ISO 3166 or UN M.49 regions",
                              "geographicalUsage value '%.40s'", v);
    } else if (strcmp(kind, "admin") && strcmp(kind, "descrip") && strcmp(kind, "ref") &&
               strcmp(kind, "xref")) {
        glossa__tbx_ignored(im, n);
    }
}

static void add_attestation(struct importer *im, struct concept_state *cs, xmlNodePtr d,
                            xmlNodePtr group, const char *lang)
{
    struct tei_attest *a;
    const char *text = glossa__tbx_text(im, d);
    if (!*text || cs->e->n_attests >= cs->cap)
        return;
    a = &cs->e->attests[cs->e->n_attests++];
    a->lang = lang;
    a->quote = text;
    a->source = group ? glossa__tbx_group_source(im, group) : NULL;
    if (!a->source)
        a->source = cs->e->source ? cs->e->source : glossa__tbx_file_bibl(im);
}

static void add_ref(struct importer *im, struct concept_state *cs, xmlNodePtr r)
{
    struct ref_pending *p;
    const char *target = glossa__tbx_attr(im, r, "target", NULL);
    if (!target) {
        glossa__tbx_tally(im, line_of(r), 0, 1, NULL, "cross-reference without a target");
        return;
    }
    if (glossa__grow((void **)&im->refs, &im->cap_refs, im->n_refs, sizeof *im->refs)) {
        im->oom = 1;
        return;
    }
    p = &im->refs[im->n_refs++];
    p->from = cs->index;
    p->target = target;
    p->label = glossa__tbx_text(im, r);
    p->type = NULL;
    p->line = line_of(r);
}

/* The children of a termSec, tig, ntig or termGrp (aux info and notes). */
static void term_children(struct importer *im, struct concept_state *cs, xmlNodePtr sec,
                          struct tei_term *t, int *explicit_status, const char *lang)
{
    xmlNodePtr c;
    for (c = sec->children; c; c = c->next) {
        const char *kind = NULL, *cat;
        if (c->type != XML_ELEMENT_NODE || is(c, "term"))
            continue;
        if (is(c, "termGrp")) {
            term_children(im, cs, c, t, explicit_status, lang);
            continue;
        }
        if (is(c, "note")) {
            const char *text = glossa__tbx_text(im, c);
            struct wording w = { NULL, t->from, t->to };
            if (glossa__tbx_wording_mark(im, text, &w)) {
                if (w.basis)
                    t->basis = w.basis;
                t->from = w.from;
                t->to = w.to;
            } else {
                add_note(im, cs, note_lang(im, c, lang), text, t->text, line_of(c));
            }
            continue;
        }
        if (is(c, "descripGrp")) {
            xmlNodePtr d;
            for (d = c->children; d; d = d->next) {
                const char *k2 = NULL, *c2 = glossa__tbx_category(im, d, &k2);
                if (!c2 || !(strcmp(k2, "descrip") == 0 || strcmp(k2, "dct") == 0))
                    continue;
                if (strcmp(c2, "context") == 0)
                    add_attestation(im, cs, d, c, lang);
                else if (strcmp(c2, "definition") == 0)
                    add_def(im, cs, d, c, lang, cs->e->source);
                else
                    glossa__tbx_ignored(im, d);
                break;
            }
            continue;
        }
        if (is(c, "termNoteGrp")) {
            term_note(im, c, t, explicit_status);
            continue;
        }
        if (is(c, "ref") || (!is_core(c) && !strcmp((const char *)c->name, "crossReference"))) {
            add_ref(im, cs, c);
            continue;
        }
        cat = glossa__tbx_category(im, c, &kind);
        if (cat && !strcmp(kind, "termNote")) {
            term_note(im, c, t, explicit_status);
        } else if (cat && !strcmp(cat, "source")) {
            t->source = glossa__tbx_source_of(im, c);
        } else if (cat && !strcmp(cat, "context")) {
            add_attestation(im, cs, c, NULL, lang);
        } else if (cat && !strcmp(cat, "definition")) {
            add_def(im, cs, c, NULL, lang, cs->e->source);
        } else if (cat && !strcmp(kind, "dct") &&
                   (!strcmp(cat, "administrativeStatus") || !strcmp(cat, "termType") ||
                    !strcmp(cat, "geographicalUsage") || !strcmp(cat, "usageStatus"))) {
            term_note(im, c, t, explicit_status);
        } else {
            glossa__tbx_ignored(im, c);
        }
    }
}

/* The term text of a termSec, tig or ntig (ntig: termGrp/term). */
static xmlNodePtr term_node(xmlNodePtr sec)
{
    xmlNodePtr c, d;
    for (c = sec->children; c; c = c->next) {
        if (is(c, "term"))
            return c;
        if (is(c, "termGrp"))
            for (d = c->children; d; d = d->next)
                if (is(d, "term"))
                    return d;
    }
    return NULL;
}

static void read_term(struct importer *im, struct concept_state *cs, xmlNodePtr sec,
                      const char *lang)
{
    xmlNodePtr tn = term_node(sec);
    struct tei_term *t;
    const char *text = tn ? glossa__tbx_text(im, tn) : "";
    if (national_law(im, sec, "term"))
        return;
    if (!*text) {
        glossa__tbx_tally(im, line_of(sec), 0, 1, NULL, "term section without a term");
        return;
    }
    if (cs->e->n_terms >= cs->cap)
        return;
    t = &cs->e->terms[cs->e->n_terms];
    memset(t, 0, sizeof *t);
    t->lang = lang;
    t->text = text;
    t->basis = "official";
    t->line = line_of(sec);
    cs->explicit_status[cs->e->n_terms] = 0;
    cs->e->n_terms++;
    glossa__tbx_alias(im, glossa__tbx_attr(im, sec, "id", NULL), cs->index);
    glossa__tbx_alias(im, glossa__tbx_attr(im, tn, "id", NULL), cs->index);
    term_children(im, cs, sec, t, &cs->explicit_status[cs->e->n_terms - 1], lang);
    t->working = strcmp(t->basis, "working-translation") == 0;
}

static unsigned long count_terms(xmlNodePtr lang_sec)
{
    unsigned long k = 0;
    xmlNodePtr c;
    for (c = lang_sec->children; c; c = c->next)
        if (is(c, "termSec") || is(c, "tig") || is(c, "ntig"))
            k++;
    return k;
}

static void read_lang(struct importer *im, struct concept_state *cs, xmlNodePtr l)
{
    const char *raw = glossa__tbx_attr(im, l, "lang", XML_XML_NAMESPACE), *lang,
               *lang_source = NULL;
    xmlNodePtr c, first = NULL, tn;
    for (c = l->children; c && !first; c = c->next)
        if (is(c, "termSec") || is(c, "tig") || is(c, "ntig"))
            first = c;
    tn = first ? term_node(first) : NULL;
    lang = glossa__tbx_member_tag(im, raw, tn ? glossa__tbx_text(im, tn) : NULL, line_of(l));
    if (!lang) {
        unsigned long k = count_terms(l);
        glossa__tbx_tally(im, line_of(l), 1, k, NULL, "%s", raw ? raw : "(none)");
        if (im->stats)
            im->stats->skipped_terms += k;
        return;
    }
    for (c = l->children; c; c = c->next) {
        const char *kind = NULL, *cat = glossa__tbx_category(im, c, &kind);
        if (cat && !strcmp(cat, "source") && (!strcmp(kind, "admin") || !strcmp(kind, "dct")))
            lang_source = glossa__tbx_source_of(im, c);
    }
    for (c = l->children; c; c = c->next) {
        const char *kind = NULL, *cat;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "termSec") || is(c, "tig") || is(c, "ntig")) {
            read_term(im, cs, c, lang);
        } else if (is(c, "descripGrp")) {
            xmlNodePtr d;
            if (national_law(im, c, "definition"))
                continue;
            for (d = c->children; d; d = d->next) {
                const char *k2 = NULL, *c2 = glossa__tbx_category(im, d, &k2);
                if (!c2 || !(strcmp(k2, "descrip") == 0 || strcmp(k2, "dct") == 0))
                    continue;
                if (strcmp(c2, "definition") == 0)
                    add_def(im, cs, d, c, lang, lang_source ? lang_source : cs->e->source);
                else
                    glossa__tbx_ignored(im, d);
                break;
            }
        } else if (is(c, "note")) {
            add_note(im, cs, note_lang(im, c, lang), glossa__tbx_text(im, c), NULL, line_of(c));
        } else if ((cat = glossa__tbx_category(im, c, &kind)) && !strcmp(cat, "definition")) {
            add_def(im, cs, c, NULL, lang, lang_source ? lang_source : cs->e->source);
        } else if (cat && !strcmp(cat, "source")) {
            continue; /* read above */
        } else {
            glossa__tbx_ignored(im, c);
        }
    }
}

/* Statuses the file did not give: in a language where no term has one, the
** first term is preferred and the others admitted; elsewhere admitted. */
static void settle_statuses(struct importer *im, struct concept_state *cs)
{
    struct tei_entry *e = cs->e;
    size_t i, j;
    for (i = 0; i < e->n_terms; i++) {
        int any = 0, first = 1;
        if (cs->explicit_status[i])
            continue;
        for (j = 0; j < e->n_terms; j++) {
            if (strcmp(e->terms[j].lang, e->terms[i].lang) != 0)
                continue;
            any |= cs->explicit_status[j];
            if (j < i)
                first = 0;
        }
        e->terms[i].status = !any && first ? "preferred" : "admitted";
        im->no_status++;
    }
}

void glossa__tbx_read_concept(struct importer *im, xmlNodePtr node, size_t place)
{
    struct concept_state cs;
    struct tei_entry *e;
    const char *tbx_id = glossa__tbx_attr(im, node, "id", NULL);
    size_t cap = glossa__xml_count_elements(node) + 1, first_ref = im->n_refs, i;
    xmlNodePtr c;

    if (tbx_id && !*tbx_id)
        tbx_id = NULL;
    memset(&cs, 0, sizeof cs);
    e = glossa__tb_add_entry(im->tb);
    if (!e) {
        im->oom = 1;
        return;
    }
    cs.e = e;
    cs.index = im->tb->n_entries - 1;
    cs.cap = cap;
    e->terms = glossa__arena_alloc(im->tb->arena, cap * sizeof *e->terms);
    e->defs = glossa__arena_alloc(im->tb->arena, cap * sizeof *e->defs);
    e->notes = glossa__arena_alloc(im->tb->arena, cap * sizeof *e->notes);
    e->xrefs = glossa__arena_alloc(im->tb->arena, cap * sizeof *e->xrefs);
    e->attests = glossa__arena_alloc(im->tb->arena, cap * sizeof *e->attests);
    cs.explicit_status = glossa__arena_alloc(im->tb->arena, cap * sizeof *cs.explicit_status);
    if (!e->terms || !e->defs || !e->notes || !e->xrefs || !e->attests || !cs.explicit_status) {
        im->oom = 1;
        return;
    }
    e->line = line_of(node);
    e->status = "proposed";
    e->reliability = 1;
    /* the concept's own source first: definitions and contexts fall back to it */
    for (c = node->children; c; c = c->next) {
        const char *kind = NULL, *cat = glossa__tbx_category(im, c, &kind);
        if (cat && !strcmp(cat, "source") && (!strcmp(kind, "admin") || !strcmp(kind, "dct")))
            e->source = glossa__tbx_source_of(im, c);
        else if (is(c, "adminGrp") && !e->source)
            e->source = glossa__tbx_group_source(im, c);
    }
    for (c = node->children; c; c = c->next) {
        const char *kind = NULL, *cat;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "langSec") || is(c, "langSet")) {
            read_lang(im, &cs, c);
        } else if (is(c, "note")) {
            const char *text = glossa__tbx_text(im, c);
            if (strncmp(text, XC_MARK, strlen(XC_MARK)) == 0)
                read_mark(im, &cs, text, line_of(c));
            else
                add_note(im, &cs, note_lang(im, c, im->root_lang), text, NULL, line_of(c));
        } else if (is(c, "descripGrp")) {
            xmlNodePtr d;
            for (d = c->children; d; d = d->next) {
                const char *k2 = NULL, *c2 = glossa__tbx_category(im, d, &k2);
                if (!c2 || !(strcmp(k2, "descrip") == 0 || strcmp(k2, "dct") == 0))
                    continue;
                if (strcmp(c2, "definition") == 0)
                    add_def(im, &cs, d, c, im->root_lang, e->source);
                else
                    glossa__tbx_ignored(im, d);
                break;
            }
        } else if (is(c, "ref") ||
                   (!is_core(c) && !strcmp((const char *)c->name, "crossReference"))) {
            add_ref(im, &cs, c);
        } else if (is(c, "adminGrp")) {
            if (!glossa__tbx_group_source(im, c))
                glossa__tbx_ignored(im, c);
        } else if ((cat = glossa__tbx_category(im, c, &kind)) && !strcmp(cat, "definition")) {
            add_def(im, &cs, c, NULL, im->root_lang, e->source);
        } else if (!(cat && !strcmp(cat, "source") &&
                     (!strcmp(kind, "admin") || !strcmp(kind, "dct")))) {
            glossa__tbx_ignored(im, c); /* a source was read above */
        }
    }
    if (!e->source)
        e->source = glossa__tbx_file_bibl(im);
    for (i = 0; i < e->n_defs; i++)
        if (!e->defs[i].source)
            e->defs[i].source = e->source;
    for (i = 0; i < e->n_attests; i++)
        if (!e->attests[i].source)
            e->attests[i].source = e->source;
    settle_statuses(im, &cs);
    /* cross-reference types from the [glossa] note */
    for (i = first_ref; i < im->n_refs; i++) {
        size_t k;
        for (k = 0; k < cs.n_xr; k++)
            if (strcmp(cs.xr_target[k], im->refs[i].target) == 0)
                im->refs[i].type = cs.xr_type[k];
    }
    e->id = glossa__tbx_concept_id(im, e, tbx_id, place);
    glossa__tbx_alias(im, tbx_id, cs.index);
    /* a term base other than the annex needs no Russian (its file says
    ** <TEI type="termbase">); a concept with no term left needs one */
    if (glossa__entry_preferred(e, NULL) && !glossa__entry_preferred(e, "ru"))
        im->tb->termbase = 1;
    if (!glossa__entry_preferred(e, NULL)) {
        if (e->n_terms)
            glossa__xc_warn(&im->r, e->line, "concept '%s' left out: no preferred term (its "
                            "%zu term%s deprecated)", tbx_id ? tbx_id : e->id, e->n_terms,
                            e->n_terms == 1 ? " is" : "s are");
        else
            glossa__xc_warn(&im->r, e->line,
                            "concept '%s' left out: no term in a member language (--lang-map "
                            "reads a language as one)", tbx_id ? tbx_id : e->id);
        if (im->stats) {
            im->stats->skipped_concepts++;
            im->stats->skipped_terms += e->n_terms;
        }
        e->n_terms = 0; /* marks the entry as left out */
    }
}
