/*
** export_json.c — the term base as JSON: {"concepts":[…]}, one concept per
** line, each in the shape of a `glossa lookup --format json` result without
** the fields that belong to a search (score, match):
**   {"id":ID,"reliability":R,"terms":[{"lang","text","status"}],
**    "definitions":[{"lang","text","source"}]}
** with the source of a reconstructed or working definition marked as lookup
** marks it, and, when national definitions relate to the concept, "national":
** […] in their one JSON shape (glossa_legal_json). --to keeps the terms and
** definitions of those languages.
*/
#include "exchange_int.h"

#include <stdio.h>
#include <string.h>

static int buf_write(void *buf, const char *data, size_t len)
{
    return glossa__buf_add(buf, data, len);
}

static int json_string(struct glossa_buf *out, const char *s)
{
    s = s ? s : "";
    return glossa_json_string(s, strlen(s), buf_write, out);
}

static int definition_source(struct glossa_tb *tb, const struct tei_def *d, struct glossa_buf *s)
{
    const struct tei_bibl *b = glossa__tb_bibl(tb, d->source);
    const char *note = glossa_basis_note(d->basis);
    glossa__buf_clear(s);
    return glossa__buf_addf(s, "%s%s%s%s", b ? b->citation : "", note ? " (" : "",
                            note ? note : "", note ? ")" : "");
}

/* ,"national":[…] when national definitions in the languages asked for
** relate to the concept: each in the one shape of a national definition
** (glossa_legal_json), as lookup writes it. */
static int national(struct glossa_tb *tb, const struct tei_entry *e,
                    const glossa_export_opts *opts, struct xc_report *r, struct glossa_buf *out)
{
    size_t n, j;
    const struct tb_legal *x = glossa__tb_legal(tb, e->id, &n);
    int rc = 0, first = 1;
    for (j = 0; j < n && !rc; j++) {
        if (!glossa__lang_in_list(x[j].l.lang, opts->to))
            continue;
        rc = glossa__buf_adds(out, first ? ",\"national\":[" : ",") ||
             glossa_legal_json(&x[j].l, buf_write, out);
        first = 0;
        if (r->stats)
            r->stats->national++;
    }
    return rc || (!first && glossa__buf_adds(out, "]"));
}

int glossa__write_json(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                       struct glossa_buf *out)
{
    struct glossa_buf src = GLOSSA_BUF_INIT;
    size_t i, j, written = 0;
    int rc = glossa__buf_adds(out, "{\"concepts\":[");

    for (i = 0; i < tb->n_entries && !rc; i++) {
        const struct tei_entry *e = &tb->entries[i];
        int first = 1, any = 0;
        for (j = 0; j < e->n_terms; j++)
            any |= glossa__lang_in_list(e->terms[j].lang, opts->to);
        if (!any)
            continue;
        rc = glossa__buf_addf(out, "%s\n{\"id\":", written ? "," : "") || json_string(out, e->id) ||
             glossa__buf_addf(out, ",\"reliability\":%d,\"terms\":[", e->reliability);
        for (j = 0; j < e->n_terms && !rc; j++) {
            const struct tei_term *t = &e->terms[j];
            if (!glossa__lang_in_list(t->lang, opts->to))
                continue;
            rc = glossa__buf_adds(out, first ? "{\"lang\":" : ",{\"lang\":") ||
                 json_string(out, t->lang) || glossa__buf_adds(out, ",\"text\":") ||
                 json_string(out, t->text) || glossa__buf_adds(out, ",\"status\":") ||
                 json_string(out, t->status) || glossa__buf_adds(out, "}");
            first = 0;
            if (r->stats)
                r->stats->terms++;
        }
        rc = rc || glossa__buf_adds(out, "],\"definitions\":[");
        first = 1;
        for (j = 0; j < e->n_defs && !rc; j++) {
            const struct tei_def *d = &e->defs[j];
            if (!glossa__lang_in_list(d->lang, opts->to))
                continue;
            rc = definition_source(tb, d, &src) ||
                 glossa__buf_adds(out, first ? "{\"lang\":" : ",{\"lang\":") ||
                 json_string(out, d->lang) || glossa__buf_adds(out, ",\"text\":") ||
                 json_string(out, d->text) || glossa__buf_adds(out, ",\"source\":") ||
                 json_string(out, glossa__buf_str(&src)) || glossa__buf_adds(out, "}");
            first = 0;
            if (r->stats)
                r->stats->definitions++;
        }
        rc = rc || glossa__buf_adds(out, "]") || national(tb, e, opts, r, out) ||
             glossa__buf_adds(out, "}");
        written++;
        if (r->stats)
            r->stats->concepts++;
    }
    rc = rc || glossa__buf_adds(out, "\n]}\n");
    glossa__buf_release(&src);
    if (rc)
        return GLOSSA_ENOMEM;
    return written ? 0 : GLOSSA_ENOTFOUND;
}
