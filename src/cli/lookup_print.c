/*
** lookup_print.c — how lookup and show print results as aligned text for
** people (colour optional, matched words marked, looser matches on one
** line); their JSON, the same as the web API's, is src/common/render.c,
** whose wordings (dates, status) the text uses too. Every piece of data goes
** through out.c's sanitiser (out_printf, out_buf_text, out_wrapped,
** out_padded), so nothing stored in a database can move the cursor,
** reprogram the terminal or reorder the line. Kept apart from the command so
** that the fuzz harness tests/fuzz/fuzz_cli.c drives these very functions.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>


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

/* Data made safe for the terminal (render_data_fn). */
static void print_data(FILE *f, const char *s)
{
    out_printf(f, "%s", s);
}

/* The national acts' definitions that relate to the concept: per definition
** the state, the term as the act prints it, how it relates, and the act (the
** text itself is compare's). */
static void print_national(FILE *f, const struct cli_out *out, const glossa_hit *h,
                           size_t label_w, size_t indent)
{
    const char *d = out_color(out, 0, DIM), *r = out_color(out, 0, RESET);
    size_t j;
    for (j = 0; j < h->n_legal; j++) {
        const glossa_legal *l = &h->legal[j];
        struct out_buf line = { 0 };
        char *act = glossa_legal_cite(l);
        print_label(f, out, "law", l->state, label_w);
        out_buf_printf(&line, "%s (%s", l->term, l->lang);
        if (strcmp(l->relation, "same") != 0)
            out_buf_printf(&line, ", %s notion", l->relation);
        out_buf_raw(&line, ") ", 2);
        out_buf_raw(&line, d, strlen(d)); /* colour codes are glossa's own, not data */
        out_buf_printf(&line, "%s%s", act ? act : "", l->translation ? ", translation" : "");
        out_buf_raw(&line, r, strlen(r));
        out_buf_wrapped(f, out, &line, indent, indent);
        out_buf_free(&line);
        glossa_free(act);
    }
    if (h->n_legal) {
        fprintf(f, "%*s%s", (int)indent, "", d);
        out_printf(f, "statutory text, quoted: glossa compare %s", h->id);
        fprintf(f, "%s\n", r);
    }
}

/* The contexts (all when whole, else the first, with how many more and
** where to see them), then the cross-references on one wrapped line. */
static void print_contexts(FILE *f, const struct cli_out *out, const glossa_hit *h,
                           size_t label_w, size_t indent, int whole)
{
    const char *d = out_color(out, 0, DIM), *r = out_color(out, 0, RESET);
    size_t j, shown = whole ? h->n_contexts : (h->n_contexts ? 1 : 0);
    struct out_buf line = { 0 };

    for (j = 0; j < shown; j++) {
        const glossa_context *c = &h->contexts[j];
        struct out_buf src = { 0 };
        print_label(f, out, "ctx", c->lang, label_w);
        out_buf_printf(&src, "«%s»", c->text);
        out_buf_wrapped(f, out, &src, indent, indent);
        out_buf_free(&src);
        if (c->source) {
            fprintf(f, "%*s%s", (int)indent, "", d);
            out_buf_printf(&line, "source: %s", c->source);
            out_buf_wrapped(f, out, &line, indent, indent);
            out_buf_free(&line);
            memset(&line, 0, sizeof line);
            fputs(r, f);
        }
    }
    if (shown < h->n_contexts) {
        fprintf(f, "%*s%s", (int)indent, "", d);
        out_printf(f, "%zu more context%s: glossa show %s", h->n_contexts - shown,
                   h->n_contexts - shown == 1 ? "" : "s", h->id);
        fprintf(f, "%s\n", r);
    }
    if (!h->n_xrefs)
        return;
    print_label(f, out, "also", "", label_w);
    for (j = 0; j < h->n_xrefs; j++) {
        const glossa_xref *x = &h->xrefs[j];
        int related = strcmp(x->type, "related") == 0;
        out_buf_printf(&line, "%s%s%s%s", j ? "; " : "", related ? "" : x->type,
                       related ? "" : " ", x->target);
        if (x->label)
            out_buf_printf(&line, " (%s)", x->label);
    }
    out_buf_wrapped(f, out, &line, indent, indent);
    out_buf_free(&line);
}


/* How a layout match read the query: ": typed in English (US), read in
** Russian as «информация»" (nothing for other matches). */
static void layout_how(struct out_buf *b, const glossa_hit *h)
{
    const char *typed = glossa_layout_title(h->layout_typed);
    const char *read = glossa_layout_title(h->layout_read);
    if (h->layout_text)
        out_buf_printf(b, ": typed in %s, read in %s as «%s»", typed ? typed : "?",
                       read ? read : "?", h->layout_text);
}

void lookup_print_hit(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h,
                      int whole)
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
    for (j = 0; j < h->n_contexts; j++)
        if (out_width(h->contexts[j].lang) + 4 > label_w)
            label_w = out_width(h->contexts[j].lang) + 4;
    for (j = 0; j < h->n_legal; j++)   /* "law CC" */
        if (out_width(h->legal[j].state) + 4 > label_w)
            label_w = out_width(h->legal[j].state) + 4;
    indent = 3 + label_w + 2;

    fprintf(f, "%zu. %s", rank, b);
    out_printf(f, "%s", h->id);
    fprintf(f, "%s  %s", r, d);
    out_printf(f, "%s", render_status_text(h->status));
    fputs(r, f);
    if (h->status && strcmp(h->status, "notion") == 0)
        ; /* glossa's label of a notion of national law: no reliability of its own */
    else if (h->reliability <= 1)
        fprintf(f, "  %s%s (reliability %d of 4)%s", out_color(out, 0, RED),
                glossa_reliability_label(h->reliability), h->reliability, r);
    else
        fprintf(f, "  %sreliability %d of 4 (%s)%s", d, h->reliability,
                glossa_reliability_label(h->reliability), r);
    fputc('\n', f);
    print_label(f, out, "match", "", label_w);
    out_buf_raw(&how, " ", 1);
    out_buf_raw(&how, d, strlen(d));
    out_buf_printf(&how, "(%s, %s", h->match_lang ? h->match_lang : "?",
                   glossa_match_kind_name(h->how));
    layout_how(&how, h);
    if (h->match_state)
        out_buf_printf(&how, ", a term of %s national law", h->match_state);
    out_buf_raw(&how, ")", 1);
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
        render_dates(f, t->valid_from, t->valid_to, print_data);
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
            render_dates(f, def->valid_from, def->valid_to, print_data);
            fputc('\n', f);
        }
        fputs(r, f);
    }
    for (j = 0; j < h->n_notes; j++) {
        print_label(f, out, "note", "", label_w);
        out_wrapped(f, out, h->notes[j].text, indent, indent);
    }
    print_contexts(f, out, h, label_w, indent, whole);
    print_national(f, out, h, label_w, indent);
}

/* One line for a looser match: rank, id, the matched term, how. */
static void print_brief(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h)
{
    fprintf(f, "%zu. %s", rank, out_color(out, 0, BOLD));
    out_printf(f, "%s", h->id);
    fputs(out_color(out, 0, RESET), f);
    out_printf(f, "  %s ", h->match_text ? h->match_text : "");
    fputs(out_color(out, 0, DIM), f);
    out_printf(f, "(%s, %s", h->match_lang ? h->match_lang : "?", glossa_match_kind_name(h->how));
    if (h->layout_text)
        out_printf(f, ", read as «%s»", h->layout_text);
    fputc(')', f);
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
    } else if (hits[0]->how == GLOSSA_MATCH_LAYOUT) {
        const char *typed = glossa_layout_title(hits[0]->layout_typed);
        const char *read = glossa_layout_title(hits[0]->layout_read);
        out_printf(f, "typed in the %s layout; read as %s ", typed ? typed : "?", read ? read : "?");
        fprintf(f, "%s", out_color(out, 0, BOLD));
        out_printf(f, "«%s»", hits[0]->layout_text ? hits[0]->layout_text : "");
        fprintf(f, "%s\n\n", out_color(out, 0, RESET));
    }
    if (hits[0]->how == GLOSSA_MATCH_WITHIN)
        fprintf(f, "%sno term is the whole query; the terms inside it:%s\n\n",
                out_color(out, 0, DIM), out_color(out, 0, RESET));
    for (k = 0; k < n; k++) {
        const glossa_hit *h = hits[k];
        if (full || h->how == hits[0]->how) {
            if (k)
                fputc('\n', f);
            lookup_print_hit(f, out, k + 1, h, full);
            continue;
        }
        if (!brief_header++)
            fprintf(f, "\n%smore, by looser matches (--full shows them whole):%s\n",
                    out_color(out, 0, DIM), out_color(out, 0, RESET));
        print_brief(f, out, k + 1, h);
    }
    if (hits[0]->how == GLOSSA_MATCH_WITHIN)
        fprintf(f, "\n%sthe terms of a whole text: glossa scan FILE%s\n", out_color(out, 0, DIM),
                out_color(out, 0, RESET));
}

int lookup_print_results(FILE *f, const struct cli_out *out, const glossa_results *res, int full)
{
    const glossa_hit **hits = render_hits_of(res);
    if (!hits)
        return -1;
    lookup_print_text(f, out, hits, glossa_results_count(res), full);
    free(hits);
    return 0;
}
