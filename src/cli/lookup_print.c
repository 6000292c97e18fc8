/*
** lookup_print.c — how lookup and show print results: aligned text for
** people (colour optional, matched words marked, looser matches on one line)
** and JSON for scripts. Every piece of data goes through out.c's sanitiser
** (out_printf, out_buf_text, out_wrapped, out_padded), so nothing stored in a
** database can move the cursor, reprogram the terminal or reorder the line;
** JSON carries the data exactly. Kept apart from the command so that the
** fuzz harness tests/fuzz/fuzz_cli.c drives these very functions.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RED "\033[1;31m"
#define GREEN "\033[1;32m"
#define CYAN "\033[36m"
#define RESET "\033[0m"

/* ---- JSON -------------------------------------------------------------------------- */

/* "key":"value" after a comma, or nothing when value is NULL. */
static void json_opt(FILE *f, const char *key, const char *value)
{
    if (!value)
        return;
    fprintf(f, ",\"%s\":", key);
    out_json_string(f, value);
}

static void json_hit(FILE *f, const glossa_hit *h, int whole)
{
    size_t j;
    fputs("{\"id\":", f);
    out_json_string(f, h->id);
    fprintf(f, ",\"score\":%.4f,\"reliability\":%d", h->score, h->reliability);
    if (whole) {
        json_opt(f, "status", h->status);
        json_opt(f, "instrument", h->instrument);
    }
    fputs(",\"match\":{\"lang\":", f);
    out_json_string(f, h->match_lang);
    fputs(",\"text\":", f);
    out_json_string(f, h->match_text);
    fputs(",\"how\":", f);
    out_json_string(f, glossa_match_kind_name(h->how));
    fputs("},\"terms\":[", f);
    for (j = 0; j < h->n_terms; j++) {
        const glossa_term *t = &h->terms[j];
        fprintf(f, "%s{\"lang\":", j ? "," : "");
        out_json_string(f, t->lang);
        fputs(",\"text\":", f);
        out_json_string(f, t->text);
        fputs(",\"status\":", f);
        out_json_string(f, t->status);
        if (whole) {
            json_opt(f, "type", t->term_type);
            json_opt(f, "geo", t->geo);
            if (t->working)
                fputs(",\"working\":true", f);
            json_opt(f, "from", t->valid_from);
            json_opt(f, "to", t->valid_to);
        }
        fputc('}', f);
    }
    fputs("],\"definitions\":[", f);
    for (j = 0; j < h->n_definitions; j++) {
        const glossa_definition *d = &h->definitions[j];
        const char *note = glossa_basis_note(d->basis);
        fprintf(f, "%s{\"lang\":", j ? "," : "");
        out_json_string(f, d->lang);
        fputs(",\"text\":", f);
        out_json_string(f, d->text);
        fputs(",\"source\":", f);
        if (note) { /* the source, then what it is: "S (reconstruction, …)" */
            size_t n = strlen(d->source ? d->source : "") + strlen(note) + 4;
            char *source = malloc(n);
            if (source)
                snprintf(source, n, "%s (%s)", d->source ? d->source : "", note);
            out_json_string(f, source ? source : d->source);
            free(source);
        } else {
            out_json_string(f, d->source);
        }
        if (whole) {
            json_opt(f, "basis", d->basis);
            json_opt(f, "from", d->valid_from);
            json_opt(f, "to", d->valid_to);
        }
        fputc('}', f);
    }
    fputc(']', f);
    if (whole) {
        fputs(",\"notes\":[", f);
        for (j = 0; j < h->n_notes; j++) {
            fprintf(f, "%s{\"lang\":", j ? "," : "");
            out_json_string(f, h->notes[j].lang);
            fputs(",\"type\":", f);
            out_json_string(f, h->notes[j].type);
            fputs(",\"text\":", f);
            out_json_string(f, h->notes[j].text);
            fputc('}', f);
        }
        fputc(']', f);
    }
    fputc('}', f);
}

void lookup_print_json_hits(FILE *f, const char *query, const glossa_hit *const *hits, size_t n,
                            int whole)
{
    size_t i;
    fputs("{\"query\":", f);
    out_json_string(f, query);
    fputs(",\"results\":[", f);
    for (i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        json_hit(f, hits[i], whole);
    }
    fputs("]}\n", f);
}

/* The hits of res as an array (caller frees), or NULL when out of memory. */
static const glossa_hit **hits_of(const glossa_results *res)
{
    size_t i, n = glossa_results_count(res);
    const glossa_hit **hits = malloc((n ? n : 1) * sizeof *hits);
    for (i = 0; hits && i < n; i++)
        hits[i] = glossa_results_get(res, i);
    return hits;
}

void lookup_print_json(FILE *f, const char *query, const glossa_results *res, int whole)
{
    const glossa_hit **hits = hits_of(res);
    if (!hits) {
        fputs("{\"query\":", f);
        out_json_string(f, query);
        fputs(",\"error\":\"out of memory\",\"results\":[]}\n", f);
        return;
    }
    lookup_print_json_hits(f, query, hits, glossa_results_count(res), whole);
    free(hits);
}

/* ---- text ------------------------------------------------------------------------------ */

/* The matched text with the matched words marked (colour, or «» when only
** part of it matched and there is no colour), then suffix (glossa's own,
** written as it is), wrapped. A long definition is cut to the neighbourhood
** of its first matched word. Highlights out of order, overlapping or outside
** the text are left out. */
static void print_highlighted(FILE *f, const struct cli_out *out, const glossa_hit *h,
                              size_t indent, const struct out_buf *suffix)
{
    const char *t = h->match_text ? h->match_text : "";
    size_t len = strlen(t), at = 0, stop = len, i;
    int partial = h->n_highlights &&
                  !(h->n_highlights == 1 && h->highlights[0].start == 0 && h->highlights[0].end == len);
    const char *on = out->color_out ? GREEN : partial ? "«" : "";
    const char *off = out->color_out ? RESET : partial ? "»" : "";
    struct out_buf b = { 0 };

    if (h->how == GLOSSA_MATCH_FULLTEXT && len > 200 && h->n_highlights &&
        h->highlights[0].start <= len) {
        at = h->highlights[0].start > 80 ? h->highlights[0].start - 80 : 0;
        while (at > 0 && (t[at] & 0xC0) == 0x80)
            at--;
        stop = at + 200 < len ? at + 200 : len;
        while (stop < len && (t[stop] & 0xC0) == 0x80)
            stop++;
        if (at)
            out_buf_raw(&b, "…", strlen("…"));
    }
    for (i = 0; i < h->n_highlights; i++) {
        const glossa_span *sp = &h->highlights[i];
        if (sp->start < at || sp->end > stop || sp->end < sp->start)
            continue;
        out_buf_text(&b, t + at, sp->start - at);
        out_buf_raw(&b, on, strlen(on));
        out_buf_text(&b, t + sp->start, sp->end - sp->start);
        out_buf_raw(&b, off, strlen(off));
        at = sp->end;
    }
    out_buf_text(&b, t + at, stop - at);
    if (stop < len)
        out_buf_raw(&b, "…", strlen("…"));
    out_buf_raw(&b, suffix->s ? suffix->s : "", suffix->len);
    out_buf_wrapped(f, out, &b, indent, indent);
    out_buf_free(&b);
}

/* A label in the left column ("def ru"), padded so that every text starts
** in one column. */
static void print_label(FILE *f, const struct cli_out *out, const char *kind, const char *lang,
                        size_t width)
{
    size_t w = strlen(kind) + (*kind && *lang) + out_width(lang);
    fprintf(f, "   %s%s%s", out_color(out, 0, CYAN), kind, *kind && *lang ? " " : "");
    out_printf(f, "%s%*s", lang, (int)(w < width ? width - w : 0), "");
    fprintf(f, "%s  ", out_color(out, 0, RESET));
}

/* "in force from A until B" for a dated wording. */
static void print_dates(FILE *f, const char *from, const char *to)
{
    if (from || to)
        out_printf(f, "in force%s%s%s%s", from ? " from " : "", from ? from : "",
                   to ? " until " : "", to ? to : "");
}

void lookup_print_hit(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h)
{
    size_t label_w = 4, term_w = 0, indent, j;
    const char *b = out_color(out, 0, BOLD), *d = out_color(out, 0, DIM);
    const char *r = out_color(out, 0, RESET);
    struct out_buf how = { 0 };

    for (j = 0; j < h->n_terms; j++) {
        size_t lw = out_width(h->terms[j].lang), tw = out_width(h->terms[j].text);
        if (lw > label_w)
            label_w = lw;
        if (tw > term_w)
            term_w = tw;
    }
    for (j = 0; j < h->n_definitions; j++)
        if (out_width(h->definitions[j].lang) + 4 > label_w)
            label_w = out_width(h->definitions[j].lang) + 4;
    indent = 3 + label_w + 2;

    fprintf(f, "%zu. %s", rank, b);
    out_printf(f, "%s", h->id);
    fprintf(f, "%s  %s", r, d);
    out_printf(f, "%s", strcmp(h->status, "in-force") == 0 ? "in force" : h->status);
    fputs(r, f);
    if (h->reliability <= 1)
        fprintf(f, "  %s%s (reliability %d of 4)%s", out_color(out, 0, RED),
                glossa_reliability_label(h->reliability), h->reliability, r);
    else
        fprintf(f, "  %sreliability %d of 4 (%s)%s", d, h->reliability,
                glossa_reliability_label(h->reliability), r);
    fputc('\n', f);
    print_label(f, out, "match", "", label_w);
    out_buf_raw(&how, " ", 1);
    out_buf_raw(&how, d, strlen(d));
    out_buf_printf(&how, "(%s, %s)", h->match_lang ? h->match_lang : "?",
                   glossa_match_kind_name(h->how));
    out_buf_raw(&how, r, strlen(r));
    print_highlighted(f, out, h, indent, &how);
    out_buf_free(&how);
    if (h->instrument) {
        print_label(f, out, "from", "", label_w);
        out_wrapped(f, out, h->instrument, indent, indent);
    }
    for (j = 0; j < h->n_terms; j++) {
        const glossa_term *t = &h->terms[j];
        print_label(f, out, "", t->lang, label_w);
        out_padded(f, t->text, term_w);
        fprintf(f, "  %s", d);
        out_printf(f, "%s%s%s%s%s%s", t->status, t->term_type ? ", " : "",
                   t->term_type ? t->term_type : "", t->working ? ", working translation" : "",
                   t->geo ? ", " : "", t->geo ? t->geo : "");
        if (t->valid_from || t->valid_to)
            fputs(", ", f);
        print_dates(f, t->valid_from, t->valid_to);
        fprintf(f, "%s\n", r);
    }
    for (j = 0; j < h->n_definitions; j++) {
        const glossa_definition *def = &h->definitions[j];
        const char *note = glossa_basis_note(def->basis);
        struct out_buf src = { 0 };
        print_label(f, out, "def", def->lang, label_w);
        out_wrapped(f, out, def->text, indent, indent);
        out_buf_printf(&src, "source: %s%s%s%s", def->source ? def->source : "unknown",
                       note ? " [" : "", note ? note : "", note ? "]" : "");
        fprintf(f, "%*s%s", (int)indent, "", d);
        out_buf_wrapped(f, out, &src, indent, indent);
        out_buf_free(&src);
        if (def->valid_from || def->valid_to) {
            fprintf(f, "%*s", (int)indent, "");
            print_dates(f, def->valid_from, def->valid_to);
            fputc('\n', f);
        }
        fputs(r, f);
    }
    for (j = 0; j < h->n_notes; j++) {
        print_label(f, out, "note", "", label_w);
        out_wrapped(f, out, h->notes[j].text, indent, indent);
    }
}

/* One line for a looser match: rank, id, the matched term, how. */
static void print_brief(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h)
{
    fprintf(f, "%zu. %s", rank, out_color(out, 0, BOLD));
    out_printf(f, "%s", h->id);
    fputs(out_color(out, 0, RESET), f);
    out_printf(f, "  %s ", h->match_text ? h->match_text : "");
    fputs(out_color(out, 0, DIM), f);
    out_printf(f, "(%s, %s)", h->match_lang ? h->match_lang : "?", glossa_match_kind_name(h->how));
    fprintf(f, "%s%s\n", out_color(out, 0, RESET), h->reliability <= 1 ? "  NOT VERIFIED" : "");
}

void lookup_print_text(FILE *f, const struct cli_out *out, const glossa_hit *const *hits,
                       size_t n, int full)
{
    size_t k;
    int brief_header = 0;
    if (n == 0)
        return;
    if (hits[0]->how == GLOSSA_MATCH_FUZZY) {
        fprintf(f, "did you mean %s", out_color(out, 0, BOLD));
        out_printf(f, "%s", hits[0]->match_text ? hits[0]->match_text : "");
        fprintf(f, "%s?\n\n", out_color(out, 0, RESET));
    }
    for (k = 0; k < n; k++) {
        const glossa_hit *h = hits[k];
        if (full || h->how == hits[0]->how) {
            if (k)
                fputc('\n', f);
            lookup_print_hit(f, out, k + 1, h);
            continue;
        }
        if (!brief_header++)
            fprintf(f, "\n%smore, by looser matches (--full shows them whole):%s\n",
                    out_color(out, 0, DIM), out_color(out, 0, RESET));
        print_brief(f, out, k + 1, h);
    }
}

int lookup_print_results(FILE *f, const struct cli_out *out, const glossa_results *res, int full)
{
    const glossa_hit **hits = hits_of(res);
    if (!hits)
        return -1;
    lookup_print_text(f, out, hits, glossa_results_count(res), full);
    free(hits);
    return 0;
}
