/*
** tei.c — streaming reader of the TEI term base (see schema/README.md).
**
** Reads one file with libxml2's xmlTextReader, validating against the
** embedded RELAX NG schema as it goes, and hands each header <bibl> and each
** <entry> to a sink. Only one entry is in memory at a time, so memory does not
** grow with the file. Checks what RELAX NG cannot: language tags, local
** pointers that must resolve, one preferred Russian term per concept.
**
** Hardening: the file is read by xml_in.c (no network, no DTD, no entity
** substitution, no XInclude; a DOCTYPE is refused outright; compressed input,
** UTF-32 and elements with too many attributes are refused before libxml2
** works on them); nesting depth is bounded here; every text and attribute
** value that is read passes glossa__text_refused() (no controls, no bidi
** controls; terms and ids also no invisible characters, and a size bound).
*/
#include "xml_in.h"

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include <stdio.h>
#include <string.h>

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
    size_t n_bibl, cap_bibl;
    int in_header;
    int oom;
    long last_line;         /* the last libxml2 message, to drop repeats */
    char last_msg[GLOSSA_ERROR_SIZE];
    int malformed;          /* a fatal parser error was reported: schema errors only echo it */
    int schema_lost;        /* an element out of place was reported: the schema's next
                               messages are its echoes, one per element after it */
    xmlTextReaderPtr reader; /* for the line of messages that come without one */
};

/* ---- schema -------------------------------------------------------------- */

static void ignore_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int glossa__tei_schema_new(struct tei_schema **out, glossa_error *err)
{
    xmlRelaxNGParserCtxtPtr pctx;
    struct tei_schema *s = glossa__calloc(1, sizeof *s);

    if (!s)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    pctx = xmlRelaxNGNewMemParserCtxt(glossa__schema_rng, (int)glossa__schema_rng_len);
    if (pctx) {
        xmlRelaxNGSetParserErrors(pctx, ignore_generic, ignore_generic, NULL);
        s->rng = xmlRelaxNGParse(pctx);
        xmlRelaxNGFreeParserCtxt(pctx);
    }
    if (!s->rng) {
        glossa__free(s);
        return glossa__error_set(err, GLOSSA_ERROR, NULL, 0, 0,
                                 "the built-in RELAX NG schema does not compile");
    }
    *out = s;
    return 0;
}

void glossa__tei_schema_free(struct tei_schema *s)
{
    if (!s)
        return;
    xmlRelaxNGFree(s->rng);
    glossa__free(s);
}

/* RELAX NG messages that only repeat, one level up, an error already given
** (or that our own checks state more clearly). */
static int is_cascade(const char *msg)
{
    static const char *const noise[] = {
        "failed to validate content", "failed to validate attributes",
        "has extra content", "internal error", NULL
    };
    const char *const *n;
    for (n = noise; *n; n++)
        if (strstr(msg, *n))
            return 1;
    return 0;
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    struct reader_state *st = ctx;
    char msg[GLOSSA_ERROR_SIZE], full[GLOSSA_ERROR_SIZE];
    xmlNodePtr node;
    long line;
    int limit;

    if (!e || e->level == XML_ERR_WARNING || st->in.stop || st->in.refused)
        return; /* a refused input was reported: what libxml2 says next only echoes it */
    limit = glossa__xml_message(e, msg, sizeof msg) && e->domain != XML_FROM_RELAXNGV;
    line = e->line;
    node = e->node;
    if (e->domain == XML_FROM_RELAXNGV) {
        if (is_cascade(msg) || st->malformed || st->schema_lost)
            return;
        /* "<X> is not allowed here" (xml_report.c): the validator does not recover */
        st->schema_lost = msg[0] == '<' && strstr(msg, "> is not allowed here") != NULL;
        /* a wrong root element is reported by walk(), once and clearly */
        if (node && node->type == XML_ELEMENT_NODE && node->parent &&
            node->parent->type == XML_DOCUMENT_NODE &&
            !(node->ns && strcmp((const char *)node->ns->href, TEI_NS) == 0 &&
              strcmp((const char *)node->name, "TEI") == 0))
            return;
        if (node && node->type == XML_ELEMENT_NODE) {
            if (line <= 0)
                line = xmlGetLineNo(node);
            if (!strstr(msg, (const char *)node->name)) {
                snprintf(full, sizeof full, "<%.64s>: %.400s", node->name, msg);
                memcpy(msg, full, sizeof msg);
            }
        }
    }
    if (line <= 0 && st->reader)
        line = xmlTextReaderGetParserLineNumber(st->reader);
    if (line < 0)
        line = 0;
    if (line == st->last_line && strcmp(msg, st->last_msg) == 0)
        return;
    st->last_line = line;
    snprintf(st->last_msg, sizeof st->last_msg, "%s", msg);
    if (e->domain != XML_FROM_RELAXNGV && (e->level == XML_ERR_FATAL || limit))
        st->malformed = 1;
    glossa__xml_in_report(&st->in, e->domain == XML_FROM_RELAXNGV ? GLOSSA_ESCHEMA : GLOSSA_EINPUT,
           line, e->int2 > 0 ? e->int2 : 0, "%s", msg);
}

/* ---- small DOM helpers ----------------------------------------------------- */

static int is_tei(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, TEI_NS) == 0 &&
           (!name || strcmp((const char *)n->name, name) == 0);
}

static long line_of(xmlNodePtr n)
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
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, line_of(n), 0, "%s %s", field, why);
    return s;
}

static const char *text_of(struct reader_state *st, struct glossa_arena *a,
                           xmlNodePtr n)
{
    xmlChar *raw = xmlNodeGetContent(n);
    int kind;
    const char *field = field_of((const char *)n->name, &kind);
    const char *s = checked(st, a, n, raw, field, kind);
    xmlFree(raw);
    return s;
}

static const char *attr_ns(struct reader_state *st, struct glossa_arena *a,
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

#define ATTR(n, name) attr_ns(st, a, (n), (name), NULL)
#define XML_ATTR(n, name) attr_ns(st, a, (n), (name), XML_XML_NAMESPACE)

static int bibl_known(struct reader_state *st, const char *id)
{
    size_t i;
    for (i = 0; i < st->n_bibl; i++)
        if (strcmp(st->bibl_ids[i], id) == 0)
            return 1;
    return 0;
}

/* A pointer to a header <bibl>: "#id" → "id", reported when it dangles. */
static const char *bibl_ref(struct reader_state *st, xmlNodePtr n,
                            const char *ptr, const char *what)
{
    if (!ptr)
        return NULL;
    if (ptr[0] != '#' || !ptr[1]) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, line_of(n), 0,
               "%s '%s' must be a local pointer of the form '#id'", what, ptr);
        return NULL;
    }
    if (!bibl_known(st, ptr + 1)) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, line_of(n), 0,
               "%s '%s' names no <bibl> in this file's header", what, ptr);
        return NULL;
    }
    return ptr + 1;
}

static void check_lang(struct reader_state *st, xmlNodePtr n, const char *lang)
{
    if (!lang)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, line_of(n), 0, "<%s> has no xml:lang", n->name);
    else if (!glossa_lang_is_valid(lang))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, line_of(n), 0,
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
    glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, line_of(n), 0,
           "resp '%s' is neither '#reconstruction' nor '#working-translation'", resp);
    return "official";
}

static const char *usg_of(struct reader_state *st, struct glossa_arena *a,
                          xmlNodePtr parent, const char *type)
{
    xmlNodePtr c;
    for (c = parent->children; c; c = c->next) {
        if (is_tei(c, "usg")) {
            const char *t = ATTR(c, "type");
            if (t && strcmp(t, type) == 0)
                return text_of(st, a, c);
        }
    }
    return NULL;
}

xmlNodePtr glossa__tei_child(xmlNodePtr n, const char *name)
{
    xmlNodePtr c;
    for (c = n ? n->children : NULL; c; c = c->next)
        if (is_tei(c, name))
            return c;
    return NULL;
}

/* ---- one <entry> ------------------------------------------------------------ */

static void read_form(struct reader_state *st, struct glossa_arena *a,
                      xmlNodePtr f, struct tei_entry *e)
{
    struct tei_term *t = &e->terms[e->n_terms];
    xmlNodePtr orth = glossa__tei_child(f, "orth");

    t->line = line_of(f);
    t->lang = XML_ATTR(f, "lang");
    check_lang(st, f, t->lang);
    t->text = orth ? text_of(st, a, orth) : NULL;
    if (!t->text || !*t->text) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, t->line, 0, "entry '%s': <form> has no <orth> text",
               e->id ? e->id : "?");
        return;
    }
    t->status = usg_of(st, a, f, "status");
    if (!t->status)
        t->status = "preferred";
    t->term_type = usg_of(st, a, f, "termType");
    t->geo = usg_of(st, a, f, "geo");
    t->source = bibl_ref(st, f, ATTR(f, "source"), "form source");
    t->from = ATTR(f, "from");
    t->to = ATTR(f, "to");
    t->basis = basis_of(st, f, ATTR(f, "resp"));
    t->working = strcmp(t->basis, "working-translation") == 0;
    e->n_terms++;
}

static void read_sense(struct reader_state *st, struct glossa_arena *a,
                       xmlNodePtr s, struct tei_entry *e)
{
    xmlNodePtr c;
    for (c = s->children; c; c = c->next) {
        if (is_tei(c, "def")) {
            struct tei_def *d = &e->defs[e->n_defs++];
            d->line = line_of(c);
            d->lang = XML_ATTR(c, "lang");
            check_lang(st, c, d->lang);
            d->text = text_of(st, a, c);
            d->basis = basis_of(st, c, ATTR(c, "resp"));
            d->from = ATTR(c, "from");
            d->to = ATTR(c, "to");
            d->source = bibl_ref(st, c, ATTR(c, "source"), "definition source");
            if (!ATTR(c, "source"))
                glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, d->line, 0,
                       "entry '%s': definition in '%s' has no source",
                       e->id ? e->id : "?", d->lang ? d->lang : "?");
        } else if (is_tei(c, "cit")) {
            struct tei_attest *t = &e->attests[e->n_attests++];
            xmlNodePtr q = glossa__tei_child(c, "quote"), b = glossa__tei_child(c, "bibl");
            t->lang = XML_ATTR(c, "lang");
            check_lang(st, c, t->lang);
            t->quote = q ? text_of(st, a, q) : "";
            t->source = b ? bibl_ref(st, b, ATTR(b, "corresp"), "attestation source") : NULL;
        } else if (is_tei(c, "xr")) {
            xmlNodePtr r = glossa__tei_child(c, "ref");
            struct tei_xref *x = &e->xrefs[e->n_xrefs];
            const char *target = r ? ATTR(r, "target") : NULL;
            x->line = line_of(c);
            x->type = ATTR(c, "type");
            if (!target || target[0] != '#' || !target[1]) {
                glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, x->line, 0,
                       "entry '%s': cross-reference needs <ref target=\"#concept-id\">",
                       e->id ? e->id : "?");
                continue;
            }
            x->target = target + 1;
            x->label = text_of(st, a, r);
            e->n_xrefs++;
        }
    }
}

static int read_entry(struct reader_state *st, xmlNodePtr node)
{
    struct tei_entry e;
    struct glossa_arena *a = glossa__arena_new();
    size_t cap;
    xmlNodePtr c;
    const char *rel;
    size_t i;
    int has_ru = 0, rc = 0;

    if (!a)
        return GLOSSA_ENOMEM;
    memset(&e, 0, sizeof e);
    cap = glossa__xml_count_elements(node) + 1;
    e.terms = glossa__arena_alloc(a, cap * sizeof *e.terms);
    e.defs = glossa__arena_alloc(a, cap * sizeof *e.defs);
    e.notes = glossa__arena_alloc(a, cap * sizeof *e.notes);
    e.xrefs = glossa__arena_alloc(a, cap * sizeof *e.xrefs);
    e.attests = glossa__arena_alloc(a, cap * sizeof *e.attests);
    if (!e.terms || !e.defs || !e.notes || !e.xrefs || !e.attests) {
        glossa__arena_free(a);
        return GLOSSA_ENOMEM;
    }
    e.line = line_of(node);
    e.id = XML_ATTR(node, "id");
    e.n = ATTR(node, "n");
    if (!e.id) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e.line, 0, "<entry> has no xml:id");
        glossa__arena_free(a);
        return 0;
    }
    e.source = bibl_ref(st, node, ATTR(node, "source"), "entry source");
    e.status = usg_of(st, a, node, "status");
    rel = usg_of(st, a, node, "reliability");
    e.reliability = rel && rel[0] >= '1' && rel[0] <= '4' && !rel[1] ? rel[0] - '0' : 0;
    if (!e.status)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e.line, 0, "entry '%s': no <usg type=\"status\">", e.id);
    if (!e.reliability)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e.line, 0,
               "entry '%s': reliability must be 1, 2, 3 or 4", e.id);

    for (c = node->children; c; c = c->next) {
        if (is_tei(c, "form")) {
            read_form(st, a, c, &e);
        } else if (is_tei(c, "sense")) {
            read_sense(st, a, c, &e);
        } else if (is_tei(c, "note")) {
            struct tei_note *n = &e.notes[e.n_notes++];
            n->lang = XML_ATTR(c, "lang");
            check_lang(st, c, n->lang);
            n->type = ATTR(c, "type");
            if (!n->type)
                n->type = "editorial";
            n->text = text_of(st, a, c);
        }
    }
    for (i = 0; i < e.n_terms; i++)
        if (e.terms[i].lang && glossa__lang_matches(e.terms[i].lang, "ru") &&
            strcmp(e.terms[i].status, "preferred") == 0)
            has_ru = 1;
    if (!has_ru)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e.line, 0,
               "entry '%s': no preferred Russian term", e.id);
    if (st->oom)
        rc = GLOSSA_ENOMEM;
    else if (st->in.problems == 0 && st->sink->entry)
        rc = st->sink->entry(st->sink->ud, st->path, &e);
    glossa__arena_free(a);
    return rc;
}

/* ---- header <bibl> ------------------------------------------------------------- */

static void add_text(struct glossa_buf *out, const char *s)
{
    if (s)
        glossa__buf_adds(out, s);
}

static const char *bibl_citation(struct reader_state *st, struct glossa_arena *a,
                                 xmlNodePtr b)
{
    struct glossa_buf out = GLOSSA_BUF_INIT;
    xmlNodePtr title = glossa__tei_child(b, "title"), c;
    const char *result;
    int parts = 0;

    if (!title)
        return text_of(st, a, b);
    add_text(&out, text_of(st, a, title));
    for (c = b->children; c; c = c->next) {
        const char *v = NULL;
        if (is_tei(c, "pubPlace"))
            v = text_of(st, a, c);
        else if (is_tei(c, "date"))
            v = ATTR(c, "when") ? ATTR(c, "when") : text_of(st, a, c);
        if (v && *v) {
            glossa__buf_adds(&out, parts++ ? ", " : " (");
            glossa__buf_adds(&out, v);
        }
    }
    if (parts)
        glossa__buf_adds(&out, ")");
    for (c = b->children; c; c = c->next) {
        if (is_tei(c, "citedRange")) {
            glossa__buf_adds(&out, ", ");
            add_text(&out, text_of(st, a, c));
        }
    }
    result = glossa__arena_strdup(a, glossa__buf_str(&out));
    glossa__buf_release(&out);
    if (!result)
        st->oom = 1;
    return result;
}

static int read_bibl(struct reader_state *st, xmlNodePtr node)
{
    struct glossa_arena *a = glossa__arena_new();
    struct tei_bibl b;
    int rc = 0;

    if (!a)
        return GLOSSA_ENOMEM;
    b.id = XML_ATTR(node, "id");
    b.type = ATTR(node, "type");
    b.line = line_of(node);
    b.citation = bibl_citation(st, a, node);
    if (b.id) {
        if (bibl_known(st, b.id)) {
            /* libxml2 reported it: "duplicate xml:id", see reword() */
        } else {
            if (glossa__grow((void **)&st->bibl_ids, &st->cap_bibl, st->n_bibl,
                             sizeof *st->bibl_ids)) {
                glossa__arena_free(a);
                return GLOSSA_ENOMEM;
            }
            st->bibl_ids[st->n_bibl] = glossa__strdup(b.id);
            if (!st->bibl_ids[st->n_bibl])
                rc = GLOSSA_ENOMEM;
            else
                st->n_bibl++;
            if (!rc && st->sink->bibl && !st->oom)
                rc = st->sink->bibl(st->sink->ud, st->path, &b);
        }
    }
    if (st->oom)
        rc = GLOSSA_ENOMEM;
    glossa__arena_free(a);
    return rc;
}

/* ---- the file ---------------------------------------------------------------- */

static int walk(struct reader_state *st, xmlTextReaderPtr r)
{
    int ret = xmlTextReaderRead(r), rc;

    while (ret == 1 && !st->in.stop) {
        int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
        int tei = ns && strcmp(ns, TEI_NS) == 0;
        xmlNodePtr current = xmlTextReaderCurrentNode(r);
        long line = current ? xmlGetLineNo(current) : 0;

        if (line <= 0) /* a DTD node has no line of its own */
            line = xmlTextReaderGetParserLineNumber(r);

        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            glossa__xml_in_report(&st->in, GLOSSA_EINPUT, line, 0,
                   "DOCTYPE not allowed: a term base may not declare a DTD or entities");
            return GLOSSA_EINPUT;
        }
        if (type != XML_READER_TYPE_ELEMENT) {
            ret = xmlTextReaderRead(r);
            continue;
        }
        if (depth > MAX_DEPTH) {
            glossa__xml_in_report(&st->in, GLOSSA_EINPUT, line, 0, "elements nested deeper than %d levels", MAX_DEPTH);
            return GLOSSA_EINPUT;
        }
        if (depth == 0 && !(tei && strcmp(name, "TEI") == 0)) {
            glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, line, 0,
                   "root element is <%s>%s%s%s, expected <TEI> in namespace " TEI_NS,
                   name, ns ? " in namespace '" : " without namespace",
                   ns ? ns : "", ns ? "'" : "");
            return GLOSSA_ESCHEMA;
        }
        if (tei && strcmp(name, "teiHeader") == 0)
            st->in_header = 1;
        else if (tei && strcmp(name, "text") == 0)
            st->in_header = 0;
        if (tei && (strcmp(name, "entry") == 0 ||
                    (st->in_header && strcmp(name, "bibl") == 0))) {
            xmlNodePtr node = xmlTextReaderExpand(r);
            if (!node)
                break;
            rc = name[0] == 'e' ? read_entry(st, node) : read_bibl(st, node);
            if (rc)
                return rc;
            ret = xmlTextReaderNext(r);
            continue;
        }
        ret = xmlTextReaderRead(r);
    }
    if (ret < 0 && st->in.problems == 0)
        glossa__xml_in_report(&st->in, GLOSSA_EINPUT, xmlTextReaderGetParserLineNumber(r), 0,
               "malformed XML");
    if (ret >= 0 && !st->in.stop && xmlTextReaderIsValid(r) != 1 && st->in.problems == 0)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, xmlTextReaderGetParserLineNumber(r), 0,
               "does not validate against the glossa schema");
    return 0;
}

int glossa__tei_read(struct tei_schema *schema, const char *path,
                     const struct tei_sink *sink, glossa_error *err)
{
    struct reader_state st;
    xmlTextReaderPtr r = NULL;
    size_t i;
    int rc;

    memset(&st, 0, sizeof st);
    st.path = path;
    st.sink = sink;
    st.in.path = path;
    st.in.what = "a TEI term base";
    st.in.doctype_msg = "DOCTYPE not allowed: a term base may not declare a DTD or entities";
    st.in.diag = sink->diag;
    st.in.ud = sink->ud;
    st.in.err = err;
    if ((rc = glossa__xml_in_open(&st.in)) || !(r = glossa__xml_in_reader(&st.in))) {
        glossa__xml_in_close(&st.in);
        return rc ? rc : st.in.problems ? GLOSSA_EINPUT : GLOSSA_ENOMEM;
    }
    st.reader = r;
    xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &st);
    if (xmlTextReaderRelaxNGSetSchema(r, schema->rng) != 0) {
        xmlFreeTextReader(r);
        glossa__xml_in_close(&st.in);
        return glossa__error_set(err, GLOSSA_ERROR, path, 0, 0, "cannot attach the schema");
    }
    rc = walk(&st, r);
    xmlFreeTextReader(r);
    if (ferror(st.in.f) && !rc && st.in.problems == 0)
        rc = glossa__error_set(err, GLOSSA_EIO, path, 0, 0, "read error");
    glossa__xml_in_close(&st.in);
    for (i = 0; i < st.n_bibl; i++)
        glossa__free(st.bibl_ids[i]);
    glossa__free(st.bibl_ids);
    if (rc == GLOSSA_ENOMEM)
        return glossa__error_set(err, GLOSSA_ENOMEM, path, 0, 0, "out of memory");
    if (rc && rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA)
        return rc;
    if (st.in.problems)
        return err ? err->code : GLOSSA_EINPUT;
    return rc;
}
