/*
** scan_html.c — `glossa scan --format html`: the scanned documents as one
** self-contained HTML page, every term found marked, its concept and
** equivalents in the mark's tooltip (title), and per document a table of
** the concepts found. Text is written as it is (white-space: pre-wrap);
** nothing is fetched, no script runs.
*/
#include "glossa_int.h"

#include <string.h>

static const char style[] =
    "body{font-family:Georgia,'Noto Serif',serif;max-width:52em;margin:2em auto;padding:0 1em;"
    "line-height:1.5;color:#222}\n"
    "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}\n"
    ".doc{white-space:pre-wrap;font-family:inherit}\n"
    "mark.term{background:#fff1a8;border-bottom:2px solid #c9a400;cursor:help}\n"
    "mark.term.unverified{background:#ffe3d6;border-bottom-color:#d0461b}\n"
    "table{border-collapse:collapse;margin:1em 0;font-size:.92em}\n"
    "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\n"
    ".note{color:#666;font-size:.9em}\n";

/* The tooltip: concept, the term that matched, then one line per equivalent. */
static int add_title(struct glossa_buf *tip, const glossa_scan_match *m)
{
    size_t i;
    int rc = glossa__buf_addf(tip, "%s — %s (%s)%s", m->id, m->term, m->lang,
                              m->reliability <= 1 ? "\nNOT VERIFIED (reliability 1 of 4)" : "");
    for (i = 0; !rc && i < m->n_equivalents; i++) {
        const glossa_term *e = &m->equivalents[i];
        rc = glossa__buf_addf(tip, "\n%s: %s%s", e->lang, e->text,
                              strcmp(e->status, "preferred") == 0 ? "" : " (");
        if (!rc && strcmp(e->status, "preferred") != 0)
            rc = glossa__buf_addf(tip, "%s)", e->status);
    }
    return rc;
}

static int add_escaped_n(struct glossa_buf *out, struct glossa_buf *tmp, const char *s, size_t n)
{
    glossa__buf_clear(tmp);
    return glossa__buf_add(tmp, s, n) || glossa__xml_escape(out, glossa__buf_str(tmp), NULL);
}

/* The table of concepts found in one document, in order of first use. */
static int add_table(struct glossa_buf *out, const glossa_scan *r)
{
    struct glossa_strmap seen;
    unsigned *count = NULL;
    size_t *first = NULL, i, n = glossa_scan_count(r), k;
    int rc = GLOSSA_ENOMEM;

    glossa__strmap_init(&seen);
    count = glossa__calloc(n + 1, sizeof *count);
    first = glossa__calloc(n + 1, sizeof *first);
    if (!count || !first)
        goto done;
    for (i = 0; i < n; i++) {
        const glossa_scan_match *m = glossa_scan_get(r, i);
        int added;
        long id = glossa__strmap_intern(&seen, m->id, strlen(m->id), &added);
        if (id < 0)
            goto done;
        if (added)
            first[id] = i;
        count[id]++;
    }
    if (glossa__buf_adds(out, "<table><tr><th>concept</th><th>times</th><th>term</th>"
                              "<th>equivalents</th></tr>\n"))
        goto done;
    for (k = 0; k < seen.count; k++) {
        const glossa_scan_match *m = glossa_scan_get(r, first[k]);
        size_t e;
        if (glossa__buf_adds(out, "<tr><td>") || glossa__xml_escape(out, m->id, NULL) ||
            glossa__buf_addf(out, "%s</td><td>%u</td><td>",
                             m->reliability <= 1 ? " <span class=\"note\">not verified</span>" : "",
                             count[k]) ||
            glossa__xml_escape(out, m->term, NULL) || glossa__buf_addf(out, " (%s)</td><td>", m->lang))
            goto done;
        for (e = 0; e < m->n_equivalents; e++)
            if (glossa__buf_adds(out, e ? "<br/>" : "") ||
                glossa__xml_escape(out, m->equivalents[e].lang, NULL) ||
                glossa__buf_adds(out, ": ") ||
                glossa__xml_escape(out, m->equivalents[e].text, NULL))
                goto done;
        if (glossa__buf_adds(out, "</td></tr>\n"))
            goto done;
    }
    rc = glossa__buf_adds(out, "</table>\n");
done:
    glossa__free(count);
    glossa__free(first);
    glossa__strmap_release(&seen);
    return rc;
}

static int add_document(struct glossa_buf *out, const glossa_scan *r, struct glossa_buf *tmp)
{
    size_t len, at = 0, i;
    const char *text = glossa_scan_text(r, &len);
    int rc;

    rc = glossa__buf_adds(out, "<section>\n<h2>") ||
         glossa__xml_escape(out, glossa_scan_name(r), NULL) ||
         glossa__buf_addf(out, "</h2>\n<p class=\"note\">%zu term%s found</p>\n<div class=\"doc\">",
                          glossa_scan_count(r), glossa_scan_count(r) == 1 ? "" : "s");
    for (i = 0; !rc && i < glossa_scan_count(r); i++) {
        const glossa_scan_match *m = glossa_scan_get(r, i);
        struct glossa_buf tip = GLOSSA_BUF_INIT;
        rc = add_escaped_n(out, tmp, text + at, m->start - at) ||
             glossa__buf_addf(out, "<mark class=\"term%s\" data-concept=\"",
                              m->reliability <= 1 ? " unverified" : "") ||
             glossa__xml_escape(out, m->id, NULL) || glossa__buf_adds(out, "\" title=\"") ||
             add_title(&tip, m) || glossa__xml_escape(out, glossa__buf_str(&tip), "&#10;") ||
             glossa__buf_adds(out, "\">") ||
             add_escaped_n(out, tmp, text + m->start, m->end - m->start) ||
             glossa__buf_adds(out, "</mark>");
        glossa__buf_release(&tip);
        at = m->end;
    }
    if (!rc)
        rc = add_escaped_n(out, tmp, text + at, len - at) || glossa__buf_adds(out, "</div>\n") ||
             (glossa_scan_count(r) && add_table(out, r)) || glossa__buf_adds(out, "</section>\n");
    return rc;
}

int glossa_scan_html(const glossa_scan *const *scans, size_t n, char **out, size_t *out_len,
                     glossa_error *err)
{
    struct glossa_buf b = GLOSSA_BUF_INIT, tmp = GLOSSA_BUF_INIT;
    size_t i;
    int rc;

    rc = glossa__buf_addf(&b, "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                              "<title>glossa scan</title>\n<style>\n%s</style>\n</head>\n<body>\n"
                              "<h1>Glossary terms found by glossa scan</h1>\n"
                              "<p class=\"note\">Point at a marked term to see its concept and "
                              "equivalents. Terms marked in red are not verified against an "
                              "official text.</p>\n",
                         style);
    for (i = 0; !rc && i < n; i++)
        rc = add_document(&b, scans[i], &tmp);
    if (!rc)
        rc = glossa__buf_adds(&b, "</body>\n</html>\n");
    glossa__buf_release(&tmp);
    if (rc) {
        glossa__buf_release(&b);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = b.data;
    *out_len = b.len;
    return 0;
}
