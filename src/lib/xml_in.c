/*
** xml_in.c — the one reader of untrusted XML: TEI term bases and proposals
** (tei.c, proposal.c, consolidate.c), the member states (states.c) and TBX
** files (import_tbx.c); and finding TEI elements in a DOM read.
**
** Before libxml2 sees a byte: compressed data, UTF-32, UTF-16 without a
** byte-order mark or declaration, an encoding declaration that contradicts
** the byte-order mark, and files that are not XML at all are refused with a
** message a user can act on. While libxml2 reads: every byte passes a small
** tokenizer (in the read callback) that bounds attributes and namespace
** declarations per element (libxml2 checks them for duplicates in quadratic
** time, before any callback could see the element) and the file size. The
** DOCTYPE is decided by the parser itself (its internalSubset hook, where it
** also sees whether an internal subset follows), with no network, no DTD
** loading and no entity substitution. libxml2's messages reach the caller
** through the parser context's own handler, in glossa's words, as
** FILE:LINE[:COL] — never on stderr.
**
** This file: the first bytes (what is refused, a declared encoding converted
** to UTF-8), the read callback, the DOCTYPE decided by the parser, and the
** entry points (a streaming reader, a DOM). The tokenizer that bounds the
** elements is in xml_scan.c, the wording of problems in xml_report.c.
*/
#include "xml_in.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <unicode/utf8.h>

#include <errno.h>
#include <string.h>
#include <strings.h>

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

/* The parser context's error handler (the DOM pass): the first fatal error
** is the one a user can act on; what follows it only echoes it. (Errors that
** leave the document well-formed, such as an entity only a DTD could declare,
** are the caller's to judge.) */
static void on_error(void *ctx, xmlErrorPtr e)
{
    xmlParserCtxtPtr c = ctx;
    struct xml_in *in = c ? c->_private : NULL;
    char msg[GLOSSA_ERROR_SIZE];
    int known;

    if (!in || !e || e->level != XML_ERR_FATAL || in->refused)
        return;
    known = glossa__xml_message(e, msg, sizeof msg);
    in->refused = 1;
    glossa__xml_in_report(in, GLOSSA_EINPUT, e->line, e->int2, "%s%s",
                          known ? "" : "malformed XML: ", msg);
}

static void ignore_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* ---- the first bytes ------------------------------------------------------------- */

static const char *compressed_kind(const unsigned char *m, size_t n)
{
    if (n >= 2 && m[0] == 0x1f && m[1] == 0x8b)
        return "gzip";
    if (n >= 6 && memcmp(m, "\xfd" "7zXZ\0", 6) == 0)
        return "xz";
    if (n >= 3 && memcmp(m, "BZh", 3) == 0)
        return "bzip2";
    if (n >= 4 && memcmp(m, "PK\x03\x04", 4) == 0)
        return "zip";
    return NULL;
}

/* Code unit i of the first bytes, as the encoding reads them (-1 past the end). */
static int unit(const unsigned char *m, size_t n, int wide, size_t i)
{
    if (!wide)
        return i < n ? m[i] : -1;
    if (2 * i + 1 >= n)
        return -1;
    return wide == 1 ? m[2 * i] | m[2 * i + 1] << 8 : m[2 * i] << 8 | m[2 * i + 1];
}

/* The encoding an XML declaration at unit `from` names, into out ("" if none). */
static void declared_encoding(const unsigned char *m, size_t n, int wide, size_t from, char *out,
                              size_t size)
{
    char head[256];
    size_t k = 0, i;
    const char *p, *end;
    int c;
    out[0] = '\0';
    for (i = from; k + 1 < sizeof head && (c = unit(m, n, wide, i)) > 0 && c != '>'; i++)
        head[k++] = c < 0x80 ? (char)c : '?';
    head[k] = '\0';
    if (strncmp(head, "<?xml", 5) != 0 || !(p = strstr(head, "encoding")))
        return;
    p += 8;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '=')
        p++;
    if ((*p != '"' && *p != '\'') || !(end = strchr(p + 1, *p)))
        return;
    snprintf(out, size, "%.*s", (int)(end - p - 1), p + 1);
}

/* The file declares enc: convert it to UTF-8 (strictly) before libxml2. */
static int open_conv(struct xml_in *in, const char *enc)
{
    UErrorCode status = U_ZERO_ERROR;
    struct xml_conv *c = glossa__calloc(1, sizeof *c);
    if (!c)
        return glossa__error_set(in->err, GLOSSA_ENOMEM, in->path, 0, 0, "out of memory");
    in->conv = c;
    snprintf(c->name, sizeof c->name, "%s", enc);
    c->from = ucnv_open(enc, &status);
    if (U_SUCCESS(status))
        ucnv_setToUCallBack(c->from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_SUCCESS(status))
        c->to = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status) || !c->from || !c->to || strncasecmp(enc, "UTF-16", 6) == 0 ||
        strncasecmp(enc, "UTF16", 5) == 0 || strncasecmp(enc, "UTF-32", 6) == 0) {
        glossa__xml_in_report(in, GLOSSA_EINPUT, 1, 0,
                              "the XML declaration names encoding \"%s\", which glossa cannot "
                              "read here: save the file as UTF-8", enc);
        return GLOSSA_EINPUT;
    }
    c->ps = c->pt = c->pivot;
    return 0;
}

static int sniff(struct xml_in *in)
{
    unsigned char m[512];
    size_t n = fread(m, 1, sizeof m, in->f), start = 0, i;
    const char *kind = compressed_kind(m, n), *bom = NULL;
    char enc[64];
    int wide = 0, c;

    rewind(in->f);
    if (kind) {
        glossa__xml_in_report(in, GLOSSA_EINPUT, 1, 1,
                              "%s-compressed data: decompress the file first", kind);
        return GLOSSA_EINPUT;
    }
    if ((n >= 4 && (memcmp(m, "\0\0\xfe\xff", 4) == 0 || memcmp(m, "\xff\xfe\0\0", 4) == 0 ||
                    memcmp(m, "\0\0\0<", 4) == 0 || memcmp(m, "<\0\0\0", 4) == 0))) {
        glossa__xml_in_report(in, GLOSSA_EINPUT, 0, 0,
                              "UTF-32 is not supported; save it as UTF-8");
        return GLOSSA_EINPUT;
    }
    if (n >= 2 && m[0] == 0xff && m[1] == 0xfe) {
        wide = 1, start = 1, bom = "UTF-16LE";
    } else if (n >= 2 && m[0] == 0xfe && m[1] == 0xff) {
        wide = 2, start = 1, bom = "UTF-16BE";
    } else if (n >= 3 && memcmp(m, "\xef\xbb\xbf", 3) == 0) {
        start = 3, bom = "UTF-8";
    } else if (n >= 4 && memcmp(m, "<\0?\0", 4) == 0) {
        wide = 1;
    } else if (n >= 4 && memcmp(m, "\0<\0?", 4) == 0) {
        wide = 2;
    } else if (n >= 4 && ((m[0] == 0 && m[1] != 0 && m[2] == 0 && m[3] != 0) ||
                          (m[0] != 0 && m[1] == 0 && m[2] != 0 && m[3] == 0))) {
        glossa__xml_in_report(in, GLOSSA_EINPUT, 1, 1,
                              "UTF-16 without a byte-order mark or an XML declaration: save the "
                              "file as UTF-8, or as UTF-16 with a byte-order mark");
        return GLOSSA_EINPUT;
    }
    for (i = start; (c = unit(m, n, wide, i)) == ' ' || c == '\t' || c == '\r' || c == '\n';)
        i++;
    if (c != '<') {
        glossa__xml_in_report(in, GLOSSA_EINPUT, 0, 0, "%s (%s starts with '<')",
                              c < 0 ? "empty file" : "not XML", in->what);
        return GLOSSA_EINPUT;
    }
    declared_encoding(m, n, wide, i, enc, sizeof enc);
    /* UTF-8 declared in UTF-16 is common (the file was saved again) and
    ** libxml2 reads it right; another encoding contradicts the mark */
    if (bom && enc[0] && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0 &&
        !(wide && (strncasecmp(enc, "UTF-16", 6) == 0 || strncasecmp(enc, "UTF16", 5) == 0 ||
                   strcasecmp(enc, "ISO-10646-UCS-2") == 0 || strcasecmp(enc, "UCS-2") == 0))) {
        glossa__xml_in_report(in, GLOSSA_EINPUT, 1, 0,
                              "the XML declaration says encoding \"%s\" but the byte-order mark "
                              "says %s: save the file as UTF-8 (and declare UTF-8 or nothing)",
                              enc, bom);
        return GLOSSA_EINPUT;
    }
    memset(&in->scan, 0, sizeof in->scan);
    in->scan.wide = wide;
    if (!wide && !bom && enc[0] && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0)
        return open_conv(in, enc);
    return 0;
}

int glossa__xml_in_open(struct xml_in *in)
{
    in->f = fopen(in->path, "rb");
    in->problems = 0;
    in->refused = in->stop = in->building = 0;
    if (!in->f)
        return glossa__error_set(in->err, errno == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO,
                                 in->path, 0, 0, "cannot open: %s", strerror(errno));
    return sniff(in);
}

void glossa__xml_in_close(struct xml_in *in)
{
    if (in->f)
        fclose(in->f);
    in->f = NULL;
    if (in->conv) {
        if (in->conv->from)
            ucnv_close(in->conv->from);
        if (in->conv->to)
            ucnv_close(in->conv->to);
        glossa__free(in->conv);
        in->conv = NULL;
    }
}
/* Up to len bytes of the file as UTF-8, converted from its declared
** encoding; the bytes scanned. -1 when an input byte is not of the encoding. */
static long converted(struct xml_in *in, char *buf, size_t len)
{
    struct xml_conv *c = in->conv;
    size_t k;
    while (c->out_at == c->out_len && !c->eof) {
        size_t n = fread(c->raw, 1, sizeof c->raw, in->f);
        const char *src = c->raw;
        char *dst = c->out;
        UErrorCode status = U_ZERO_ERROR;
        if (n == 0 && ferror(in->f))
            return -1;
        c->eof = n == 0;
        ucnv_convertEx(c->to, c->from, &dst, c->out + sizeof c->out, &src, c->raw + n, c->pivot,
                       &c->ps, &c->pt, c->pivot + sizeof c->pivot / sizeof c->pivot[0], 0,
                       c->eof, &status);
        c->out_at = 0;
        c->out_len = (size_t)(dst - c->out);
        if (U_FAILURE(status)) {
            char bad[32];
            int8_t nb = (int8_t)sizeof bad, i;
            UErrorCode s2 = U_ZERO_ERROR;
            char hex[64] = "";
            const UChar *u;
            long line;
            ucnv_getInvalidChars(c->from, bad, &nb, &s2);
            for (i = 0; U_SUCCESS(s2) && i < nb && i < 4; i++)
                snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%s0x%02X", i ? " " : "",
                         (unsigned char)bad[i]);
            for (k = 0; k < c->out_len; k++)
                glossa__xml_scan_unit(in, (unsigned char)c->out[k]);
            for (line = in->scan.line + 1, u = c->ps; u < c->pt; u++)
                line += *u == '\n'; /* converted, not yet written as UTF-8 */
            glossa__xml_in_report(in, GLOSSA_EINPUT, line, 0,
                                  "not %s as the XML declaration says: bytes %s (save the file "
                                  "as UTF-8)", c->name, hex[0] ? hex : "?");
            in->refused = 1;
            return -1;
        }
    }
    k = c->out_len - c->out_at < len ? c->out_len - c->out_at : len;
    memcpy(buf, c->out + c->out_at, k);
    c->out_at += k;
    return (long)k;
}

static int read_cb(void *ctx, char *buf, int len)
{
    struct xml_in *in = ctx;
    struct xml_scan *s = &in->scan;
    size_t n, i;

    if (in->refused || len <= 0)
        return -1;
    if (in->conv) {
        long k = converted(in, buf, (size_t)len);
        if (k < 0)
            return -1;
        n = (size_t)k;
    } else {
        n = fread(buf, 1, (size_t)len, in->f);
        if (n == 0 && ferror(in->f))
            return -1;
    }
    in->bytes += n;
    if (in->max_bytes && in->bytes > in->max_bytes) {
        glossa__xml_in_report(in, GLOSSA_EINPUT, 0, 0, "larger than %zu MB: refused",
                              in->max_bytes >> 20);
        in->refused = 1;
        return -1;
    }
    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)buf[i];
        int c;
        if (s->wide) {
            if (!s->have_half) {
                s->half = b;
                s->have_half = 1;
                continue;
            }
            s->have_half = 0;
            c = s->wide == 1 ? s->half | b << 8 : s->half << 8 | b;
            /* libxml2 would print its conversion error on stderr, and stop */
            if (U16_IS_TRAIL(c) != s->lead) {
                glossa__xml_in_report(in, GLOSSA_EINPUT, s->line + 1, 0,
                                      "not UTF-16: an unpaired surrogate 0x%04X (save the file "
                                      "as UTF-8)", (unsigned)(s->lead ? s->lead_unit : c));
                in->refused = 1;
                return -1;
            }
            s->lead = U16_IS_LEAD(c);
            s->lead_unit = c;
        } else {
            c = b;
        }
        if (glossa__xml_scan_unit(in, c))
            return -1;
    }
    return (int)n;
}

static int close_cb(void *ctx)
{
    (void)ctx;
    return 0; /* glossa__xml_in_close() closes the file */
}

static void restart(struct xml_in *in)
{
    int wide = in->scan.wide;
    rewind(in->f);
    memset(&in->scan, 0, sizeof in->scan);
    in->scan.wide = wide;
    in->bytes = 0;
    if (in->conv) {
        ucnv_reset(in->conv->from);
        ucnv_reset(in->conv->to);
        in->conv->ps = in->conv->pt = in->conv->pivot;
        in->conv->out_at = in->conv->out_len = 0;
        in->conv->eof = 0;
    }
}

/* What libxml2 is told: no network, and UTF-8 when the bytes were converted. */
static int options_of(const struct xml_in *in)
{
    return XML_OPTIONS | (in->conv ? XML_PARSE_IGNORE_ENC : 0);
}

/* ---- the DOCTYPE, decided by the parser ---------------------------------------------- */

/* The parser has read "<!DOCTYPE name ExternalID" and the blanks after it:
** an internal subset follows when it stands at '['. The DOCTYPE's line is
** the parser's, less the newlines since "<!DOCTYPE" in its buffer. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external,
                       const xmlChar *system)
{
    xmlParserCtxtPtr c = ctx;
    struct xml_in *in = c->_private;
    xmlParserInputPtr input = c->input;
    int subset = input && input->cur && *input->cur == '[';
    long line = input ? input->line : 0;

    if (in->named_dtd_ok && !subset) {
        if (in->building)
            xmlSAX2InternalSubset(ctx, name, external, system);
        return;
    }
    if (input && input->cur && input->base) {
        const xmlChar *p = input->cur;
        while (p - input->base >= 9 && memcmp(p - 9, "<!DOCTYPE", 9) != 0) {
            if (p[-1] == '\n' && line > 1)
                line--;
            p--;
        }
    }
    glossa__xml_in_report(in, GLOSSA_EINPUT, line, 0, "%s", in->doctype_msg);
    in->refused = 1;
    xmlStopParser(c);
}

static void on_root(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)localname, (void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces;
    (void)nb_attributes, (void)nb_defaulted, (void)attributes;
    xmlStopParser(ctx); /* the prolog is over */
}

/* Parse the prolog (up to the root element) with only the DOCTYPE hook. */
static int prolog(struct xml_in *in)
{
    xmlSAXHandler sax;
    xmlParserCtxtPtr c;

    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.internalSubset = on_doctype;
    sax.startElementNs = on_root;
    sax.serror = ignore_error; /* the main parse reports what is malformed */
    c = xmlCreateIOParserCtxt(&sax, NULL, read_cb, close_cb, in, XML_CHAR_ENCODING_NONE);
    if (!c)
        return glossa__error_set(in->err, GLOSSA_ENOMEM, in->path, 0, 0, "out of memory");
    c->_private = in;
    xmlCtxtUseOptions(c, options_of(in));
    xmlParseDocument(c);
    xmlFreeDoc(c->myDoc); /* libxml2 makes one for entity declarations after an error */
    c->myDoc = NULL;
    xmlFreeParserCtxt(c);
    if (in->refused)
        return GLOSSA_EINPUT;
    restart(in);
    return 0;
}

xmlTextReaderPtr glossa__xml_in_reader(struct xml_in *in)
{
    xmlTextReaderPtr r;
    if (prolog(in))
        return NULL;
    /* No NOENT, DTDLOAD, DTDATTR, DTDVALID or XINCLUDE: entities stay
    ** unexpanded and nothing external is fetched. */
    r = xmlReaderForIO(read_cb, close_cb, in, in->path, NULL, options_of(in));
    if (!r)
        glossa__error_set(in->err, GLOSSA_ENOMEM, in->path, 0, 0, "cannot create XML reader");
    return r;
}

int glossa__xml_in_doc(struct xml_in *in, xmlDocPtr *out)
{
    xmlParserCtxtPtr c;
    xmlDocPtr doc;

    *out = NULL;
    c = xmlCreateIOParserCtxt(NULL, NULL, read_cb, close_cb, in, XML_CHAR_ENCODING_NONE);
    if (!c)
        return glossa__error_set(in->err, GLOSSA_ENOMEM, in->path, 0, 0, "out of memory");
    c->_private = in;
    c->sax->serror = on_error;
    c->sax->internalSubset = on_doctype;
    xmlCtxtUseOptions(c, options_of(in) | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    in->building = 1;
    xmlParseDocument(c);
    in->building = 0;
    doc = c->myDoc;
    c->myDoc = NULL;
    if (!in->problems && (!c->wellFormed || !doc))
        glossa__xml_in_report(in, GLOSSA_EINPUT, 0, 0, "malformed XML");
    xmlFreeParserCtxt(c);
    if (in->problems) {
        xmlFreeDoc(doc);
        return in->err ? in->err->code : GLOSSA_EINPUT;
    }
    if (doc && !doc->URL)
        doc->URL = xmlStrdup((const xmlChar *)in->path);
    *out = doc;
    return 0;
}

int glossa__xml_read_file(const char *path, xmlDocPtr *out, glossa_error *err)
{
    struct xml_in in;
    int rc;
    memset(&in, 0, sizeof in);
    in.path = path;
    in.what = "a TEI file";
    in.doctype_msg = "DOCTYPE not allowed: a term base may not declare a DTD or entities";
    in.err = err;
    *out = NULL;
    if (!(rc = glossa__xml_in_open(&in)))
        rc = glossa__xml_in_doc(&in, out);
    glossa__xml_in_close(&in);
    return rc;
}

size_t glossa__xml_count_elements(xmlNodePtr n)
{
    size_t k = 0;
    xmlNodePtr c;
    for (c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            k += 1 + glossa__xml_count_elements(c);
    return k;
}

int glossa__xml_is_tei(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, "http://www.tei-c.org/ns/1.0") == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr glossa__xml_find(xmlNodePtr n, const char *name)
{
    xmlNodePtr c, found;
    for (c = n ? n->children : NULL; c; c = c->next) {
        if (glossa__xml_is_tei(c, name))
            return c;
        if ((found = glossa__xml_find(c, name)))
            return found;
    }
    return NULL;
}
