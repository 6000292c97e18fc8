/*
** export_csv.c — the term base as tables for CAT tools:
**
** CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break
** quoted, quotes doubled), as memoQ and Trados MultiTerm import it: a header
** row, then one row per concept; the columns are "id", one per language (the
** preferred term first, then admitted ones, joined with "; "; deprecated
** terms are left out: a CAT tool would offer them), and "definition (LANG)"
** for each language that has definitions (several joined by a line break).
** When national law is read with the term base (glossary/national/), each
** national definition of a concept is a row of its own after the concept's:
** the term its act defines in its language's column, and three more
** columns, "state", "national definition" (the statutory text) and
** "national law" (whose text it is: act, article, edition, address,
** translator, relation, reliability), empty on glossa's rows.
**
** OmegaT's glossary format: UTF-8, no header, one line per source term,
** "source TAB target TAB comment". Every term of the source language is a
** line (deprecated ones too, so that OmegaT recognises them in the source
** text, with a comment saying which term to use); the target is the best
** term of the target language (its exact tag first, preferred before
** admitted, never deprecated); the comment names the concept and says what
** a translator must know (not verified, working translation, other admitted
** targets). A term a national act defines for a concept (glossary/national/,
** when read) in the source language is a line too, its comment saying whose
** law it is (state, act, article, edition, address, relation).
*/
#include "exchange_int.h"

#include <string.h>

static int status_rank(const char *status)
{
    if (strcmp(status, "preferred") == 0)
        return 0;
    if (strcmp(status, "admitted") == 0)
        return 1;
    return 2;
}

/* ---- CSV ----------------------------------------------------------------------------- */

static int csv_field(struct glossa_buf *out, const char *s, int first)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL || (*s && (s[0] == ' ' || s[strlen(s) - 1] == ' '));
    int rc = first ? 0 : glossa__buf_add(out, ",", 1);
    if (!quote)
        return rc || glossa__buf_adds(out, s) ? GLOSSA_ENOMEM : 0;
    rc = rc || glossa__buf_add(out, "\"", 1);
    for (; *s && !rc; s++)
        rc = *s == '"' ? glossa__buf_add(out, "\"\"", 2) : glossa__buf_add(out, s, 1);
    return rc || glossa__buf_add(out, "\"", 1) ? GLOSSA_ENOMEM : 0;
}

/* Languages as asked for: those of --from first, then those of --to (or all). */
static int select_languages(struct glossa_tb *tb, const glossa_export_opts *opts,
                            const char ***langs, size_t *n)
{
    const char **tags;
    size_t i, k = 0, n_all = 0;
    struct glossa_buf want = GLOSSA_BUF_INIT;
    int rc = 0;
    if (opts->from && opts->to)
        rc = glossa__buf_addf(&want, "%s,%s", opts->from, opts->to);
    rc = rc || glossa__tb_languages(tb, opts->from && opts->to ? want.data : opts->to, langs,
                                    &n_all);
    glossa__buf_release(&want);
    *n = n_all;
    if (rc || !opts->from)
        return rc ? GLOSSA_ENOMEM : 0;
    tags = glossa__arena_alloc(tb->arena, (n_all + 1) * sizeof *tags);
    if (!tags)
        return GLOSSA_ENOMEM;
    for (i = 0; i < n_all; i++)
        if (glossa__lang_in_list((*langs)[i], opts->from))
            tags[k++] = (*langs)[i];
    for (i = 0; i < n_all; i++)
        if (!glossa__lang_in_list((*langs)[i], opts->from))
            tags[k++] = (*langs)[i];
    *langs = tags;
    *n = k;
    return 0;
}

/* The terms of one language, preferred first, deprecated left out. */
static int terms_cell(const struct tei_entry *e, const char *lang, struct glossa_buf *cell)
{
    int rank, rc = 0;
    size_t i;
    glossa__buf_clear(cell);
    for (rank = 0; rank < 2; rank++)
        for (i = 0; i < e->n_terms && !rc; i++)
            if (strcmp(e->terms[i].lang, lang) == 0 && status_rank(e->terms[i].status) == rank)
                rc = glossa__buf_addf(cell, "%s%s", cell->len ? "; " : "", e->terms[i].text);
    return rc || glossa__buf_adds(cell, "") ? GLOSSA_ENOMEM : 0;
}

/* The column of lang among langs, or n_langs. */
static size_t column_of(const char *const *langs, size_t n_langs, const char *lang)
{
    size_t k;
    for (k = 0; k < n_langs && strcmp(langs[k], lang) != 0; k++)
        ;
    return k;
}

/* 1 when the concept has a term in one of langs: it is a row. */
static int has_row(const struct tei_entry *e, const char *const *langs, size_t n_langs)
{
    size_t j;
    for (j = 0; j < e->n_terms; j++)
        if (column_of(langs, n_langs, e->terms[j].lang) < n_langs)
            return 1;
    return 0;
}

/* The rows of the national definitions that relate to e, after its own: the
** term in its language's column, the state, the statutory text and what it
** is in columns of their own (never a "definition" column: it is not
** glossa's). */
static int national_rows(struct glossa_tb *tb, const struct tei_entry *e, const char *const *langs,
                         size_t n_langs, size_t n_defs, struct xc_report *r,
                         struct glossa_buf *out)
{
    struct glossa_buf note = GLOSSA_BUF_INIT;
    size_t n, i, k;
    const struct tb_legal *nat = glossa__tb_legal(tb, e->id, &n);
    int rc = 0;
    for (i = 0; i < n && !rc; i++) {
        const glossa_legal *l = &nat[i].l;
        size_t col = column_of(langs, n_langs, l->lang);
        if (col == n_langs)
            continue;
        glossa__buf_clear(&note);
        rc = csv_field(out, e->id, 1);
        for (k = 0; k < n_langs + n_defs && !rc; k++)
            rc = csv_field(out, k == col ? l->term : "", 0);
        rc = rc || csv_field(out, l->state, 0) || csv_field(out, l->text, 0) ||
             glossa__xc_legal_note(l, &note) || csv_field(out, glossa__buf_str(&note), 0) ||
             glossa__buf_add(out, "\r\n", 2);
        if (r->stats)
            r->stats->national++;
    }
    glossa__buf_release(&note);
    return rc ? GLOSSA_ENOMEM : 0;
}

int glossa__write_csv(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out)
{
    struct glossa_buf cell = GLOSSA_BUF_INIT;
    const char **langs;
    char *has_def;
    size_t n_langs, n_defs = 0, i, j, k, rows = 0;
    int rc, national = 0;

    if ((rc = select_languages(tb, opts, &langs, &n_langs)))
        return rc;
    has_def = glossa__arena_alloc(tb->arena, n_langs + 1);
    if (!has_def)
        return GLOSSA_ENOMEM;
    memset(has_def, 0, n_langs + 1);
    for (i = 0; i < tb->n_entries; i++)
        for (j = 0; j < tb->entries[i].n_defs; j++)
            for (k = 0; k < n_langs; k++)
                if (strcmp(tb->entries[i].defs[j].lang, langs[k]) == 0)
                    has_def[k] = 1;
    for (k = 0; k < n_langs; k++)
        n_defs += has_def[k] != 0;
    /* the national columns when a row of national law is written */
    for (i = 0; i < tb->n_legal && !national; i++) {
        const struct tei_entry *e = glossa__tb_find(tb, tb->legal[i].l.target);
        national = e && has_row(e, langs, n_langs) &&
                   column_of(langs, n_langs, tb->legal[i].l.lang) < n_langs;
    }
    rc = csv_field(out, "id", 1);
    for (k = 0; k < n_langs && !rc; k++)
        rc = csv_field(out, langs[k], 0);
    for (k = 0; k < n_langs && !rc; k++)
        if (has_def[k])
            rc = glossa__buf_addf(out, ",definition (%s)", langs[k]);
    if (national && !rc)
        rc = glossa__buf_adds(out, ",state,national definition,national law");
    rc = rc || glossa__buf_add(out, "\r\n", 2);
    for (i = 0; i < tb->n_entries && !rc; i++) {
        const struct tei_entry *e = &tb->entries[i];
        if (!has_row(e, langs, n_langs))
            continue;
        rc = csv_field(out, e->id, 1);
        for (k = 0; k < n_langs && !rc; k++) {
            rc = terms_cell(e, langs[k], &cell) || csv_field(out, glossa__buf_str(&cell), 0);
            for (j = 0; j < e->n_terms; j++)
                if (strcmp(e->terms[j].lang, langs[k]) == 0 && r->stats &&
                    status_rank(e->terms[j].status) < 2)
                    r->stats->terms++;
        }
        for (k = 0; k < n_langs && !rc; k++) {
            if (!has_def[k])
                continue;
            glossa__buf_clear(&cell);
            for (j = 0; j < e->n_defs && !rc; j++) {
                if (strcmp(e->defs[j].lang, langs[k]) != 0)
                    continue;
                rc = glossa__buf_addf(&cell, "%s%s", cell.len ? "\n" : "", e->defs[j].text);
                if (r->stats)
                    r->stats->definitions++;
            }
            rc = rc || glossa__buf_adds(&cell, "") || csv_field(out, glossa__buf_str(&cell), 0);
        }
        if (national && !rc)
            rc = glossa__buf_adds(out, ",,,");
        rc = rc || glossa__buf_add(out, "\r\n", 2) ||
             (national && national_rows(tb, e, langs, n_langs, n_defs, r, out));
        rows++;
        if (r->stats)
            r->stats->concepts++;
    }
    glossa__buf_release(&cell);
    if (rc)
        return GLOSSA_ENOMEM;
    return rows ? 0 : GLOSSA_ENOTFOUND;
}

/* ---- OmegaT ---------------------------------------------------------------------------- */

/* A field of a tab-separated line: tabs and line breaks become spaces. */
static int tsv_field(struct glossa_buf *out, const char *s)
{
    int rc = 0;
    for (; *s && !rc; s++)
        rc = glossa__buf_add(out, *s == '\t' || *s == '\n' || *s == '\r' ? " " : s, 1);
    return rc;
}

/* The target: a term of the --to language, its exact tag first, preferred
** before admitted; NULL when there is none. */
static const struct tei_term *best_target(const struct tei_entry *e, const char *to)
{
    const struct tei_term *best = NULL;
    int best_score = 99;
    size_t i;
    for (i = 0; i < e->n_terms; i++) {
        const struct tei_term *t = &e->terms[i];
        int score;
        if (!glossa__lang_matches(t->lang, to) || status_rank(t->status) == 2)
            continue;
        score = status_rank(t->status) + (strcmp(t->lang, to) == 0 ? 0 : 2);
        if (score < best_score) {
            best_score = score;
            best = t;
        }
    }
    return best;
}

/* The preferred term of the source term's language, to name in a comment. */
static const struct tei_term *preferred_of(const struct tei_entry *e, const char *lang)
{
    size_t i;
    for (i = 0; i < e->n_terms; i++)
        if (strcmp(e->terms[i].lang, lang) == 0 && status_rank(e->terms[i].status) == 0)
            return &e->terms[i];
    return NULL;
}

static int omegat_comment(struct glossa_buf *c, const struct tei_entry *e,
                          const struct tei_term *src, const struct tei_term *target,
                          const char *to)
{
    size_t i;
    int rc = glossa__buf_adds(c, e->id), also = 0;
    if (!rc && strcmp(src->status, "deprecated") == 0) {
        const struct tei_term *p = preferred_of(e, src->lang);
        rc = p ? glossa__buf_addf(c, "; deprecated source term, use «%s»", p->text)
               : glossa__buf_adds(c, "; deprecated source term");
    }
    if (!rc && e->reliability == 1)
        rc = glossa__buf_adds(c, "; not verified (reliability 1)");
    if (!rc && strcmp(target->lang, to) != 0)
        rc = glossa__buf_addf(c, "; target in %s", target->lang);
    if (!rc && target->working)
        rc = glossa__buf_adds(c, "; working translation");
    else if (!rc && target->basis && strcmp(target->basis, "reconstruction") == 0)
        rc = glossa__buf_adds(c, "; reconstruction, not verified");
    for (i = 0; i < e->n_terms && !rc; i++) {
        const struct tei_term *t = &e->terms[i];
        if (t == target || strcmp(t->lang, target->lang) != 0 || status_rank(t->status) == 2)
            continue;
        rc = glossa__buf_addf(c, "%s%s", also++ ? ", " : "; also: ", t->text);
    }
    return rc;
}

/* source TAB target TAB comment */
static int omegat_line(struct glossa_buf *out, const char *src, const char *target,
                       struct glossa_buf *comment)
{
    return tsv_field(out, src) || glossa__buf_add(out, "\t", 1) || tsv_field(out, target) ||
           glossa__buf_add(out, "\t", 1) || tsv_field(out, glossa__buf_str(comment)) ||
           glossa__buf_add(out, "\n", 1);
}

int glossa__write_omegat(struct glossa_tb *tb, const glossa_export_opts *opts,
                         struct xc_report *r, struct glossa_buf *out)
{
    struct glossa_buf comment = GLOSSA_BUF_INIT;
    const char *from = opts->from ? opts->from : "ru", *to = opts->to;
    const struct tb_legal *nat;
    size_t i, j, n_nat, lines = 0;
    int rc = 0;

    while (*to == ' ')
        to++;
    for (i = 0; i < tb->n_entries && !rc; i++) {
        const struct tei_entry *e = &tb->entries[i];
        const struct tei_term *target = best_target(e, to);
        int wrote = 0;
        if (!target)
            continue;
        for (j = 0; j < e->n_terms && !rc; j++) {
            const struct tei_term *src = &e->terms[j];
            if (!glossa__lang_in_list(src->lang, from) || src == target)
                continue;
            glossa__buf_clear(&comment);
            rc = omegat_comment(&comment, e, src, target, to) ||
                 omegat_line(out, src->text, target->text, &comment);
            lines++;
            wrote = 1;
            if (r->stats)
                r->stats->terms++;
        }
        /* the terms national acts define, in the source language */
        nat = glossa__tb_legal(tb, e->id, &n_nat);
        for (j = 0; j < n_nat && !rc; j++) {
            const glossa_legal *l = &nat[j].l;
            if (!glossa__lang_in_list(l->lang, from))
                continue;
            glossa__buf_clear(&comment);
            rc = glossa__buf_addf(&comment, "%s; term of a national act, ", e->id) ||
                 glossa__xc_legal_note(l, &comment) ||
                 omegat_line(out, l->term, target->text, &comment);
            lines++;
            wrote = 1;
            if (r->stats)
                r->stats->national++;
        }
        if (wrote && r->stats)
            r->stats->concepts++;
    }
    glossa__buf_release(&comment);
    if (rc)
        return GLOSSA_ENOMEM;
    return lines ? 0 : GLOSSA_ENOTFOUND;
}
