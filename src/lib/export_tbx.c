/*
** export_tbx.c — the term base as TBX (ISO 30042:2019), TBX-Basic dialect,
** DCA style: valid against TBXcoreStructV03.rng and the rules of
** TBX-Basic_DCA.sch (data categories and where they may stand).
**
** Mapping (schema/README.md §6): entry → conceptEntry; forms by language →
** langSec/termSec with administrativeStatus, termType, geographicalUsage;
** def → descripGrp(definition, source) in its langSec (on the concept, with
** xml:lang, when the language has no term, glossa's or national); attestation → descripGrp(context,
** source) on the first term of its language; xr → ref crossReference; sources
** → admin source pointing to a refObject in back. What TBX-Basic has no data
** category for travels in notes that import_tbx.c reads back: "[glossa]
** status: …; reliability: …" on the concept, "[glossa] reconstruction" or
** "[glossa] working translation" and "[glossa] from: DATE; to: DATE" on a
** term or definition, and each TEI note as "[type] text".
**
** The definitions of national acts that relate to a concept (glossary/
** national/, when read) go in the language section of their language: the
** definition with its act as source and a note "[glossa] national
** definition ID: statutory text of STATE, not glossa's: act, article;
** edition; read at URL; whose text; relation; reliability", and the term the
** act defines as an admitted termSec with geographicalUsage STATE, the acts
** as sources, the URLs as externalCrossReferences and a note "[glossa]
** national term of STATE …" (one termSec for a term several definitions of
** one state define). 'glossa import' leaves both out, each reported.
*/
#include "exchange_int.h"

#include <string.h>

#define TBX_NS "urn:iso:std:iso:30042:ed-2"

struct tbx_writer {
    const struct tbx_dialect *d;
    struct glossa_tb *tb;
    const glossa_export_opts *opts;
    struct xc_report *r;
    struct glossa_buf *out;
    int rc;
    size_t written;
};

static void add(struct tbx_writer *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__buf_adds(w->out, s);
}

static void esc(struct tbx_writer *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__xml_escape(w->out, s ? s : "", NULL);
}

/* Element content: quotes need no escaping there. */
static void text(struct tbx_writer *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__xml_text(w->out, s ? s : "");
}

static void indent(struct tbx_writer *w, int level)
{
    int i;
    for (i = 0; i < level; i++)
        add(w, "  ");
}

/* <name attrs>text</name> on a line of its own; attrs already escaped. */
static void element(struct tbx_writer *w, int level, const char *open, const char *content,
                    const char *close)
{
    indent(w, level);
    add(w, open);
    text(w, content);
    add(w, close);
    add(w, "\n");
}

/* <name attr="value">content</name> on a line of its own: open ends with
** attr=", then value (escaped), content and close. */
static void attr_element(struct tbx_writer *w, int level, const char *open, const char *value,
                         const char *content, const char *close)
{
    indent(w, level);
    add(w, open);
    esc(w, value);
    add(w, "\">");
    text(w, content);
    add(w, close);
    add(w, "\n");
}

/* <name> and </name> on lines of their own */
static void open_tag(struct tbx_writer *w, int level, const char *name)
{
    indent(w, level);
    add(w, "<");
    add(w, name);
    add(w, ">\n");
}

static void close_tag(struct tbx_writer *w, int level, const char *name)
{
    indent(w, level);
    add(w, "</");
    add(w, name);
    add(w, ">\n");
}

static int wanted(struct tbx_writer *w, const char *lang)
{
    return glossa__lang_in_list(lang, w->opts->to);
}

static const char *admn_status(const char *status)
{
    if (strcmp(status, "admitted") == 0)
        return "admittedTerm-admn-sts";
    if (strcmp(status, "deprecated") == 0)
        return "deprecatedTerm-admn-sts";
    return "preferredTerm-admn-sts";
}

static const char *reliability_label(int r)
{
    switch (r) {
    case 1: return "not verified";
    case 2: return "minimum reliability";
    case 3: return "reliable";
    default: return "very reliable";
    }
}

/* <admin type="source" target="src.ID">citation</admin> */
static void source(struct tbx_writer *w, int level, const char *id)
{
    const struct tei_bibl *b = glossa__tb_bibl(w->tb, id);
    if (!b)
        return;
    indent(w, level);
    add(w, "<admin type=\"source\"");
    if (w->d->back) { /* points to its refObject */
        add(w, " target=\"src.");
        esc(w, b->id);
        add(w, "\"");
    }
    add(w, ">");
    text(w, b->citation);
    add(w, "</admin>\n");
}

/* What the wording is (resp) and when it was in force (from, to). */
static void wording_marks(struct tbx_writer *w, int level, const char *basis, const char *from,
                          const char *to)
{
    if (basis && strcmp(basis, "reconstruction") == 0)
        element(w, level, "<note xml:lang=\"en\">", XC_MARK "reconstruction", "</note>");
    else if (basis && strcmp(basis, "working-translation") == 0)
        element(w, level, "<note xml:lang=\"en\">", XC_MARK "working translation", "</note>");
    if (from || to) {
        indent(w, level);
        add(w, "<note xml:lang=\"en\">" XC_MARK);
        if (from) {
            add(w, "from: ");
            text(w, from);
        }
        if (to) {
            add(w, from ? "; to: " : "to: ");
            text(w, to);
        }
        add(w, "</note>\n");
    }
}

static void definition(struct tbx_writer *w, int level, const struct tei_def *d, int with_lang)
{
    indent(w, level);
    add(w, "<descripGrp>\n");
    indent(w, level + 1);
    add(w, "<descrip type=\"definition\"");
    if (with_lang) {
        add(w, " xml:lang=\"");
        esc(w, d->lang);
        add(w, "\"");
    }
    add(w, ">");
    text(w, d->text);
    add(w, "</descrip>\n");
    source(w, level + 1, d->source);
    wording_marks(w, level + 1, d->basis, d->from, d->to);
    indent(w, level);
    add(w, "</descripGrp>\n");
    if (w->r->stats)
        w->r->stats->definitions++;
}

/* The term an attestation of language lang is attached to: the first
** preferred term of exactly that language, else its first term. */
static const struct tei_term *context_term(const struct tei_entry *e, const char *lang)
{
    size_t i;
    const struct tei_term *first = NULL;
    for (i = 0; i < e->n_terms; i++) {
        if (strcmp(e->terms[i].lang, lang) != 0)
            continue;
        if (strcmp(e->terms[i].status, "preferred") == 0)
            return &e->terms[i];
        if (!first)
            first = &e->terms[i];
    }
    return first;
}

static void term_sec(struct tbx_writer *w, const struct tei_entry *e, const struct tei_term *t)
{
    size_t i;
    open_tag(w, 5, w->d->term);
    element(w, 6, "<term>", t->text, "</term>");
    element(w, 6, "<termNote type=\"administrativeStatus\">", admn_status(t->status),
            "</termNote>");
    if (t->term_type)
        element(w, 6, "<termNote type=\"termType\">", t->term_type, "</termNote>");
    if (t->geo)
        element(w, 6, "<termNote type=\"geographicalUsage\">", t->geo, "</termNote>");
    for (i = 0; i < e->n_attests; i++) {
        const struct tei_attest *a = &e->attests[i];
        if (context_term(e, a->lang) != t)
            continue;
        indent(w, 6);
        add(w, "<descripGrp>\n");
        element(w, 7, "<descrip type=\"context\">", a->quote, "</descrip>");
        source(w, 7, a->source);
        indent(w, 6);
        add(w, "</descripGrp>\n");
    }
    source(w, 6, t->source);
    wording_marks(w, 6, t->basis, t->from, t->to);
    close_tag(w, 5, w->d->term);
    if (w->r->stats)
        w->r->stats->terms++;
}

/* A definition of a national act (glossary/national/) that relates to the
** concept, in its language section: statutory text, never glossa's
** definition. TBX-Basic puts a definition on a concept or a language
** section only, so it stands there, its act the source, and a note marked
** [glossa] says whose text it is (which 'glossa import' reads to leave it
** out); the term the act defines is a termSec of its own (national_term). */
static void national_definition(struct tbx_writer *w, const glossa_legal *l)
{
    struct glossa_buf note = GLOSSA_BUF_INIT;
    if (!w->rc)
        w->rc = glossa__buf_addf(&note, XC_MARK "national definition %s: ", l->id) ||
                glossa__xc_legal_note(l, &note);
    indent(w, 5);
    add(w, "<descripGrp>\n");
    element(w, 6, "<descrip type=\"definition\">", l->text, "</descrip>");
    source(w, 6, l->act_id);
    element(w, 6, "<note xml:lang=\"en\">", glossa__buf_str(&note), "</note>");
    indent(w, 5);
    add(w, "</descripGrp>\n");
    glossa__buf_release(&note);
    if (w->r->stats)
        w->r->stats->national++;
}

static int same_national_term(const glossa_legal *a, const glossa_legal *b)
{
    return strcmp(a->lang, b->lang) == 0 && strcmp(a->term, b->term) == 0 &&
           strcmp(a->state, b->state) == 0;
}

/* The term a national act defines, as a term of the concept (as the index
** has it): admitted, its state's geographical usage, the acts that define it
** as its sources, the addresses they were read at. One termSec for a term
** that several definitions of one state define (nat[first] and those after
** it with the same term). */
static void national_term(struct tbx_writer *w, const struct tb_legal *nat, size_t n,
                          size_t first)
{
    struct glossa_buf ids = GLOSSA_BUF_INIT, note = GLOSSA_BUF_INIT;
    const glossa_legal *l = &nat[first].l;
    size_t i, k, n_ids = 0;

    open_tag(w, 5, w->d->term);
    element(w, 6, "<term>", l->term, "</term>");
    element(w, 6, "<termNote type=\"administrativeStatus\">", admn_status("admitted"),
            "</termNote>");
    element(w, 6, "<termNote type=\"geographicalUsage\">", l->state, "</termNote>");
    for (i = first; i < n; i++) {
        const glossa_legal *d = &nat[i].l;
        if (!same_national_term(d, l))
            continue;
        for (k = first; k < i; k++)
            if (same_national_term(&nat[k].l, l) && strcmp(nat[k].l.act_id, d->act_id) == 0)
                break;
        if (k == i) /* each act once */
            source(w, 6, d->act_id);
        attr_element(w, 6, "<xref type=\"externalCrossReference\" target=\"", d->url, d->id,
                     "</xref>");
        if (!w->rc)
            w->rc = glossa__buf_addf(&ids, "%s%s", n_ids++ ? ", " : "", d->id);
    }
    if (!w->rc)
        w->rc = glossa__buf_addf(&note, XC_MARK "national term of %s, as its act prints it: "
                                 "definition%s %s", l->state, n_ids == 1 ? "" : "s",
                                 glossa__buf_str(&ids));
    element(w, 6, "<note xml:lang=\"en\">", glossa__buf_str(&note), "</note>");
    close_tag(w, 5, w->d->term);
    glossa__buf_release(&ids);
    glossa__buf_release(&note);
}

/* 1 when the concept id is in the export (it has a term in the languages asked for). */
static int written(struct tbx_writer *w, const char *id)
{
    const struct tei_entry *e = glossa__tb_find(w->tb, id);
    size_t i;
    for (i = 0; e && i < e->n_terms; i++)
        if (wanted(w, e->terms[i].lang))
            return 1;
    return 0;
}

/* The glossa facts of a concept that TBX-Basic has no data category for. */
static void concept_mark(struct tbx_writer *w, const struct tei_entry *e)
{
    struct glossa_buf m = GLOSSA_BUF_INIT;
    size_t i;
    int rc = glossa__buf_addf(&m, XC_MARK "status: %s; reliability: %d (%s)", e->status,
                              e->reliability, reliability_label(e->reliability));
    if (!rc && e->n)
        rc = glossa__buf_addf(&m, "; n: %s", e->n);
    for (i = 0; !rc && i < e->n_xrefs; i++)
        if (strcmp(e->xrefs[i].type, "related") != 0 && written(w, e->xrefs[i].target))
            rc = glossa__buf_addf(&m, "; %s: %s", e->xrefs[i].type, e->xrefs[i].target);
    if (rc)
        w->rc = rc;
    else
        element(w, 4, "<note xml:lang=\"en\">", m.data, "</note>");
    glossa__buf_release(&m);
}

static void concept(struct tbx_writer *w, const struct tei_entry *e)
{
    const char **langs;
    size_t n_langs = 0, n_nat, i, j;
    const struct tb_legal *nat = glossa__tb_legal(w->tb, e->id, &n_nat);
    int any = 0;

    for (i = 0; i < e->n_terms; i++)
        any |= wanted(w, e->terms[i].lang);
    if (!any)
        return;
    langs = glossa__arena_alloc(w->tb->arena, (e->n_terms + n_nat + 1) * sizeof *langs);
    if (!langs) {
        w->rc = GLOSSA_ENOMEM;
        return;
    }
    /* the languages of its terms, then those only national terms are in */
    for (i = 0; i < e->n_terms + n_nat; i++) {
        const char *l = i < e->n_terms ? e->terms[i].lang : nat[i - e->n_terms].l.lang;
        for (j = 0; j < n_langs && strcmp(langs[j], l) != 0; j++)
            ;
        if (j == n_langs && wanted(w, l))
            langs[n_langs++] = l;
    }
    indent(w, 3);
    add(w, "<");
    add(w, w->d->entry);
    add(w, " id=\"");
    esc(w, e->id);
    add(w, "\">\n");
    source(w, 4, e->source);
    concept_mark(w, e);
    for (i = 0; i < e->n_notes; i++) {
        const struct tei_note *n = &e->notes[i];
        if (!wanted(w, n->lang))
            continue;
        indent(w, 4);
        add(w, "<note xml:lang=\"");
        esc(w, n->lang);
        add(w, "\">[");
        esc(w, n->type);
        add(w, "] ");
        text(w, n->text);
        add(w, "</note>\n");
    }
    /* definitions in a language without terms stand on the concept */
    for (i = 0; i < e->n_defs; i++) {
        if (!wanted(w, e->defs[i].lang))
            continue;
        for (j = 0; j < n_langs && strcmp(langs[j], e->defs[i].lang) != 0; j++)
            ;
        if (j == n_langs)
            definition(w, 4, &e->defs[i], 1);
    }
    for (i = 0; i < e->n_xrefs; i++) {
        const struct tei_xref *x = &e->xrefs[i];
        if (!written(w, x->target)) {
            glossa__xc_warn(w->r, x->line,
                            "entry '%s': cross-reference to '%s' left out: that concept is "
                            "not in the export", e->id, x->target);
            if (w->r->stats)
                w->r->stats->dropped++;
            continue;
        }
        attr_element(w, 4, "<ref type=\"crossReference\" target=\"", x->target, x->label, "</ref>");
    }
    for (i = 0; i < e->n_attests; i++)
        if (wanted(w, e->attests[i].lang) && !context_term(e, e->attests[i].lang)) {
            glossa__xc_warn(w->r, e->line,
                            "entry '%s': attestation in '%s' left out: TBX puts a context on a "
                            "term, and the concept has no term in that language",
                            e->id, e->attests[i].lang);
            if (w->r->stats)
                w->r->stats->dropped++;
        }
    for (j = 0; j < n_langs; j++) {
        indent(w, 4);
        add(w, "<");
        add(w, w->d->lang);
        add(w, " xml:lang=\"");
        esc(w, langs[j]);
        add(w, "\">\n");
        for (i = 0; i < e->n_defs; i++)
            if (strcmp(e->defs[i].lang, langs[j]) == 0)
                definition(w, 5, &e->defs[i], 0);
        for (i = 0; i < n_nat; i++)
            if (strcmp(nat[i].l.lang, langs[j]) == 0)
                national_definition(w, &nat[i].l);
        for (i = 0; i < e->n_terms; i++)
            if (strcmp(e->terms[i].lang, langs[j]) == 0)
                term_sec(w, e, &e->terms[i]);
        for (i = 0; i < n_nat; i++) {
            size_t k;
            if (strcmp(nat[i].l.lang, langs[j]) != 0)
                continue;
            for (k = 0; k < i && !same_national_term(&nat[k].l, &nat[i].l); k++)
                ;
            if (k == i) /* the first of its term */
                national_term(w, nat, n_nat, i);
        }
        close_tag(w, 4, w->d->lang);
    }
    close_tag(w, 3, w->d->entry);
    w->written++;
    if (w->r->stats)
        w->r->stats->concepts++;
}

/* 1 when a national definition in the export cites the act. */
static int act_cited(struct tbx_writer *w, const char *act_id)
{
    size_t i;
    for (i = 0; i < w->tb->n_legal; i++) {
        const glossa_legal *l = &w->tb->legal[i].l;
        if (strcmp(l->act_id, act_id) == 0 && wanted(w, l->lang) && written(w, l->target))
            return 1;
    }
    return 0;
}

/* Sources as refObjects, so that an import gets their ids and types back;
** a national act only when a definition in the export cites it. */
static void back(struct tbx_writer *w)
{
    size_t i;
    if (!w->tb->n_bibls)
        return;
    add(w, "    <back>\n      <refObjectSec type=\"source\">\n");
    for (i = 0; i < w->tb->n_bibls; i++) {
        const struct tei_bibl *b = &w->tb->bibls[i];
        if (b->state && !act_cited(w, b->id))
            continue;
        add(w, "        <refObject id=\"src.");
        esc(w, b->id);
        add(w, "\">\n");
        if (b->type)
            element(w, 5, "<item type=\"sourceType\">", b->type, "</item>");
        element(w, 5, "<item type=\"citation\">", b->citation, "</item>");
        add(w, "        </refObject>\n");
    }
    add(w, "      </refObjectSec>\n    </back>\n");
}

int glossa__write_tbx_as(struct glossa_tb *tb, const glossa_export_opts *opts,
                         struct xc_report *r, const struct tbx_dialect *d,
                         struct glossa_buf *out)
{
    struct tbx_writer w = { d, tb, opts, r, out, 0, 0 };
    size_t i;

    add(&w, d->prolog);
    indent(&w, 1);
    add(&w, "<");
    add(&w, d->header);
    add(&w, ">\n"
            "    <fileDesc>\n"
            "      <titleStmt>\n");
    element(&w, 4, "<title>", tb->title ? tb->title : "glossa term base", "</title>");
    add(&w, "      </titleStmt>\n"
            "      <sourceDesc>\n"
            "        <p>Exported by glossa " GLOSSA_VERSION " (");
    add(&w, d->name);
    add(&w, "). Concept status, reliability and working translations are in notes marked "
            "[glossa].");
    if (tb->n_legal)
        add(&w, " Definitions and terms marked [glossa] national are statutory text of a member "
                "state's act, quoted with their source, not glossa's.");
    add(&w, "</p>\n"
            "      </sourceDesc>\n"
            "    </fileDesc>\n");
    add(&w, d->header_end);
    close_tag(&w, 1, d->header);
    add(&w, "  <text>\n"
            "    <body>\n");
    for (i = 0; i < tb->n_entries && !w.rc; i++) {
        r->file = tb->entry_file[i]; /* for warnings */
        concept(&w, &tb->entries[i]);
    }
    r->file = NULL;
    add(&w, "    </body>\n");
    if (d->back)
        back(&w);
    add(&w, "  </text>\n");
    close_tag(&w, 0, d->root);
    if (!w.rc && !w.written) /* TBX wants at least one entry */
        return GLOSSA_ENOTFOUND;
    return w.rc;
}

int glossa__write_tbx(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out)
{
    static const struct tbx_dialect tbx2019 = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/"
        "TBXcoreStructV03.rng\" type=\"application/xml\" "
        "schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
        "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/"
        "master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" "
        "schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n"
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"ru\" xmlns=\"" TBX_NS "\">\n",
        "tbx", "tbxHeader", "", "TBX-Basic, DCA style",
        "conceptEntry", "langSec", "termSec", 1,
    };
    return glossa__write_tbx_as(tb, opts, r, &tbx2019, out);
}
