/*
** doc.c — a small document model (blocks of runs: plain, deleted, inserted)
** for draft protocols and comparative tables, and its Markdown, HTML and TEI
** writers. The DOCX writer is docx.c, with glossa__doc_write for any format.
** Writers are deterministic: the same document gives the same bytes (no
** dates, no random ids).
*/
#include "glossa_int.h"

#include <string.h>

struct glossa_doc *glossa__doc_new(const char *lang)
{
    struct glossa_doc *d = glossa__calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->arena = glossa__arena_new();
    d->lang = lang;
    if (!d->arena) {
        glossa__free(d);
        return NULL;
    }
    return d;
}

void glossa__doc_free(struct glossa_doc *d)
{
    if (!d)
        return;
    glossa__arena_free(d->arena);
    glossa__free(d->blocks);
    glossa__free(d);
}

int glossa__doc_run(struct glossa_doc *d, struct doc_block *b, int cell, int style,
                    const char *text, size_t len)
{
    struct doc_run **runs = cell ? &b->more[cell - 1].runs : &b->runs;
    size_t *n = cell ? &b->more[cell - 1].n_runs : &b->n_runs;
    struct doc_run *grown;
    char *copy;

    if (cell < 0 || cell >= DOC_MAX_CELLS)
        return GLOSSA_EINPUT;
    if ((size_t)cell + 1 > b->n_cells)
        b->n_cells = (size_t)cell + 1;
    if (len == 0)
        return 0;
    /* runs grow by powers of two inside the arena */
    if ((*n & (*n - 1)) == 0) {
        grown = glossa__arena_alloc(d->arena, (*n ? *n * 2 : 1) * sizeof *grown);
        if (!grown)
            return GLOSSA_ENOMEM;
        if (*n)
            memcpy(grown, *runs, *n * sizeof *grown);
        *runs = grown;
    }
    copy = glossa__arena_alloc(d->arena, len + 1);
    if (!copy)
        return GLOSSA_ENOMEM;
    memcpy(copy, text, len);
    copy[len] = '\0';
    (*runs)[*n].style = style;
    (*runs)[*n].text = copy;
    (*n)++;
    return 0;
}

struct doc_block *glossa__doc_add(struct glossa_doc *d, enum doc_kind kind, const char *text)
{
    struct doc_block *b;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        struct doc_block *p = glossa__realloc(d->blocks, cap * sizeof *p);
        if (!p)
            return NULL;
        d->blocks = p;
        d->cap = cap;
    }
    b = &d->blocks[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    if (text && glossa__doc_run(d, b, 0, RUN_PLAIN, text, strlen(text)))
        return NULL;
    return b;
}

/* ---- escaping --------------------------------------------------------------------- */

/* The one XML escaper: each character of special (some of "<>&\"\n") as
** its entity, a line feed as newline. */
static int escape(struct glossa_buf *out, const char *s, const char *special, const char *newline)
{
    int rc = 0;
    while (*s && !rc) {
        size_t n = strcspn(s, special);
        rc = glossa__buf_add(out, s, n);
        s += n;
        if (!*s || rc)
            break;
        switch (*s) {
        case '<': rc = glossa__buf_adds(out, "&lt;"); break;
        case '>': rc = glossa__buf_adds(out, "&gt;"); break;
        case '&': rc = glossa__buf_adds(out, "&amp;"); break;
        case '"': rc = glossa__buf_adds(out, "&quot;"); break;
        case '\n': rc = glossa__buf_adds(out, newline); break;
        }
        s++;
    }
    return rc;
}

int glossa__xml_escape(struct glossa_buf *out, const char *s, const char *newline)
{
    return escape(out, s, newline ? "<>&\"\n" : "<>&\"", newline);
}

int glossa__xml_text(struct glossa_buf *out, const char *s)
{
    return escape(out, s, "<>&", NULL);
}

/* Markdown: characters that would start markup are escaped with a backslash. */
static int add_escaped_md(struct glossa_buf *out, const char *s, int in_table)
{
    int rc = 0;
    for (; *s && !rc; s++) {
        if (strchr("\\`*_[]<>#|~", *s) || (in_table && *s == '\n'))
            rc = *s == '\n' ? glossa__buf_adds(out, "<br>") : glossa__buf_add(out, "\\", 1);
        if (!rc && *s != '\n')
            rc = glossa__buf_add(out, s, 1);
        else if (!rc && !in_table)
            rc = glossa__buf_add(out, s, 1);
    }
    return rc;
}

/* ---- Markdown ---------------------------------------------------------------------- */

static int md_runs(struct glossa_buf *out, const struct doc_run *runs, size_t n, int in_table)
{
    size_t i;
    int rc = 0;
    for (i = 0; i < n && !rc; i++) {
        const char *mark = runs[i].style == RUN_DEL ? "~~" : runs[i].style == RUN_INS ? "**" : "";
        const char *t = runs[i].text;
        size_t lead = strspn(t, " "), len = strlen(t);
        /* emphasis may not start or end with a space: keep spaces outside */
        if (*mark && len > lead) {
            size_t trail = 0;
            while (trail < len - lead && t[len - 1 - trail] == ' ')
                trail++;
            rc = glossa__buf_add(out, t, lead) || glossa__buf_adds(out, mark);
            if (!rc) {
                char *mid = glossa__strndup(t + lead, len - lead - trail);
                rc = !mid || add_escaped_md(out, mid, in_table);
                glossa__free(mid);
            }
            rc = rc || glossa__buf_adds(out, mark) || glossa__buf_add(out, t + len - trail, trail);
        } else {
            rc = add_escaped_md(out, t, in_table);
        }
    }
    return rc ? GLOSSA_ENOMEM : 0;
}

int glossa__doc_markdown(const struct glossa_doc *d, struct glossa_buf *out)
{
    size_t c, columns = 2;
    static const char *const prefix[] = {
        [DOC_DRAFT] = "", [DOC_TITLE] = "# ", [DOC_SUBTITLE] = "**", [DOC_PARA] = "",
        [DOC_ARTICLE] = "## ", [DOC_ITEM] = "", [DOC_QUOTE] = "> ", [DOC_SIGNATURE] = "",
        [DOC_NOTE] = "*", [DOC_TABLE_TITLE] = "## ", [DOC_TABLE_HEAD] = "| ",
        [DOC_TABLE_ROW] = "| ", [DOC_PAGE_BREAK] = "", [DOC_HEADING] = "## ",
    };
    size_t i;
    int rc = 0;

    for (i = 0; i < d->n && !rc; i++) {
        const struct doc_block *b = &d->blocks[i];
        int table = b->kind == DOC_TABLE_HEAD || b->kind == DOC_TABLE_ROW;
        if (b->kind == DOC_TABLE_HEAD)
            columns = b->n_cells;
        if (b->kind == DOC_PAGE_BREAK)
            continue; /* Markdown has no pages */
        rc = glossa__buf_adds(out, prefix[b->kind]);
        if (!rc && b->kind == DOC_DRAFT)
            rc = glossa__buf_adds(out, "*");
        if (!rc)
            rc = md_runs(out, b->runs, b->n_runs, table);
        for (c = 1; !rc && table && c < columns; c++)
            rc = glossa__buf_adds(out, " | ") ||
                 md_runs(out, b->more[c - 1].runs, b->more[c - 1].n_runs, 1);
        if (!rc && table)
            rc = glossa__buf_adds(out, " |");
        for (c = 0; !rc && b->kind == DOC_TABLE_HEAD && c < columns; c++)
            rc = glossa__buf_adds(out, c ? "---|" : "\n|---|");
        if (!rc && (b->kind == DOC_SUBTITLE || b->kind == DOC_DRAFT))
            rc = glossa__buf_adds(out, b->kind == DOC_DRAFT ? "*" : "**");
        if (!rc && b->kind == DOC_NOTE)
            rc = glossa__buf_adds(out, "*");
        if (!rc) {
            int next_row = i + 1 < d->n && d->blocks[i + 1].kind == DOC_TABLE_ROW && table;
            rc = glossa__buf_adds(out, next_row ? "\n" : "\n\n");
        }
    }
    return rc ? GLOSSA_ENOMEM : 0;
}

/* ---- HTML ----------------------------------------------------------------------------- */

/* Runs as escaped XML text, deletions and insertions in the given elements
** (HTML: del/ins; TEI: del/add). */
static int xml_runs(struct glossa_buf *out, const struct doc_run *runs, size_t n,
                    const char *del_tag, const char *ins_tag)
{
    size_t i;
    int rc = 0;
    for (i = 0; i < n && !rc; i++) {
        const char *tag = runs[i].style == RUN_DEL ? del_tag : runs[i].style == RUN_INS ? ins_tag : NULL;
        if (tag)
            rc = glossa__buf_addf(out, "<%s>", tag);
        rc = rc || glossa__xml_escape(out, runs[i].text, NULL);
        if (tag && !rc)
            rc = glossa__buf_addf(out, "</%s>", tag);
    }
    return rc;
}

/* A table of more columns than this is a matrix (the study's coverage). */
#define MATRIX_COLUMNS 6

static int html_runs(struct glossa_buf *out, const struct doc_run *runs, size_t n)
{
    return xml_runs(out, runs, n, "del", "ins");
}

int glossa__doc_html(const struct glossa_doc *d, struct glossa_buf *out)
{
    size_t i, columns = 2;
    int rc, in_table = 0, in_signatures = 0, in_notes = 0;

    rc = glossa__buf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                               "<title>", d->lang);
    rc = rc || glossa__xml_escape(out, d->title ? d->title : "glossa", NULL);
    rc = rc || glossa__buf_adds(out, "</title>\n<style>\n") ||
         glossa__buf_add(out, glossa__protocol_css, glossa__protocol_css_len) ||
         glossa__buf_adds(out, "</style>\n</head>\n<body>\n");
    for (i = 0; i < d->n && !rc; i++) {
        const struct doc_block *b = &d->blocks[i];
        int table = b->kind == DOC_TABLE_HEAD || b->kind == DOC_TABLE_ROW;
        if (in_table && !table) {
            rc = glossa__buf_adds(out, in_table > 1 ? "</table></div>\n" : "</table>\n");
            in_table = 0;
        }
        if (in_signatures && b->kind != DOC_SIGNATURE) {
            rc = rc || glossa__buf_adds(out, "</div>\n");
            in_signatures = 0;
        }
        if (in_notes && b->kind != DOC_NOTE) {
            rc = rc || glossa__buf_adds(out, "</div>\n");
            in_notes = 0;
        }
        if (rc)
            break;
        switch (b->kind) {
        case DOC_DRAFT: rc = glossa__buf_adds(out, "<p class=\"draft\">"); break;
        case DOC_TITLE: rc = glossa__buf_adds(out, "<h1>"); break;
        case DOC_SUBTITLE: rc = glossa__buf_adds(out, "<p class=\"subtitle\">"); break;
        case DOC_ARTICLE: case DOC_TABLE_TITLE: case DOC_HEADING:
            rc = glossa__buf_adds(out, "<h2>");
            break;
        case DOC_PAGE_BREAK: rc = glossa__buf_adds(out, "<div class=\"page-break\">"); break;
        case DOC_ITEM: rc = glossa__buf_adds(out, "<p class=\"item\">"); break;
        case DOC_QUOTE: rc = glossa__buf_adds(out, "<blockquote>"); break;
        case DOC_SIGNATURE:
            if (!in_signatures)
                rc = glossa__buf_adds(out, "<div class=\"signatures\">\n");
            in_signatures = 1;
            rc = rc || glossa__buf_adds(out, "<p>");
            break;
        case DOC_NOTE:
            if (!in_notes)
                rc = glossa__buf_adds(out, "<div class=\"notes\">\n");
            in_notes = 1;
            rc = rc || glossa__buf_adds(out, "<p>");
            break;
        case DOC_TABLE_HEAD: case DOC_TABLE_ROW:
            /* a matrix (more columns than a page holds on a phone) scrolls
            ** in a box of its own, not the page */
            if (!in_table) {
                in_table = b->n_cells > MATRIX_COLUMNS ? 2 : 1;
                rc = glossa__buf_adds(out, in_table > 1 ? "<div class=\"matrix\"><table>\n"
                                                        : "<table>\n");
            }
            rc = rc || glossa__buf_adds(out, b->kind == DOC_TABLE_HEAD ? "<tr><th>" : "<tr><td>");
            break;
        default: rc = glossa__buf_adds(out, "<p>"); break;
        }
        rc = rc || html_runs(out, b->runs, b->n_runs);
        if (rc)
            break;
        switch (b->kind) {
        case DOC_TITLE: rc = glossa__buf_adds(out, "</h1>\n"); break;
        case DOC_ARTICLE: case DOC_TABLE_TITLE: case DOC_HEADING:
            rc = glossa__buf_adds(out, "</h2>\n");
            break;
        case DOC_PAGE_BREAK: rc = glossa__buf_adds(out, "</div>\n"); break;
        case DOC_QUOTE: rc = glossa__buf_adds(out, "</blockquote>\n"); break;
        case DOC_TABLE_HEAD: case DOC_TABLE_ROW: {
            const char *cell = b->kind == DOC_TABLE_HEAD ? "th" : "td";
            size_t c;
            if (b->kind == DOC_TABLE_HEAD)
                columns = b->n_cells;
            for (c = 1; c < columns && !rc; c++)
                rc = glossa__buf_addf(out, "</%s><%s>", cell, cell) ||
                     html_runs(out, b->more[c - 1].runs, b->more[c - 1].n_runs);
            rc = rc || glossa__buf_addf(out, "</%s></tr>\n", cell);
            break;
        }
        default: rc = glossa__buf_adds(out, "</p>\n"); break;
        }
    }
    if (!rc && in_table)
        rc = glossa__buf_adds(out, in_table > 1 ? "</table></div>\n" : "</table>\n");
    if (!rc && in_signatures)
        rc = glossa__buf_adds(out, "</div>\n");
    if (!rc && in_notes)
        rc = glossa__buf_adds(out, "</div>\n");
    rc = rc || glossa__buf_adds(out, "</body>\n</html>\n");
    return rc ? GLOSSA_ENOMEM : 0;
}

/* ---- TEI ------------------------------------------------------------------------------- */

static int tei_runs(struct glossa_buf *out, const struct doc_run *runs, size_t n)
{
    return xml_runs(out, runs, n, "del", "add");
}

int glossa__doc_tei(const struct glossa_doc *d, struct glossa_buf *out)
{
    size_t i, columns = 2;
    int rc, in_div = 0, in_table = 0; /* in_div: 1 an article or the table, 2 a section */

    rc = glossa__buf_addf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"%s\">\n"
                               "  <teiHeader>\n    <fileDesc>\n      <titleStmt><title>", d->lang);
    rc = rc || glossa__xml_escape(out, d->title ? d->title : "", NULL);
    rc = rc || glossa__buf_adds(out, "</title></titleStmt>\n"
                                     "      <publicationStmt><p>Draft generated by glossa; not an "
                                     "official text.</p></publicationStmt>\n"
                                     "      <sourceDesc><p>Two versions of the glossa term base."
                                     "</p></sourceDesc>\n    </fileDesc>\n  </teiHeader>\n"
                                     "  <text>\n    <body>\n");
    for (i = 0; i < d->n && !rc; i++) {
        const struct doc_block *b = &d->blocks[i];
        int table = b->kind == DOC_TABLE_HEAD || b->kind == DOC_TABLE_ROW;
        if (in_table && !table) {
            rc = glossa__buf_adds(out, "      </table>\n");
            in_table = 0;
        }
        if (!rc && in_div && (b->kind == DOC_ARTICLE || b->kind == DOC_TABLE_TITLE ||
                              b->kind == DOC_HEADING || b->kind == DOC_SIGNATURE ||
                              (b->kind == DOC_NOTE && in_div == 1) || b->kind == DOC_PAGE_BREAK)) {
            rc = glossa__buf_adds(out, "      </div>\n");
            in_div = 0;
        }
        if (rc)
            break;
        switch (b->kind) {
        case DOC_DRAFT: rc = glossa__buf_adds(out, "      <note type=\"status\">"); break;
        case DOC_TITLE: rc = glossa__buf_adds(out, "      <head type=\"title\">"); break;
        case DOC_SUBTITLE: rc = glossa__buf_adds(out, "      <head type=\"subtitle\">"); break;
        case DOC_ARTICLE: case DOC_TABLE_TITLE: case DOC_HEADING:
            rc = glossa__buf_addf(out, "      <div type=\"%s\">\n        <head>",
                                  b->kind == DOC_ARTICLE ? "article"
                                  : b->kind == DOC_HEADING ? "section" : "comparativeTable");
            in_div = b->kind == DOC_HEADING ? 2 : 1; /* a section holds its notes */
            break;
        case DOC_PAGE_BREAK: rc = glossa__buf_adds(out, "      <pb/>\n"); continue;
        case DOC_QUOTE: rc = glossa__buf_adds(out, "        <quote>"); break;
        case DOC_SIGNATURE: rc = glossa__buf_adds(out, "      <signed>"); break;
        case DOC_NOTE: rc = glossa__buf_adds(out, "      <note type=\"drafting\">"); break;
        case DOC_TABLE_HEAD: case DOC_TABLE_ROW:
            if (!in_table)
                rc = glossa__buf_adds(out, "      <table>\n");
            in_table = 1;
            rc = rc || glossa__buf_addf(out, "        <row%s><cell>",
                                        b->kind == DOC_TABLE_HEAD ? " role=\"label\"" : "");
            break;
        default: rc = glossa__buf_adds(out, in_div ? "        <p>" : "      <p>"); break;
        }
        rc = rc || tei_runs(out, b->runs, b->n_runs);
        if (rc)
            break;
        switch (b->kind) {
        case DOC_DRAFT: case DOC_NOTE: rc = glossa__buf_adds(out, "</note>\n"); break;
        case DOC_TITLE: case DOC_SUBTITLE: case DOC_ARTICLE: case DOC_TABLE_TITLE: case DOC_HEADING:
            rc = glossa__buf_adds(out, "</head>\n");
            break;
        case DOC_QUOTE: rc = glossa__buf_adds(out, "</quote>\n"); break;
        case DOC_SIGNATURE: rc = glossa__buf_adds(out, "</signed>\n"); break;
        case DOC_TABLE_HEAD: case DOC_TABLE_ROW: {
            size_t c;
            if (b->kind == DOC_TABLE_HEAD)
                columns = b->n_cells;
            for (c = 1; c < columns && !rc; c++)
                rc = glossa__buf_adds(out, "</cell><cell>") ||
                     tei_runs(out, b->more[c - 1].runs, b->more[c - 1].n_runs);
            rc = rc || glossa__buf_adds(out, "</cell></row>\n");
            break;
        }
        default: rc = glossa__buf_adds(out, "</p>\n"); break;
        }
    }
    if (!rc && in_table)
        rc = glossa__buf_adds(out, "      </table>\n");
    if (!rc && in_div)
        rc = glossa__buf_adds(out, "      </div>\n");
    rc = rc || glossa__buf_adds(out, "    </body>\n  </text>\n</TEI>\n");
    return rc ? GLOSSA_ENOMEM : 0;
}

