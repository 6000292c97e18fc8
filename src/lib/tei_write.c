/*
** tei_write.c — a term base in memory written as one TEI file in glossa's
** encoding (schema/README.md), laid out as the files of glossary/ are:
** 2-space indent, one entry after another with a blank line between them.
**
** One entry and one header source (or a national act, with its titles, date,
** article, address and number) are also written alone, for the skeleton of a
** proposal (propose.c).
**
** It writes what it is given: the caller (import_tbx.c, propose.c) makes sure that ids,
** language tags and values are valid, and `glossa import` validates the file
** before it replaces anything.
*/
#include "exchange_int.h"

#include <string.h>

struct tei_writer {
    struct glossa_buf *out;
    int rc;
};

static void add(struct tei_writer *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__buf_adds(w->out, s);
}

static void esc(struct tei_writer *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__xml_escape(w->out, s ? s : "", NULL);
}

/* Element content: quotes need no escaping there. */
static void text(struct tei_writer *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__xml_text(w->out, s ? s : "");
}

/* name="value" with a space before, when value is not NULL; prefix goes
** before the value ("#" for pointers). */
static void attr(struct tei_writer *w, const char *name, const char *prefix, const char *value)
{
    if (!value)
        return;
    add(w, " ");
    add(w, name);
    add(w, "=\"");
    add(w, prefix);
    esc(w, value);
    add(w, "\"");
}

static void text_element(struct tei_writer *w, const char *indent, const char *open,
                         const char *content, const char *close)
{
    add(w, indent);
    add(w, open);
    text(w, content);
    add(w, close);
    add(w, "\n");
}

static const char *resp_of(const char *basis)
{
    if (basis && strcmp(basis, "reconstruction") == 0)
        return "reconstruction";
    if (basis && strcmp(basis, "working-translation") == 0)
        return "working-translation";
    return NULL;
}

static void bibl(struct tei_writer *w, const struct tei_bibl *b)
{
    add(w, "          <bibl");
    attr(w, "xml:id", "", b->id);
    attr(w, "type", "", b->type ? b->type : "other");
    add(w, "><title>");
    text(w, b->citation);
    add(w, "</title></bibl>\n");
}

static void header(struct tei_writer *w, const struct glossa_tb *tb)
{
    size_t i;
    add(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    add(w, tb->termbase ? "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\" type=\"termbase\">\n"
                        : "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\">\n");
    add(w, "  <teiHeader>\n"
           "    <fileDesc>\n"
           "      <titleStmt>\n");
    text_element(w, "        ", "<title>", tb->title ? tb->title : "glossa term base", "</title>");
    add(w, "        <respStmt xml:id=\"reconstruction\"><resp>reconstruction of the Russian "
           "wording as commonly quoted, not checked against the official text</resp>"
           "<name>glossa editors</name></respStmt>\n"
           "        <respStmt xml:id=\"working-translation\"><resp>working translation, not an "
           "official rendering</resp><name>glossa editors</name></respStmt>\n"
           "      </titleStmt>\n"
           "      <publicationStmt>\n");
    text_element(w, "        ", "<p>", tb->origin ? tb->origin : "Written by glossa.", "</p>");
    add(w, "      </publicationStmt>\n"
           "      <sourceDesc>\n"
           "        <listBibl>\n");
    for (i = 0; i < tb->n_bibls; i++)
        bibl(w, &tb->bibls[i]);
    add(w, "        </listBibl>\n"
           "      </sourceDesc>\n"
           "    </fileDesc>\n"
           "  </teiHeader>\n"
           "  <text>\n"
           "    <body>\n");
}

static void form(struct tei_writer *w, const struct tei_term *t)
{
    add(w, "        <form type=\"term\"");
    attr(w, "xml:lang", "", t->lang);
    attr(w, "from", "", t->from);
    attr(w, "to", "", t->to);
    attr(w, "resp", "#", resp_of(t->basis));
    attr(w, "source", "#", t->source);
    add(w, ">\n");
    text_element(w, "          ", "<orth>", t->text, "</orth>");
    text_element(w, "          ", "<usg type=\"status\">", t->status, "</usg>");
    if (t->term_type)
        text_element(w, "          ", "<usg type=\"termType\">", t->term_type, "</usg>");
    if (t->geo)
        text_element(w, "          ", "<usg type=\"geo\">", t->geo, "</usg>");
    add(w, "        </form>\n");
}

static void sense(struct tei_writer *w, const struct tei_entry *e)
{
    size_t i;
    if (!e->n_defs && !e->n_attests && !e->n_xrefs)
        return;
    add(w, "        <sense>\n");
    for (i = 0; i < e->n_defs; i++) {
        const struct tei_def *d = &e->defs[i];
        add(w, "          <def");
        attr(w, "xml:lang", "", d->lang);
        attr(w, "source", "#", d->source);
        attr(w, "resp", "#", resp_of(d->basis));
        attr(w, "from", "", d->from);
        attr(w, "to", "", d->to);
        add(w, ">");
        text(w, d->text);
        add(w, "</def>\n");
    }
    for (i = 0; i < e->n_attests; i++) {
        const struct tei_attest *a = &e->attests[i];
        add(w, "          <cit type=\"attestation\"");
        attr(w, "xml:lang", "", a->lang);
        add(w, ">\n");
        text_element(w, "            ", "<quote>", a->quote, "</quote>");
        add(w, "            <bibl");
        attr(w, "corresp", "#", a->source);
        add(w, "/>\n          </cit>\n");
    }
    for (i = 0; i < e->n_xrefs; i++) {
        const struct tei_xref *x = &e->xrefs[i];
        add(w, "          <xr");
        attr(w, "type", "", x->type ? x->type : "related");
        add(w, "><ref");
        attr(w, "target", "#", x->target);
        add(w, ">");
        text(w, x->label);
        add(w, "</ref></xr>\n");
    }
    add(w, "        </sense>\n");
}

static void entry(struct tei_writer *w, const struct tei_entry *e, int first, const char *subtype)
{
    size_t i;
    char rel[2] = { (char)('0' + e->reliability), '\0' };
    if (!first)
        add(w, "\n");
    add(w, "      <entry");
    attr(w, "xml:id", "", e->id);
    add(w, " type=\"concept\"");
    attr(w, "subtype", "", subtype);
    attr(w, "n", "", e->n);
    attr(w, "source", "#", e->source);
    add(w, ">\n");
    text_element(w, "        ", "<usg type=\"status\">", e->status, "</usg>");
    text_element(w, "        ", "<usg type=\"reliability\">", rel, "</usg>");
    for (i = 0; i < e->n_terms; i++)
        form(w, &e->terms[i]);
    sense(w, e);
    for (i = 0; i < e->n_notes; i++) {
        const struct tei_note *n = &e->notes[i];
        add(w, "        <note");
        attr(w, "type", "", n->type);
        attr(w, "xml:lang", "", n->lang);
        add(w, ">");
        text(w, n->text);
        add(w, "</note>\n");
    }
    add(w, "      </entry>\n");
}

int glossa__write_tei(const struct glossa_tb *tb, struct glossa_buf *out)
{
    struct tei_writer w = { out, 0 };
    size_t i;
    header(&w, tb);
    for (i = 0; i < tb->n_entries; i++)
        entry(&w, &tb->entries[i], i == 0, NULL);
    add(&w, "    </body>\n  </text>\n</TEI>\n");
    return w.rc;
}

int glossa__write_tei_entry(const struct tei_entry *e, const char *subtype, struct glossa_buf *out)
{
    struct tei_writer w = { out, 0 };
    entry(&w, e, 1, subtype);
    return w.rc;
}

int glossa__write_tei_bibl(const struct tei_bibl *b, struct glossa_buf *out)
{
    struct tei_writer w = { out, 0 };
    bibl(&w, b);
    return w.rc;
}

int glossa__write_tei_act(const struct tei_bibl *b, const char *range, struct glossa_buf *out)
{
    struct tei_writer w = { out, 0 };
    size_t i;
    add(&w, "          <bibl");
    attr(&w, "xml:id", "", b->id);
    add(&w, " type=\"law\">");
    for (i = 0; i < b->n_titles; i++) {
        add(&w, "<title");
        attr(&w, "xml:lang", "", b->titles[i].lang);
        add(&w, ">");
        text(&w, b->titles[i].text);
        add(&w, "</title>");
    }
    if (!b->n_titles) {
        add(&w, "<title>");
        text(&w, b->citation);
        add(&w, "</title>");
    }
    if (b->date) {
        add(&w, "<date");
        attr(&w, "when", "", b->date);
        add(&w, "/>");
    }
    if (range) {
        add(&w, "<citedRange>");
        text(&w, range);
        add(&w, "</citedRange>");
    }
    if (b->url) {
        add(&w, "<idno type=\"url\">");
        text(&w, b->url);
        add(&w, "</idno>");
    }
    if (b->number) {
        add(&w, "<idno type=\"number\">");
        text(&w, b->number);
        add(&w, "</idno>");
    }
    add(&w, "</bibl>\n");
    return w.rc;
}
