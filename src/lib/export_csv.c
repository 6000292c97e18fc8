/*
** export_csv.c — the term base as tables for CAT tools:
**
** CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break
** quoted, quotes doubled), as memoQ and Trados MultiTerm import a term base:
** a header row, then one row per concept. The columns: "id"; one per
** language, named by its code (the terms: preferred first, then admitted,
** then the others, deprecated ones too, a line each: glossa's text never
** holds a line break, the loader folds white space, so a line is a term and
** a synonym with "; " in it stays one); for each language "LANG status"
** (preferred, admitted, "deprecated: do not use"), "LANG wording"
** (reconstruction, not verified; working translation; empty for an official
** text) and "LANG source" (the term's own source), a line each in the order
** of the terms; for each language that has definitions "definition (LANG)"
** with its "wording" and "source" (a line per definition); then the
** concept's "reliability" ("1 (NOT VERIFIED)") and "source". A field a
** spreadsheet would run as a formula (it starts with = + - @ TAB or CR)
** gets a leading ' (OWASP's advice on CSV injection): read a field that
** starts with ' and one of those characters without the '.
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

/* A field by RFC 4180; a field a spreadsheet would run as a formula (one
** that starts with = + - @ TAB or CR) gets a leading ' as OWASP recommends
** ("CSV injection"), which a spreadsheet shows as text and does not keep. */
static int csv_field(struct glossa_buf *out, const char *s, int first)
{
    int formula = *s && strchr("=+-@\t\r", *s) != NULL;
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL ||
                (*s && (s[0] == ' ' || s[strlen(s) - 1] == ' '));
    int rc = first ? 0 : glossa__buf_add(out, ",", 1);
    if (!quote)
        return rc || glossa__buf_adds(out, s) ? GLOSSA_ENOMEM : 0;
    rc = rc || glossa__buf_add(out, "\"", 1) || (formula && glossa__buf_add(out, "'", 1));
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

/* What a cell of a language holds, a line per term or per definition. */
enum csv_part { CSV_TEXT, CSV_STATUS, CSV_WORDING, CSV_SOURCE };

static const char *term_part(struct glossa_tb *tb, const struct tei_term *t, enum csv_part part)
{
    const struct tei_bibl *b;
    switch (part) {
    case CSV_TEXT: return t->text;
    case CSV_STATUS: return status_rank(t->status) == 2 && strcmp(t->status, "deprecated") == 0
                                ? "deprecated: do not use" : t->status;
    case CSV_WORDING: return glossa_basis_note(t->basis) ? glossa_basis_note(t->basis) : "";
    default: return (b = glossa__tb_bibl(tb, t->source)) != NULL ? b->citation : "";
    }
}

static const char *def_part(struct glossa_tb *tb, const struct tei_def *d, enum csv_part part)
{
    const struct tei_bibl *b;
    switch (part) {
    case CSV_TEXT: return d->text;
    case CSV_WORDING: return glossa_basis_note(d->basis) ? glossa_basis_note(d->basis) : "";
    default: return (b = glossa__tb_bibl(tb, d->source)) != NULL ? b->citation : "";
    }
}

/* One part of the terms of a language, a line per term (preferred, then
** admitted, then the others: deprecated ones too, marked so in their
** status), or of its definitions. Line breaks cannot occur in glossa's
** text (the loader folds white space), so a line is a term. */
static int lang_cell(struct glossa_tb *tb, const struct tei_entry *e, const char *lang,
                     int defs, enum csv_part part, struct glossa_buf *cell)
{
    int rank, rc = 0;
    size_t i, lines = 0;
    glossa__buf_clear(cell);
    for (i = 0; defs && i < e->n_defs && !rc; i++)
        if (strcmp(e->defs[i].lang, lang) == 0)
            rc = glossa__buf_addf(cell, "%s%s", lines++ ? "\n" : "", def_part(tb, &e->defs[i], part));
    for (rank = 0; !defs && rank < 3; rank++)
        for (i = 0; i < e->n_terms && !rc; i++)
            if (strcmp(e->terms[i].lang, lang) == 0 && status_rank(e->terms[i].status) == rank)
                rc = glossa__buf_addf(cell, "%s%s", lines++ ? "\n" : "",
                                      term_part(tb, &e->terms[i], part));
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
** glossa's); the n_other columns after the terms' are empty. */
static int national_rows(struct glossa_tb *tb, const struct tei_entry *e, const char *const *langs,
                         size_t n_langs, size_t n_other, struct xc_report *r,
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
        for (k = 0; k < n_langs + n_other && !rc; k++)
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

static const char *const term_columns[] = { NULL, "status", "wording", "source" };
static const char *const def_columns[] = { NULL, NULL, "wording", "source" };

/* The header: id, a column per language (its code, as memoQ and Trados
** name a language column), then for each language its terms' status,
** wording and source, then the definitions with their wording and source,
** reliability and source of the concept, and the national columns. */
static int csv_header(const char *const *langs, size_t n_langs, const char *has_def,
                      int national, struct glossa_buf *out)
{
    size_t k;
    int part, rc = csv_field(out, "id", 1);
    for (k = 0; k < n_langs && !rc; k++)
        rc = csv_field(out, langs[k], 0);
    for (k = 0; k < n_langs && !rc; k++)
        for (part = CSV_STATUS; part <= CSV_SOURCE && !rc; part++)
            rc = glossa__buf_addf(out, ",%s %s", langs[k], term_columns[part]);
    for (k = 0; k < n_langs && !rc; k++)
        for (part = CSV_TEXT; has_def[k] && part <= CSV_SOURCE && !rc; part++)
            if (part == CSV_TEXT || def_columns[part])
                rc = glossa__buf_addf(out, ",definition (%s)%s%s", langs[k],
                                      part == CSV_TEXT ? "" : " ",
                                      part == CSV_TEXT ? "" : def_columns[part]);
    rc = rc || glossa__buf_adds(out, ",reliability,source");
    if (national && !rc)
        rc = glossa__buf_adds(out, ",state,national definition,national law");
    return rc || glossa__buf_add(out, "\r\n", 2) ? GLOSSA_ENOMEM : 0;
}

/* A concept's row. */
static int csv_row(struct glossa_tb *tb, const struct tei_entry *e, const char *const *langs,
                   size_t n_langs, const char *has_def, int national, struct xc_report *r,
                   struct glossa_buf *cell, struct glossa_buf *out)
{
    const struct tei_bibl *b = glossa__tb_bibl(tb, e->source);
    size_t j, k;
    int part, rc = csv_field(out, e->id, 1);
    for (k = 0; k < n_langs * 4 && !rc; k++) { /* the terms, then status, wording, source */
        part = k < n_langs ? CSV_TEXT : (int)((k - n_langs) % 3) + CSV_STATUS;
        rc = lang_cell(tb, e, langs[k < n_langs ? k : (k - n_langs) / 3], 0,
                       (enum csv_part)part, cell) ||
             csv_field(out, glossa__buf_str(cell), 0);
    }
    for (k = 0; k < n_langs && !rc; k++)
        for (part = CSV_TEXT; has_def[k] && part <= CSV_SOURCE && !rc; part++)
            if (part == CSV_TEXT || def_columns[part])
                rc = lang_cell(tb, e, langs[k], 1, (enum csv_part)part, cell) ||
                     csv_field(out, glossa__buf_str(cell), 0);
    glossa__buf_clear(cell);
    rc = rc || glossa__buf_addf(cell, "%d (%s)", e->reliability,
                                glossa_reliability_label(e->reliability)) ||
         csv_field(out, glossa__buf_str(cell), 0) || csv_field(out, b ? b->citation : "", 0);
    if (national && !rc)
        rc = glossa__buf_adds(out, ",,,");
    for (j = 0; j < e->n_terms && r->stats; j++)
        r->stats->terms += column_of(langs, n_langs, e->terms[j].lang) < n_langs;
    for (j = 0; j < e->n_defs && r->stats; j++)
        r->stats->definitions += column_of(langs, n_langs, e->defs[j].lang) < n_langs;
    if (r->stats)
        r->stats->concepts++;
    return rc || glossa__buf_add(out, "\r\n", 2) ? GLOSSA_ENOMEM : 0;
}

int glossa__write_csv(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out)
{
    struct glossa_buf cell = GLOSSA_BUF_INIT;
    const char **langs;
    char *has_def;
    size_t n_langs, n_other, i, j, k, rows = 0;
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
    n_other = 3 * n_langs + 2; /* status, wording, source; reliability, source */
    for (k = 0; k < n_langs; k++)
        n_other += has_def[k] ? 3 : 0;
    /* the national columns when a row of national law is written */
    for (i = 0; i < tb->n_legal && !national; i++) {
        const struct tei_entry *e = glossa__tb_find(tb, tb->legal[i].l.target);
        national = e && has_row(e, langs, n_langs) &&
                   column_of(langs, n_langs, tb->legal[i].l.lang) < n_langs;
    }
    rc = csv_header(langs, n_langs, has_def, national, out);
    for (i = 0; i < tb->n_entries && !rc; i++) {
        const struct tei_entry *e = &tb->entries[i];
        if (!has_row(e, langs, n_langs))
            continue;
        rc = csv_row(tb, e, langs, n_langs, has_def, national, r, &cell, out) ||
             (national && national_rows(tb, e, langs, n_langs, n_other, r, out));
        rows++;
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
