/*
** fuzz_cli.c — libFuzzer harness for what the CLI prints (src/cli/out.c,
** lookup_print.c: lookup's and show's text, with and without colour, and
** src/common/render.c: their JSON) over hits built from the input: arbitrary bytes in ids, terms,
** definitions, sources, languages, dates, and arbitrary highlight spans.
**
** Input: one options byte, then fields separated by NUL bytes. Options:
** bit 0 colour, bit 1 --full, bit 2 JSON whole (show), bit 3 highlight every
** word of the matched text (as the library does; else spans come from the
** input), bits 4-5 the match kind of the first hit (exact, stem, fuzzy,
** fulltext), bits 6-7 the width (40, 60, 80, 120). Fields, in order, for 1-3
** hits: id, status, instrument, match language, match text, a byte of
** reliability, a byte of counts (terms, definitions, notes), then per
** term lang, text, status, type, geo, from, to; per definition lang, text,
** source, basis, from, to; per note lang, type, text; and spans (two bytes
** each) from the rest. Missing fields are empty.
**
** Properties: the text output is valid UTF-8 whose only escape sequences
** are glossa's own colours (none without colour) and that holds no C0 but
** line feed, no DEL, no C1, no bidi control; the JSON is valid UTF-8 with
** no raw control, C1 or bidi control; with every word highlighted, each
** word of a short matched text is marked. No crash, leak or overflow.
*/
#include "cmd.h"
#include "fuzz.h"

#include <string.h>

struct cursor {
    const char *p, *end;
};

/* The next NUL-terminated field, or "" when the input is used up. */
static const char *field(struct cursor *c)
{
    const char *s = c->p;
    if (c->p >= c->end)
        return "";
    c->p += strlen(c->p) + 1;
    return s;
}

static unsigned byte(struct cursor *c)
{
    const char *s = field(c);
    return (unsigned char)s[0];
}

static const char *optional(struct cursor *c)
{
    const char *s = field(c);
    return *s ? s : NULL;
}

/* Spans over every run of non-spaces of text. */
static size_t word_spans(const char *text, glossa_span *spans, size_t max)
{
    size_t i = 0, n = 0, len = strlen(text);
    while (i < len && n < max) {
        while (i < len && text[i] == ' ')
            i++;
        if (i == len)
            break;
        spans[n].start = i;
        while (i < len && text[i] != ' ')
            i++;
        spans[n++].end = i;
    }
    return n;
}

/* What reaches the terminal: UTF-8, no control but \n and glossa's SGR. */
static void check_terminal(const char *out, size_t len, int color)
{
    size_t i = 0, k;
    unsigned cp;
    while (i < len) {
        if (out[i] == '\033') {
            FUZZ_CHECK(color, "an escape without colour at byte %zu", i);
            FUZZ_CHECK(i + 1 < len && out[i + 1] == '[', "not a CSI at byte %zu", i);
            for (k = i + 2; k < len && ((out[k] >= '0' && out[k] <= '9') || out[k] == ';'); k++)
                ;
            FUZZ_CHECK(k < len && out[k] == 'm', "an escape that is not SGR at byte %zu", i);
            i = k + 1;
            continue;
        }
        k = glossa_utf8_next(out + i, len - i, &cp);
        FUZZ_CHECK(k > 0, "not UTF-8 at byte %zu", i);
        FUZZ_CHECK(cp == '\n' || !glossa_char_is_unsafe(cp), "U+%04X at byte %zu", cp, i);
        i += k;
    }
}

static void check_json(const char *out, size_t len)
{
    size_t i = 0, k;
    unsigned cp;
    FUZZ_CHECK(len > 0 && out[len - 1] == '\n', "JSON not ended by a line feed");
    while (i < len - 1) {
        k = glossa_utf8_next(out + i, len - 1 - i, &cp);
        FUZZ_CHECK(k > 0, "JSON not UTF-8 at byte %zu", i);
        FUZZ_CHECK(!glossa_char_is_unsafe(cp), "raw U+%04X in JSON at byte %zu", cp, i);
        i += k;
    }
}

#define MAX_HITS 3
#define MAX_ITEMS 8
#define MAX_SPANS 512

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const glossa_match_kind kinds[4] = { GLOSSA_MATCH_EXACT, GLOSSA_MATCH_STEM,
                                                GLOSSA_MATCH_FUZZY, GLOSSA_MATCH_FULLTEXT };
    static const int widths[4] = { 40, 60, 80, 120 };
    glossa_hit hits[MAX_HITS];
    const glossa_hit *ptrs[MAX_HITS];
    glossa_term terms[MAX_HITS][MAX_ITEMS];
    glossa_definition defs[MAX_HITS][MAX_ITEMS];
    glossa_note notes[MAX_HITS][MAX_ITEMS];
    glossa_context contexts[MAX_HITS][MAX_ITEMS];
    glossa_xref xrefs[MAX_HITS][MAX_ITEMS];
    glossa_span spans[MAX_HITS][MAX_SPANS];
    struct cli_out out = { 0, 0, 0, 80 };
    struct cursor c;
    char *copy, *text = NULL;
    size_t n_hits, h, j, text_len = 0;
    unsigned opt, counts;
    struct lookup_text view;
    FILE *f;

    if (size == 0)
        return 0;
    opt = data[0];
    out.color_out = opt & 1;
    out.width = widths[opt >> 6];
    copy = malloc(size + 1); /* the fields point into it; a NUL ends the last one */
    if (!copy)
        return 0;
    memcpy(copy, data + 1, size - 1);
    copy[size - 1] = '\0';
    c.p = copy;
    c.end = copy + size - 1;
    n_hits = 1 + size % MAX_HITS;
    memset(hits, 0, sizeof hits);
    for (h = 0; h < n_hits; h++) {
        glossa_hit *x = &hits[h];
        x->id = field(&c);
        x->status = field(&c);
        x->instrument = optional(&c);
        x->match_lang = optional(&c);
        x->match_text = field(&c);
        x->reliability = 1 + (int)(byte(&c) % 4);
        x->how = h == 0 ? kinds[(opt >> 4) & 3] : (glossa_match_kind)(byte(&c) % 8);
        x->score = 1.0;
        counts = byte(&c);
        x->n_terms = counts % MAX_ITEMS;
        x->n_definitions = (counts / MAX_ITEMS) % 4;
        x->n_notes = counts / 32 % 4;
        for (j = 0; j < x->n_terms; j++) {
            glossa_term *t = &terms[h][j];
            t->lang = field(&c);
            t->text = field(&c);
            t->status = field(&c);
            t->term_type = optional(&c);
            t->geo = optional(&c);
            t->working = (int)(j & 1);
            t->valid_from = optional(&c);
            t->valid_to = optional(&c);
        }
        for (j = 0; j < x->n_definitions; j++) {
            glossa_definition *d = &defs[h][j];
            d->lang = field(&c);
            d->text = field(&c);
            d->source = optional(&c);
            d->basis = optional(&c);
            d->valid_from = optional(&c);
            d->valid_to = optional(&c);
        }
        for (j = 0; j < x->n_notes; j++) {
            notes[h][j].lang = field(&c);
            notes[h][j].type = field(&c);
            notes[h][j].text = field(&c);
        }
        counts = byte(&c);
        x->n_contexts = counts % 4;
        x->n_xrefs = counts / 4 % 4;
        for (j = 0; j < x->n_contexts; j++) {
            contexts[h][j].lang = field(&c);
            contexts[h][j].text = field(&c);
            contexts[h][j].source = optional(&c);
        }
        for (j = 0; j < x->n_xrefs; j++) {
            xrefs[h][j].type = field(&c);
            xrefs[h][j].target = field(&c);
            xrefs[h][j].label = optional(&c);
        }
        x->contexts = contexts[h];
        x->xrefs = xrefs[h];
        x->terms = terms[h];
        x->definitions = defs[h];
        x->notes = notes[h];
        x->highlights = spans[h];
        if (opt & 8) {
            x->n_highlights = word_spans(x->match_text, spans[h], MAX_SPANS);
        } else {
            const char *s = field(&c);
            size_t k, n = strlen(s) / 2;
            for (k = 0; k < n && k < MAX_SPANS; k++) {
                spans[h][k].start = (unsigned char)s[2 * k];
                spans[h][k].end = (unsigned char)s[2 * k + 1];
            }
            x->n_highlights = k;
        }
        ptrs[h] = x;
    }

    f = open_memstream(&text, &text_len);
    FUZZ_CHECK(f != NULL, "open_memstream");
    view.view = (opt & 2) ? LOOKUP_VIEW_FULL : (opt & 4) ? LOOKUP_VIEW_BRIEF : LOOKUP_VIEW_DEFAULT;
    view.to = (opt & 16) ? "ru,zh" : NULL;
    view.query = hits[0].match_text;
    view.see_also = (opt & 32) != 0;
    lookup_print_text(f, &out, ptrs, n_hits, &view);
    fclose(f);
    check_terminal(text, text_len, out.color_out);
    if ((opt & 8) && !out.color_out && hits[0].n_highlights > 1 && strlen(hits[0].match_text) < 100 &&
        hits[0].how != GLOSSA_MATCH_FULLTEXT && !strchr(hits[0].match_text, '\n')) {
        size_t marks = 0;
        const char *p = text;
        while ((p = strstr(p, "«")) != NULL)
            marks++, p += strlen("«");
        FUZZ_CHECK(marks >= hits[0].n_highlights, "%zu words, %zu marked", hits[0].n_highlights,
                   marks);
    }
    free(text);
    text = NULL;

    f = open_memstream(&text, &text_len);
    FUZZ_CHECK(f != NULL, "open_memstream");
    lookup_print_json_hits(f, hits[0].id, ptrs, n_hits);
    fclose(f);
    check_json(text, text_len);
    free(text);
    free(copy);
    return 0;
}
