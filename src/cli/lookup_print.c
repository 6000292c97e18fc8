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
** part of it matched and there is no colour) into b. A long definition or
** note is cut to `window` bytes around its first matched word (0: whole).
** Highlights out of order, overlapping or outside the text are left out. */
static void highlighted(struct out_buf *b, const struct cli_out *out, const glossa_hit *h,
                        size_t window)
{
    const char *t = h->match_text ? h->match_text : "";
    size_t len = strlen(t), at = 0, stop = len, i;
    int partial = h->n_highlights &&
                  !(h->n_highlights == 1 && h->highlights[0].start == 0 && h->highlights[0].end == len);
    const char *on = out->color_out ? GREEN : partial ? "«" : "";
    const char *off = out->color_out ? RESET : partial ? "»" : "";

    if (window && len > window && h->n_highlights && h->highlights[0].start <= len) {
        at = h->highlights[0].start > window * 2 / 5 ? h->highlights[0].start - window * 2 / 5 : 0;
        while (at > 0 && (t[at] & 0xC0) == 0x80)
            at--;
        stop = at + window < len ? at + window : len;
        while (stop < len && (t[stop] & 0xC0) == 0x80)
            stop++;
        if (at)
            out_buf_raw(b, "…", strlen("…"));
    }
    for (i = 0; i < h->n_highlights; i++) {
        const glossa_span *sp = &h->highlights[i];
        if (sp->start < at || sp->end > stop || sp->end < sp->start)
            continue;
        out_buf_text(b, t + at, sp->start - at);
        out_buf_raw(b, on, strlen(on));
        out_buf_text(b, t + sp->start, sp->end - sp->start);
        out_buf_raw(b, off, strlen(off));
        at = sp->end;
    }
    out_buf_text(b, t + at, stop - at);
    if (stop < len)
        out_buf_raw(b, "…", strlen("…"));
}

/* The matched text marked, then suffix (glossa's own, written as it is),
** wrapped. */
static void print_highlighted(FILE *f, const struct cli_out *out, const glossa_hit *h,
                              size_t indent, const struct out_buf *suffix)
{
    struct out_buf b = { 0 };
    highlighted(&b, out, h, h->how == GLOSSA_MATCH_FULLTEXT ? 200 : 0);
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


/* How the hit matched, for its match line: "(ru, stem)", with how a layout
** match read the query (": typed in English (US), read in Russian as
** «информация»"; brief: ", read as «информация»") and whose national term it
** was (", a term of UZ national law, a narrower notion"). Colour codes are
** glossa's own; the data in them is sanitised. */
static void match_how(struct out_buf *b, const struct cli_out *out, const glossa_hit *h, int brief)
{
    const char *d = out_color(out, 0, DIM), *r = out_color(out, 0, RESET);
    out_buf_raw(b, d, strlen(d));
    out_buf_printf(b, "(%s, %s", h->match_lang ? h->match_lang : "?",
                   glossa_match_kind_name(h->how));
    if (h->layout_text && brief) {
        out_buf_printf(b, ", read as «%s»", h->layout_text);
    } else if (h->layout_text) {
        const char *typed = glossa_layout_title(h->layout_typed);
        const char *read = glossa_layout_title(h->layout_read);
        out_buf_printf(b, ": typed in %s, read in %s as «%s»", typed ? typed : "?",
                       read ? read : "?", h->layout_text);
    }
    if (h->match_state)
        out_buf_printf(b, ", a term of %s national law", h->match_state);
    if (h->match_state && h->match_relation && strcmp(h->match_relation, "same") != 0)
        out_buf_printf(b, ", a %s", glossa_relation_label(h->match_relation));
    out_buf_raw(b, ")", 1);
    out_buf_raw(b, r, strlen(r));
}

/* A notion of national law the term base lacks: glossa's label of it has no
** reliability of its own. */
static int is_notion(const glossa_hit *h)
{
    return h->status && strcmp(h->status, "notion") == 0;
}

/* A hit marked NOT VERIFIED: reliability 1, and no notion. */
static int not_verified(const glossa_hit *h)
{
    return h->reliability <= 1 && !is_notion(h);
}

/* Whether a reliability note's text was printed already on this screen, and
** for which entry; else remember it as this one's. */
static size_t seen_before(struct lookup_seen *seen, const char *text, size_t rank)
{
    size_t i;
    for (i = 0; i < seen->n; i++)
        if (strcmp(seen->text[i], text) == 0)
            return seen->rank[i];
    if (seen->n < sizeof seen->text / sizeof seen->text[0]) {
        seen->text[seen->n] = text;
        seen->rank[seen->n++] = rank;
    }
    return 0;
}

/* The notes; a reliability note printed for an earlier entry of the same
** screen is pointed back at, once, instead of said again. */
static void print_notes(FILE *f, const struct cli_out *out, const glossa_hit *h, size_t rank,
                        struct lookup_seen *seen, size_t label_w, size_t indent)
{
    size_t j, back = 0;
    for (j = 0; j < h->n_notes; j++) {
        const glossa_note *n = &h->notes[j];
        size_t earlier = seen && n->type && strcmp(n->type, "reliability") == 0 && n->text
                             ? seen_before(seen, n->text, rank)
                             : 0;
        if (earlier && back)
            continue;
        print_label(f, out, "note", "", label_w);
        if (earlier) {
            fprintf(f, "%sthe reliability note: as for %zu. above%s\n", out_color(out, 0, DIM),
                    earlier, out_color(out, 0, RESET));
            back = earlier;
        } else {
            out_wrapped(f, out, n->text, indent, indent);
        }
    }
}

void lookup_print_hit(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h,
                      int whole, struct lookup_seen *seen)
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
    if (is_notion(h))
        ; /* glossa's label of a notion of national law: no reliability of its own */
    else if (not_verified(h))
        fprintf(f, "  %s%s (reliability %d of 4)%s", out_color(out, 0, RED),
                glossa_reliability_label(h->reliability), h->reliability, r);
    else
        fprintf(f, "  %sreliability %d of 4 (%s)%s", d, h->reliability,
                glossa_reliability_label(h->reliability), r);
    fputc('\n', f);
    print_label(f, out, "match", "", label_w);
    out_buf_raw(&how, " ", 1);
    match_how(&how, out, h, 0);
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
    print_notes(f, out, h, rank, seen, label_w, indent);
    print_contexts(f, out, h, label_w, indent, whole);
    print_national(f, out, h, label_w, indent);
}

/* The languages a brief line gives terms in: --to's, else the authentic
** languages and English. */
static int brief_lang(const char *lang, const char *to)
{
    static const char *const dflt[] = { "ru", "zh", "en" };
    size_t i;
    if (to)
        return 1; /* the hit holds only --to's languages */
    for (i = 0; i < sizeof dflt / sizeof dflt[0]; i++)
        if (strcmp(lang, dflt[i]) == 0)
            return 1;
    return 0;
}

/* One line for a concept: rank and id (padded to id_w), NOT VERIFIED (in a
** column of its own when any line has it), the match and how, then the
** concept's first term in each target language ("zh 信息安全 · en
** information security"), deprecated terms and the matched text left out. */
static void print_brief(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h,
                        size_t id_w, int rel_col, const char *to)
{
    const char *last_lang = NULL;
    struct out_buf b = { 0 };
    char num[24];
    size_t j, shown = 0, w;

    snprintf(num, sizeof num, "%zu. ", rank);
    fprintf(f, "%s%s", num, out_color(out, 0, BOLD));
    out_printf(f, "%s", h->id);
    fputs(out_color(out, 0, RESET), f);
    w = strlen(num) + out_width(h->id);
    fprintf(f, "%*s", (int)(w < id_w ? id_w - w : 0) + 2, "");
    if (rel_col)
        fprintf(f, "%s%-12s%s  ", out_color(out, 0, RED), not_verified(h) ? "NOT VERIFIED" : "",
                out_color(out, 0, RESET));
    highlighted(&b, out, h, h->how == GLOSSA_MATCH_FULLTEXT ? 90 : 0);
    out_buf_raw(&b, " ", 1);
    match_how(&b, out, h, 1);
    for (j = 0; j < h->n_terms; j++) {
        const glossa_term *t = &h->terms[j];
        if (!t->lang || !t->text || !brief_lang(t->lang, to) ||
            (last_lang && strcmp(last_lang, t->lang) == 0) ||
            (t->status && strcmp(t->status, "deprecated") == 0))
            continue;
        last_lang = t->lang;
        if (h->match_text && strcmp(t->text, h->match_text) == 0)
            continue;
        out_buf_printf(&b, "%s%s %s", shown++ ? " · " : "  ", t->lang, t->text);
    }
    fprintf(f, "%s\n", b.s ? b.s : "");
    out_buf_free(&b);
}

/* Whether a hit is shown whole in the default view: the best, those as good
** (the same kind and score) and every term found inside a longer query; a
** "see also" list is a line each. */
static int shown_whole(const struct lookup_text *how, const glossa_hit *const *hits, size_t k)
{
    if (how->view != LOOKUP_VIEW_DEFAULT || how->see_also)
        return how->view == LOOKUP_VIEW_FULL;
    return k == 0 || (hits[k]->how == hits[0]->how &&
                      (hits[k]->how == GLOSSA_MATCH_WITHIN || hits[k]->score >= hits[0]->score));
}

void lookup_print_text(FILE *f, const struct cli_out *out, const glossa_hit *const *hits,
                       size_t n, const struct lookup_text *how)
{
    struct lookup_seen seen = { 0 };
    const char *d = out_color(out, 0, DIM), *r = out_color(out, 0, RESET);
    size_t k, id_w = 0, whole = 0;
    int rel_col = 0, unverified = 0, header = 0;
    if (n == 0)
        return;
    if (hits[0]->how == GLOSSA_MATCH_FUZZY) {
        fprintf(f, "did you mean %s", out_color(out, 0, BOLD));
        out_printf(f, "%s", hits[0]->match_text ? hits[0]->match_text : "");
        fprintf(f, "%s?\n\n", r);
    } else if (hits[0]->how == GLOSSA_MATCH_LAYOUT) {
        const char *typed = glossa_layout_title(hits[0]->layout_typed);
        const char *read = glossa_layout_title(hits[0]->layout_read);
        out_printf(f, "typed in the %s layout; read as %s ", typed ? typed : "?", read ? read : "?");
        fprintf(f, "%s", out_color(out, 0, BOLD));
        out_printf(f, "«%s»", hits[0]->layout_text ? hits[0]->layout_text : "");
        fprintf(f, "%s\n\n", r);
    } else if (hits[0]->how == GLOSSA_MATCH_FULLTEXT && how->see_also) {
        out_printf(f, "no term matches '%s'; see also the concepts whose definitions or notes "
                      "use it:\n\n", how->query ? how->query : "");
    }
    if (hits[0]->how == GLOSSA_MATCH_WITHIN)
        fprintf(f, "%sno term is the whole query; the terms inside it:%s\n\n", d, r);
    for (k = 0; k < n; k++) {
        char num[24];
        size_t w = (size_t)snprintf(num, sizeof num, "%zu. ", k + 1) + out_width(hits[k]->id);
        if (shown_whole(how, hits, k)) {
            whole++;
            continue;
        }
        if (w > id_w)
            id_w = w;
        rel_col |= not_verified(hits[k]);
    }
    for (k = 0; k < n; k++) {
        const glossa_hit *h = hits[k];
        if (shown_whole(how, hits, k)) {
            if (k)
                fputc('\n', f);
            lookup_print_hit(f, out, k + 1, h, how->view == LOOKUP_VIEW_FULL, &seen);
            continue;
        }
        if (whole && !header++)
            fprintf(f, "\n%smore, a line each (--full shows them whole; glossa show ID one):%s\n",
                    d, r);
        print_brief(f, out, k + 1, h, id_w, rel_col, how->to);
        unverified |= not_verified(h);
    }
    if (unverified && !whole)
        fprintf(f, "\n%sNOT VERIFIED: reliability 1 of 4, not checked against an official text "
                   "(glossa show ID says why)%s\n", d, r);
    if (hits[0]->how == GLOSSA_MATCH_WITHIN)
        fprintf(f, "\n%sthe terms of a whole text: glossa scan FILE%s\n", d, r);
}

int lookup_print_results(FILE *f, const struct cli_out *out, const glossa_results *res,
                         const struct lookup_text *how)
{
    const glossa_hit **hits = render_hits_of(res);
    if (!hits)
        return -1;
    lookup_print_text(f, out, hits, glossa_results_count(res), how);
    free(hits);
    return 0;
}
