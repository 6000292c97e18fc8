/*
** import_schema.c — `glossa import --schema RNG`: a TBX file checked against
** a RELAX NG schema the user names (TBX's core structure, TBXcoreStructV03.rng,
** or a dialect's) before anything is read from it. Every violation is said
** as FILE:LINE: MESSAGE (libxml2's words made glossa's by xml_report.c) to
** the caller's diagnostic callback; the first is the error returned. The
** schema is the user's own file, read whole into memory (one file: glossa
** loads nothing it names, as it loads no DTD, so an include or externalRef
** fails with a message), at most 8 MB.
*/
#include "exchange_int.h"
#include "import_int.h"
#include "xml_in.h"

#include <libxml/relaxng.h>
#include <stdio.h>
#include <string.h>

/* Violations beyond this many are counted, not said one by one. */
#define SCHEMA_SAID_MAX 50
#define SCHEMA_MAX_BYTES (8L << 20)

struct schema_check {
    struct xc_report *r;
    const char *path;
    glossa_error *err;
    unsigned long errors;
};

static void on_invalid(void *userdata, xmlErrorPtr e)
{
    struct schema_check *c = userdata;
    char msg[GLOSSA_ERROR_SIZE];
    long line = e ? e->line : 0;
    if (e && e->node && ((const xmlNode *)e->node)->type == XML_ELEMENT_NODE)
        line = (long)xmlGetLineNo((const xmlNode *)e->node);
    glossa__xml_message(e, msg, sizeof msg);
    if (c->errors++ == 0)
        glossa__error_set(c->err, GLOSSA_ESCHEMA, c->path, line, 0, "%s", msg);
    if (c->errors <= SCHEMA_SAID_MAX && c->r->fn) {
        glossa_error d;
        d.code = GLOSSA_ESCHEMA;
        snprintf(d.file, sizeof d.file, "%s", c->path);
        d.line = line > 0 ? line : 0;
        d.column = 0;
        snprintf(d.msg, sizeof d.msg, "%s", msg);
        c->r->fn(&d, c->r->userdata);
    }
}

/* libxml2's complaints about the schema itself (it is not valid RELAX NG). */
static void on_schema_problem(void *userdata, xmlErrorPtr e)
{
    struct schema_check *c = userdata;
    char msg[GLOSSA_ERROR_SIZE];
    glossa__xml_message(e, msg, sizeof msg);
    if (c->errors++ == 0)
        glossa__error_set(c->err, GLOSSA_EINPUT, c->path, e ? e->line : 0, 0,
                          "not a RELAX NG schema glossa can use: %s", msg);
}

int glossa__tbx_schema_check(xmlDocPtr doc, const char *tbx_path, const char *schema,
                             struct xc_report *r, glossa_error *err)
{
    struct schema_check c = { r, schema, err, 0 };
    xmlRelaxNGParserCtxtPtr pctx;
    xmlRelaxNGValidCtxtPtr vctx = NULL;
    xmlRelaxNGPtr rng = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc = glossa_read_file(schema, SCHEMA_MAX_BYTES, &text, &len, err);

    if (rc)
        return rc;
    pctx = xmlRelaxNGNewMemParserCtxt(text, (int)len);
    if (!pctx) {
        glossa__free(text);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    xmlRelaxNGSetParserStructuredErrors(pctx, on_schema_problem, &c);
    rng = xmlRelaxNGParse(pctx);
    xmlRelaxNGFreeParserCtxt(pctx);
    glossa__free(text);
    if (!rng) {
        if (c.errors == 0)
            glossa__error_set(err, GLOSSA_EINPUT, schema, 0, 0,
                              "cannot read the schema (a RELAX NG file in XML syntax)");
        return GLOSSA_EINPUT;
    }
    c.path = tbx_path;
    c.errors = 0;
    vctx = xmlRelaxNGNewValidCtxt(rng);
    if (!vctx) {
        xmlRelaxNGFree(rng);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    xmlRelaxNGSetValidStructuredErrors(vctx, on_invalid, &c);
    if (xmlRelaxNGValidateDoc(vctx, doc) != 0) {
        if (c.errors == 0)
            glossa__error_set(err, GLOSSA_ESCHEMA, tbx_path, 0, 0, "not valid against %s", schema);
        else
            glossa__error_set(err, GLOSSA_ESCHEMA, tbx_path, 0, 0,
                              "not valid against %s: %lu problem%s (%s); nothing imported",
                              schema, c.errors, c.errors == 1 ? "" : "s",
                              c.errors > SCHEMA_SAID_MAX ? "the first 50 above" : "above");
        rc = GLOSSA_ESCHEMA;
    }
    xmlRelaxNGFreeValidCtxt(vctx);
    xmlRelaxNGFree(rng);
    return rc;
}
