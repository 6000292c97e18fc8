/*
** render.c — the one renderer of results as JSON, and the wordings that
** the text of the CLI and the web page share. `glossa lookup --format json`
** and /api/lookup, `glossa show --format json` and /api/concept/ID,
** `glossa status --format json` and /api/status are written by these very
** functions, so they are byte for byte the same. JSON carries the data
** exactly (every string through the library's one escaper,
** glossa_json_string). The text (src/cli/lookup_print.c) and the page
** (src/web/http_page.c) lay a hit out differently, but say its dates,
** status and source with the words written here.
*/
#include "common.h"

#include <stdlib.h>
#include <string.h>

/* ---- JSON strings ------------------------------------------------------------------- */

static int file_write(void *f, const char *data, size_t len)
{
    return fwrite(data, 1, len, f) == len ? 0 : -1; /* the caller checks ferror(f) */
}

void out_json_string_n(FILE *f, const char *s, size_t n)
{
    glossa_json_string(s, n, file_write, f);
}

void out_json_string(FILE *f, const char *s)
{
    out_json_string_n(f, s ? s : "", s ? strlen(s) : 0);
}

void out_json_nullable(FILE *f, const char *s)
{
    if (s)
        out_json_string(f, s);
    else
        fputs("null", f);
}

void out_json_field(FILE *f, const char *key, const char *value)
{
    fprintf(f, ",\"%s\":", key);
    out_json_nullable(f, value);
}

/* ---- shared wordings ---------------------------------------------------------------- */

void render_dates(FILE *f, const char *from, const char *to, render_data_fn data)
{
    if (!from && !to)
        return;
    fputs("in force", f);
    if (from) {
        fputs(" from ", f);
        data(f, from);
    }
    if (to) {
        fputs(" until ", f);
        data(f, to);
    }
}

const char *render_status_text(const char *status)
{
    return strcmp(status, "in-force") == 0 ? "in force"
           : strcmp(status, "notion") == 0 ? "notion of national law, not in the term base"
                                           : status;
}

char *render_source(const glossa_definition *d)
{
    const char *note = glossa_basis_note(d->basis), *source = d->source ? d->source : "";
    size_t n = strlen(source) + (note ? strlen(note) + 3 : 0) + 1;
    char *s = malloc(n);
    if (s && note)
        snprintf(s, n, "%s (%s)", source, note);
    else if (s)
        snprintf(s, n, "%s", source);
    return s;
}

/* ---- results ------------------------------------------------------------------------ */

/* "key":"value" after a comma, or nothing when value is NULL. */
static void json_opt(FILE *f, const char *key, const char *value)
{
    if (!value)
        return;
    fprintf(f, ",\"%s\":", key);
    out_json_string(f, value);
}

void render_legal_json(FILE *f, const glossa_legal *l)
{
    glossa_legal_json(l, file_write, f); /* the caller checks ferror(f) */
}

static void json_hit(FILE *f, const glossa_hit *h, const char *query)
{
    size_t j;
    fputs("{\"id\":", f);
    out_json_string(f, h->id);
    fprintf(f, ",\"score\":%.4f,\"reliability\":%d", h->score, h->reliability);
    json_opt(f, "status", h->status);
    json_opt(f, "instrument", h->instrument);
    fputs(",\"match\":{\"lang\":", f);
    out_json_string(f, h->match_lang);
    fputs(",\"text\":", f);
    out_json_string(f, h->match_text);
    fputs(",\"how\":", f);
    out_json_string(f, glossa_match_kind_name(h->how));
    json_opt(f, "state", h->match_state);
    json_opt(f, "relation", h->match_relation);
    if (h->how == GLOSSA_MATCH_WITHIN && query && h->within_end <= strlen(query) &&
        h->within_start < h->within_end) {
        fprintf(f, ",\"span\":{\"start\":%zu,\"end\":%zu,\"text\":", h->within_start,
                h->within_end);
        out_json_string_n(f, query + h->within_start, h->within_end - h->within_start);
        fputc('}', f);
    }
    if (h->layout_text) { /* keyboard layouts by xkb's names, and as it titles them */
        fputs(",\"layout\":{\"typed\":", f);
        out_json_string(f, h->layout_typed);
        json_opt(f, "read", h->layout_read);
        json_opt(f, "text", h->layout_text);
        json_opt(f, "typed_title", glossa_layout_title(h->layout_typed));
        json_opt(f, "read_title", glossa_layout_title(h->layout_read));
        fputc('}', f);
    }
    fputs("},\"terms\":[", f);
    for (j = 0; j < h->n_terms; j++) {
        const glossa_term *t = &h->terms[j];
        fprintf(f, "%s{\"lang\":", j ? "," : "");
        out_json_string(f, t->lang);
        fputs(",\"text\":", f);
        out_json_string(f, t->text);
        fputs(",\"status\":", f);
        out_json_string(f, t->status);
        json_opt(f, "type", t->term_type);
        json_opt(f, "geo", t->geo);
        if (t->working)
            fputs(",\"working\":true", f);
        json_opt(f, "from", t->valid_from);
        json_opt(f, "to", t->valid_to);
        fputc('}', f);
    }
    fputs("],\"definitions\":[", f);
    for (j = 0; j < h->n_definitions; j++) {
        const glossa_definition *d = &h->definitions[j];
        char *source = render_source(d); /* the source, then what it is */
        fprintf(f, "%s{\"lang\":", j ? "," : "");
        out_json_string(f, d->lang);
        fputs(",\"text\":", f);
        out_json_string(f, d->text);
        fputs(",\"source\":", f);
        out_json_string(f, source ? source : d->source);
        free(source);
        json_opt(f, "basis", d->basis);
        json_opt(f, "from", d->valid_from);
        json_opt(f, "to", d->valid_to);
        fputc('}', f);
    }
    fputs("],\"notes\":[", f);
    for (j = 0; j < h->n_notes; j++) {
        fprintf(f, "%s{\"lang\":", j ? "," : "");
        out_json_string(f, h->notes[j].lang);
        fputs(",\"type\":", f);
        out_json_string(f, h->notes[j].type);
        fputs(",\"text\":", f);
        out_json_string(f, h->notes[j].text);
        fputc('}', f);
    }
    fputs("],\"contexts\":[", f);
    for (j = 0; j < h->n_contexts; j++) {
        fprintf(f, "%s{\"lang\":", j ? "," : "");
        out_json_string(f, h->contexts[j].lang);
        fputs(",\"text\":", f);
        out_json_string(f, h->contexts[j].text);
        json_opt(f, "source", h->contexts[j].source);
        fputc('}', f);
    }
    fputs("],\"related\":[", f);
    for (j = 0; j < h->n_xrefs; j++) {
        fprintf(f, "%s{\"type\":", j ? "," : "");
        out_json_string(f, h->xrefs[j].type);
        fputs(",\"id\":", f);
        out_json_string(f, h->xrefs[j].target);
        json_opt(f, "label", h->xrefs[j].label);
        fputc('}', f);
    }
    fputs("],\"national\":[", f);
    for (j = 0; j < h->n_legal; j++) {
        if (j)
            fputc(',', f);
        render_legal_json(f, &h->legal[j]);
    }
    fputs("]}", f);
}

void lookup_print_json_hits(FILE *f, const char *query, const glossa_hit *const *hits, size_t n)
{
    size_t i;
    fputs("{\"query\":", f);
    out_json_string(f, query);
    fputs(",\"results\":[", f);
    for (i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        json_hit(f, hits[i], query);
    }
    fputs("]}\n", f);
}

const glossa_hit **render_hits_of(const glossa_results *res)
{
    size_t i, n = glossa_results_count(res);
    const glossa_hit **hits = malloc((n ? n : 1) * sizeof *hits);
    for (i = 0; hits && i < n; i++)
        hits[i] = glossa_results_get(res, i);
    return hits;
}

void lookup_print_json(FILE *f, const char *query, const glossa_results *res)
{
    const glossa_hit **hits = render_hits_of(res);
    if (!hits) {
        fputs("{\"query\":", f);
        out_json_string(f, query);
        fputs(",\"error\":\"out of memory\",\"results\":[]}\n", f);
        return;
    }
    lookup_print_json_hits(f, query, hits, glossa_results_count(res));
    free(hits);
}

/* ---- where proposals stand ---------------------------------------------------------- */

void status_print_json(FILE *f, const glossa_status_report *r, const char *round)
{
    size_t i, shown = 0;
    fputs("{\"parties\":", f);
    out_json_string(f, glossa_status_parties(r));
    fputs(",\"changes\":[", f);
    for (i = 0; i < glossa_status_count(r); i++) {
        const glossa_change_status *s = glossa_status_get(r, i);
        const glossa_proposal_change *c = s->change;
        if (round && (!c->round || strcmp(c->round, round)))
            continue;
        fprintf(f, "%s{\"id\":", shown++ ? "," : "");
        out_json_string(f, c->id);
        out_json_field(f, "kind", c->kind);
        out_json_field(f, "proposal", c->proposal);
        out_json_field(f, "state", c->state);
        out_json_field(f, "hash", c->hash);
        out_json_field(f, "status", s->status);
        out_json_field(f, "agreed", s->agreed);
        out_json_field(f, "pending", s->pending);
        out_json_field(f, "lapsed", s->lapsed);
        out_json_field(f, "objections", s->objections);
        out_json_field(f, "competing", s->competing);
        fputc('}', f);
    }
    fputs("]}\n", f);
}
