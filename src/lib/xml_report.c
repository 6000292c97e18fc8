/*
** xml_report.c — how the reader of untrusted XML (xml_in.c) says what is
** wrong: a problem of the input as FILE:LINE[:COL]: MESSAGE, given to the
** caller's diagnostic callback and kept as the first error; and libxml2's
** messages in glossa's words, on one line (hostile and broken files named
** for what they are, limits said as limits, the schema's and the parser's
** complaints about a file said in glossa's words with the value at fault).
*/
#include "xml_in.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

void glossa__xml_in_report(struct xml_in *in, int code, long line, long col, const char *fmt, ...)
{
    glossa_error d;
    va_list ap;

    d.code = code;
    snprintf(d.file, sizeof d.file, "%s", in->path);
    d.line = line > 0 ? line : 0;
    d.column = col > 0 ? col : 0;
    va_start(ap, fmt);
    vsnprintf(d.msg, sizeof d.msg, fmt, ap);
    va_end(ap);
    glossa__one_line(d.msg, sizeof d.msg); /* libxml2 puts "\nBytes: 0x…" in some, and quotes input */
    if (in->problems++ == 0 && in->err)
        *in->err = d;
    if (in->diag && in->diag(in->ud, &d))
        in->stop = 1;
}

/* The words of libxml2 between fixed parts: "A%sB%sC" matched by msg, the
** parts copied to a and b (a word each: no spaces, unless last). */
static int parts(const char *msg, const char *pre, const char *mid, const char *post, char *a,
                 char *b, size_t size)
{
    size_t np = strlen(pre), nm = mid ? strlen(mid) : 0, n = strlen(msg), npost = strlen(post);
    const char *m;
    if (strncmp(msg, pre, np) != 0 || n < np + npost || strcmp(msg + n - npost, post) != 0)
        return 0;
    if (!mid) {
        snprintf(a, size, "%.*s", (int)(n - np - npost), msg + np);
        return *a != '\0';
    }
    if (!(m = strstr(msg + np, mid)) || (size_t)(m - msg) > n - npost)
        return 0;
    snprintf(a, size, "%.*s", (int)(m - msg - (ptrdiff_t)np), msg + np);
    snprintf(b, size, "%.*s", (int)(n - npost - (size_t)(m - msg) - nm), m + nm);
    return *a && *b;
}

/* The schema's and the parser's messages on what a file says wrongly, in
** glossa's words (node: the element at fault, or NULL). 1 when msg was one. */
static int reword_schema(char *msg, size_t size, const xmlNode *node)
{
    char a[200], b[200], out[GLOSSA_ERROR_SIZE];
    if (parts(msg, "did not expect element ", NULL, " there", a, b, sizeof a))
        snprintf(out, sizeof out, "<%s> is not allowed here", a);
    else if (parts(msg, "expecting element ", ", got ", "", a, b, sizeof a))
        snprintf(out, sizeof out, "<%s> where <%s> is expected", b, a);
    else if (parts(msg, "invalid attribute ", " for element ", "", a, b, sizeof a))
        snprintf(out, sizeof out, "<%s>: attribute %s is not allowed here, or not with this value",
                 b, a);
    else if (parts(msg, "type date doesn't allow value '", NULL, "'", a, b, sizeof a))
        snprintf(out, sizeof out, "'%s' is not a date (YYYY-MM-DD)", a);
    else if (parts(msg, "type ", " doesn't allow value '", "'", a, b, sizeof a))
        snprintf(out, sizeof out, "'%s' is not a valid value here (%s)", b, a);
    else if (strncmp(msg, "error validating datatype ", 26) == 0 ||
             strcmp(msg, "error validating value") == 0) {
        /* the element's own text is the value at fault */
        xmlChar *v = node && node->type == XML_ELEMENT_NODE ? xmlNodeGetContent(node) : NULL;
        if (v && *v && strlen((const char *)v) <= 80 && !strchr((const char *)v, '\n'))
            snprintf(out, sizeof out, "'%s' is not a value the schema allows here", v);
        else
            snprintf(out, sizeof out, "a value the schema does not allow here");
        xmlFree(v);
    }
    else if (parts(msg, "xml:id : attribute value ", NULL, " is not an NCName", a, b, sizeof a))
        snprintf(out, sizeof out, "xml:id '%s' is not a valid id (a letter first, then letters, "
                 "digits, '-', '_' or '.'; no spaces)", a);
    else if (strcmp(msg, "xmlParseEntityRef: no name") == 0)
        snprintf(out, sizeof out, "a bare '&': write it as &amp;");
    else if (parts(msg, "opening and ending tag mismatch: ", " and ", "", a, b, sizeof a)) {
        char *line = strstr(a, " line ");
        if (line)
            *line = '\0';
        snprintf(out, sizeof out, "<%s>%s%s%s is closed by </%s>", a, line ? " (opened on line " : "",
                 line ? line + 6 : "", line ? ")" : "", b);
    }
    else
        return 0;
    snprintf(msg, size, "%s", out);
    return 1;
}

/* libxml2's wording for what hostile or broken files trigger, in glossa's.
** Returns 1 when msg was one of them (2 when it is a limit or encoding). */
static int reword(char *msg, size_t size, const xmlNode *node)
{
    static const struct { const char *libxml2, *glossa; } table[] = {
        { "input is not proper UTF-8, indicate encoding !",
          "not UTF-8 (save the file as UTF-8, or declare its encoding):" },
        { "char 0x0 out of allowed range", "NUL byte: not allowed in XML" },
        { "xmlSAX2Characters: huge text node",
          "text longer than 10000000 bytes (libxml2's limit): refused" },
        { "internal error: Huge input lookup",
          "name, value or comment longer than 10000000 bytes (libxml2's limit): refused" },
        { "excessive depth in document: 256 use XML_PARSE_HUGE option",
          "elements nested deeper than 256 levels" },
        { "did not expect text in element  TODO  content", "text is not allowed here" },
        { "expecting an element , got nothing", "an element is missing here" },
    };
    char out[GLOSSA_ERROR_SIZE];
    size_t i, n;
    if (reword_schema(msg, size, node))
        return 1;
    if (strncmp(msg, "ID ", 3) == 0 && (n = strlen(msg)) > 19 &&
        strcmp(msg + n - 16, " already defined") == 0) {
        snprintf(out, sizeof out, "duplicate xml:id '%.*s' in this file",
                 (int)(n - 19), msg + 3);
        snprintf(msg, size, "%s", out);
        return 1;
    }
    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        n = strlen(table[i].libxml2);
        if (strncmp(msg, table[i].libxml2, n) == 0) {
            const char *rest = msg + n, *label = "";
            while (*rest == ' ' || *rest == '\n')
                rest++;
            if (strncmp(rest, "Bytes: ", 7) == 0) {
                rest += 7;
                label = "bytes ";
            }
            snprintf(out, sizeof out, "%s%s%s%s", table[i].glossa, *rest ? " " : "", label, rest);
            snprintf(msg, size, "%s", out);
            return 2;
        }
    }
    return 0;
}

int glossa__xml_message(const xmlError *e, char *msg, size_t size)
{
    size_t n;
    snprintf(msg, size, "%s", e && e->message ? e->message : "malformed XML");
    n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (msg[0] >= 'A' && msg[0] <= 'Z' && !(msg[1] >= 'A' && msg[1] <= 'Z'))
        msg[0] = (char)(msg[0] - 'A' + 'a');
    return reword(msg, size, e ? (const xmlNode *)e->node : NULL) == 2;
}
