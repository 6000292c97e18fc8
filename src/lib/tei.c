/*
** tei.c — streaming reader of the TEI term base (see schema/README.md).
**
** Reads one file with libxml2's xmlTextReader, validating against the
** embedded RELAX NG schema as it goes, and hands each header <bibl> and each
** <entry> to a sink. Only one entry is in memory at a time, so memory does not
** grow with the file. Checks what RELAX NG cannot: language tags, local
** pointers that must resolve, one preferred Russian term per concept (in a
** <TEI type="termbase">, a term base other than the annex: in any language).
**
** Hardening: the file is read by xml_in.c (no network, no DTD, no entity
** substitution, no XInclude; a DOCTYPE is refused outright; compressed input,
** UTF-32 and elements with too many attributes are refused before libxml2
** works on them); nesting depth is bounded here; every text and attribute
** value that is read passes glossa__text_refused() (no controls, no bidi
** controls; terms and ids also no invisible characters, and a size bound).
*/
#include "tei_int.h"

#include <stdio.h>
#include <string.h>

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

/* ---- one <entry> (the parts it is made of: tei_field.c) --------------------- */

static void read_concept(struct reader_state *st, struct glossa_arena *a, xmlNodePtr node,
                         struct tei_entry *e)
{
    xmlNodePtr c;
    const char *rel;

    e->n = ATTR(node, "n");
    e->status = glossa__tei_usg(st, a, node, "status");
    rel = glossa__tei_usg(st, a, node, "reliability");
    e->reliability = rel && rel[0] >= '1' && rel[0] <= '4' && !rel[1] ? rel[0] - '0' : 0;
    if (!e->status)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0, "entry '%s': no <usg type=\"status\">", e->id);
    if (!e->reliability)
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               "entry '%s': reliability must be 1, 2, 3 or 4", e->id);

    for (c = node->children; c; c = c->next) {
        if (glossa__tei_is(c, "form")) {
            glossa__tei_form(st, a, c, e);
        } else if (glossa__tei_is(c, "sense")) {
            glossa__tei_sense(st, a, c, e);
        } else if (glossa__tei_is(c, "note")) {
            glossa__tei_note(st, a, c, e, ATTR(c, "type"));
        }
    }
    if (!glossa__entry_preferred(e, st->any_language ? NULL : "ru"))
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e->line, 0,
               st->any_language ? "entry '%s': no preferred term"
                                : "entry '%s': no preferred Russian term (a term base in other "
                                  "languages says so: <TEI type=\"termbase\">)", e->id);
}

const struct tei_term *glossa__entry_preferred(const struct tei_entry *e, const char *lang)
{
    size_t i;
    for (i = 0; i < e->n_terms; i++)
        if (e->terms[i].lang && e->terms[i].status &&
            (!lang || glossa__lang_matches(e->terms[i].lang, lang)) &&
            strcmp(e->terms[i].status, "preferred") == 0)
            return &e->terms[i];
    return NULL;
}

/* The kind of entry a file of this <TEI type> holds. */
static enum tei_kind kind_of_doc(const char *doc_type)
{
    if (strcmp(doc_type, "national") == 0)
        return TEI_LEGAL;
    if (strcmp(doc_type, "notions") == 0)
        return TEI_NOTION;
    return TEI_CONCEPT;
}

static int read_entry(struct reader_state *st, xmlNodePtr node, int free_entry)
{
    struct tei_entry e;
    struct glossa_arena *a = glossa__arena_new();
    size_t cap;
    const char *type;
    int rc = 0;

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
    e.line = glossa__tei_line(node);
    e.id = XML_ATTR(node, "id");
    if (!e.id) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e.line, 0, "<entry> has no xml:id");
        glossa__arena_free(a);
        return 0;
    }
    type = ATTR(node, "type");
    e.kind = !free_entry                                  ? TEI_CONCEPT
             : type && strcmp(type, "notion") == 0        ? TEI_NOTION
                                                          : TEI_LEGAL;
    if (e.kind != st->doc_kind) {
        glossa__xml_in_report(&st->in, GLOSSA_ESCHEMA, e.line, 0,
               "entry '%s' of type '%s' in a file of %s (a concept <entry> belongs to the term "
               "base, an <entryFree> of type legal-definition to <TEI type=\"national\">, one of "
               "type notion to <TEI type=\"notions\">)",
               e.id, type ? type : "concept", st->doc_kind == TEI_LEGAL    ? "national legal definitions"
                             : st->doc_kind == TEI_NOTION ? "notions"
                                                          : "concepts");
        glossa__arena_free(a);
        return 0;
    }
    e.source = glossa__tei_bibl_ref(st, node, ATTR(node, "source"), "entry source");
    if (e.kind == TEI_CONCEPT) {
        read_concept(st, a, node, &e);
    } else {
        const char *rel = glossa__tei_usg(st, a, node, "reliability");
        e.reliability = rel && rel[0] >= '1' && rel[0] <= '4' && !rel[1] ? rel[0] - '0' : 0;
        if (e.kind == TEI_LEGAL)
            glossa__tei_legal(st, a, node, &e);
        else
            glossa__tei_notion(st, a, node, &e);
        glossa__tei_check_free(st, node, &e);
    }
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
        return glossa__tei_text(st, a, b);
    add_text(&out, glossa__tei_text(st, a, title));
    for (c = b->children; c; c = c->next) {
        const char *v = NULL;
        if (glossa__tei_is(c, "pubPlace"))
            v = glossa__tei_text(st, a, c);
        else if (glossa__tei_is(c, "date"))
            v = ATTR(c, "when") ? ATTR(c, "when") : glossa__tei_text(st, a, c);
        if (v && *v) {
            glossa__buf_adds(&out, parts++ ? ", " : " (");
            glossa__buf_adds(&out, v);
        }
    }
    if (parts)
        glossa__buf_adds(&out, ")");
    for (c = b->children; c; c = c->next) {
        if (glossa__tei_is(c, "citedRange")) {
            glossa__buf_adds(&out, ", ");
            add_text(&out, glossa__tei_text(st, a, c));
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
    memset(&b, 0, sizeof b);
    b.id = XML_ATTR(node, "id");
    b.type = ATTR(node, "type");
    b.line = glossa__tei_line(node);
    b.citation = bibl_citation(st, a, node);
    glossa__tei_act(st, a, node, &b);
    if (b.id) {
        if (glossa__tei_bibl_index(st, b.id)) {
            /* libxml2 reported it: "duplicate xml:id", see reword() */
        } else {
            if (glossa__grow((void **)&st->bibl_ids, &st->cap_bibl, st->n_bibl,
                             sizeof *st->bibl_ids)) {
                glossa__arena_free(a);
                return GLOSSA_ENOMEM;
            }
            if (glossa__grow((void **)&st->bibl_act, &st->cap_act, st->n_bibl,
                             sizeof *st->bibl_act)) {
                glossa__arena_free(a);
                return GLOSSA_ENOMEM;
            }
            st->bibl_act[st->n_bibl] = b.state != NULL;
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
        if (depth == 0) {
            xmlChar *t = xmlTextReaderGetAttribute(r, (const xmlChar *)"type");
            st->doc_kind = kind_of_doc(t ? (const char *)t : "");
            st->any_language = t && strcmp((const char *)t, "termbase") == 0;
            xmlFree(t);
        }
        if (tei && strcmp(name, "teiHeader") == 0)
            st->in_header = 1;
        else if (tei && strcmp(name, "text") == 0)
            st->in_header = 0;
        if (tei && (strcmp(name, "entry") == 0 || strcmp(name, "entryFree") == 0 ||
                    (st->in_header && strcmp(name, "bibl") == 0))) {
            xmlNodePtr node = xmlTextReaderExpand(r);
            if (!node)
                break;
            rc = name[0] == 'e' ? read_entry(st, node, name[5] == 'F') : read_bibl(st, node);
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
    st.doc_kind = TEI_CONCEPT;
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
    glossa__free(st.bibl_act);
    if (rc == GLOSSA_ENOMEM)
        return glossa__error_set(err, GLOSSA_ENOMEM, path, 0, 0, "out of memory");
    if (rc && rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA)
        return rc;
    if (st.in.problems)
        return err ? err->code : GLOSSA_EINPUT;
    return rc;
}
