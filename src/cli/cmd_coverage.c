/*
** cmd_coverage.c — `glossa coverage`: the coverage matrix of the study of
** national legislation (plan item 1.2): which member state's acts define
** which annex concept, statement concept or notion, the gaps per state, as
** aligned text, JSON, or the study's review document (Markdown, HTML, DOCX in
** Russian, Chinese or English: study_doc.c). write_study_doc is also how
** `glossa laws --format html` and `glossa compare --format` write theirs.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

enum { COV_TEXT, COV_JSON, COV_MD, COV_HTML, COV_DOCX };

struct coverage_args {
    const char *state, *output;
    int lang;   /* index in langs[] */
    int format; /* COV_* */
};

static const struct cli_option options[] = {
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_TEXT(coverage_args, state, "state", 's', "CC", "only this member state's column (ISO 3166 alpha-2, any case)"),
    CLI_OPT_ENUM(coverage_args, lang, "lang", 'l', "LANG", "en|ru|zh", "the language of the document and of the concepts' labels"),
    CLI_OPT_ENUM(coverage_args, format, "format", 0, "FORMAT", "text|json|md|html|docx", NULL),
    CLI_OPT_OUTPUT(coverage_args, "the document "),
    CLI_OPT_COLOR,
};

static const char *const langs[] = { "en", "ru", "zh" }; /* --lang, in its order */
static const struct coverage_args defaults = { NULL, NULL, 0, COV_TEXT };

int write_study_doc(const struct cli_args *args, const glossa_study *study, const glossa_hit *hit,
                    const glossa_states *states, const glossa_study_opts *o, const char *output)
{
    glossa_error err;
    char *doc = NULL;
    size_t len = 0;
    int rc;

    if (out_doc_refused(&args->out, o->format, output))
        return EXIT_ERR;
    if (hit ? glossa_compare_render(hit, states, o, &doc, &len, &err)
            : glossa_study_render(study, states, o, &doc, &len, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    rc = out_write_file(&args->out, output, doc, len) ? EXIT_ERR : EXIT_OK_;
    glossa_free(doc);
    return rc;
}

int study_states(const struct cli_args *args, const char *state, glossa_states **states)
{
    glossa_error err;
    *states = NULL;
    if (load_states(states, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    if (state && !glossa_states_find(*states, state)) {
        out_message(&args->out, "--state '%s' is not a member state (%s)", state,
                    glossa_states_codes(*states));
        return EXIT_ERR;
    }
    return EXIT_OK_;
}

int study_load(const struct cli_args *args, const char *state, const char *lang,
               glossa_states **states, glossa_study **study)
{
    glossa_error err;
    *study = NULL;
    if (study_states(args, state, states))
        return EXIT_ERR;
    if (glossa_study_load(args->db, lang, study, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    return EXIT_OK_;
}

static int wanted(const struct coverage_args *a, const glossa_state *s)
{
    return !a->state || strcasecmp(a->state, s->code) == 0;
}

/* The closest relation the state's acts have to the row's notion, as a
** mark ('=' the same, '<' narrower, '>' broader, '~' related), or '.'. */
static char mark_of(const glossa_study_row *r, const char *state)
{
    static const char order[] = "=<>~";
    char best = '.';
    size_t i;
    for (i = 0; i < r->n_links; i++) {
        char m = glossa_relation_mark(r->links[i].relation)[0];
        if (strcasecmp(r->links[i].state, state) == 0 &&
            (best == '.' || strchr(order, m) < strchr(order, best)))
            best = m;
    }
    return best;
}

/* s cut to at most max display columns, with "…" where it was cut. */
static void fit(char *dst, size_t size, const char *s, size_t max)
{
    size_t n = 0;
    snprintf(dst, size, "%s", s);
    if (out_width(dst) <= max)
        return;
    while (dst[n]) {
        size_t next = n + 1;
        char keep;
        while ((dst[next] & 0xC0) == 0x80)
            next++;
        keep = dst[next];
        dst[next] = '\0';
        if (out_width(dst) > max - 1) {
            dst[next] = keep;
            break;
        }
        dst[next] = keep;
        n = next;
    }
    snprintf(dst + n, size - n, "…");
}

#define LABEL_COLS 44

static void print_rows(FILE *f, const struct cli_out *out, const glossa_states *states,
                       const glossa_study_row *rows, size_t n, const char *kind,
                       const char *heading, const struct coverage_args *a)
{
    const char *b = out_color(out, 0, BOLD), *r = out_color(out, 0, RESET);
    size_t i, j, k, shown = 0;
    char label[320], full[300];

    for (i = 0; i < n; i++) {
        if (strcmp(rows[i].kind, kind) != 0 || !glossa_study_row_shown(&rows[i], a->state))
            continue;
        if (!shown++) {
            fputs(b, f);
            out_printf(f, "\n%-*s", LABEL_COLS + 2, heading);
            for (j = 0; j < glossa_states_count(states); j++)
                if (wanted(a, glossa_states_get(states, j)))
                    out_printf(f, " %s", glossa_states_get(states, j)->code);
            fprintf(f, "%s\n", r);
        }
        snprintf(full, sizeof full, "%s%s%s%s", rows[i].n ? rows[i].n : "",
                 rows[i].n ? ". " : "", rows[i].label, rows[i].working && !rows[i].n &&
                 strcmp(kind, "notion") == 0 ? " *" : "");
        fit(label, sizeof label, full, LABEL_COLS);
        out_printf(f, "  %-*s", LABEL_COLS, label);
        for (j = 0, k = 0; j < glossa_states_count(states); j++) {
            const glossa_state *s = glossa_states_get(states, j);
            if (wanted(a, s)) /* under the first letter of the code */
                out_printf(f, k++ ? "  %c" : " %c", mark_of(&rows[i], s->code));
        }
        fputc('\n', f);
    }
}

static size_t annex_defined(const glossa_study_row *rows, size_t n, const char *state,
                            size_t *total)
{
    size_t i, defined = 0;
    *total = 0;
    for (i = 0; i < n; i++)
        if (strcmp(rows[i].kind, "annex") == 0) {
            ++*total;
            defined += mark_of(&rows[i], state) != '.';
        }
    return defined;
}

static void print_text(FILE *f, const struct cli_out *out, const glossa_states *states,
                       const glossa_study *study, const struct coverage_args *a)
{
    const char *b = out_color(out, 0, BOLD), *d = out_color(out, 0, DIM),
               *r = out_color(out, 0, RESET);
    const glossa_study_row *rows;
    size_t n = glossa_study_rows(study, &rows), i, j;

    fputs(b, f);
    out_printf(f, "Study of national legislation: which state's acts define which notion\n");
    fputs(r, f);
    fputs(d, f);
    out_printf(f, "= the same notion  < narrower  > broader  ~ related  . none found"
                  "  (* glossa's working label)\n");
    fputs(r, f);
    print_rows(f, out, states, rows, n, "annex", "Concepts of annex 1", a);
    print_rows(f, out, states, rows, n, "statement", "Concepts of the SCO statements", a);
    print_rows(f, out, states, rows, n, "notion", "Notions the term base lacks", a);
    fputs(b, f);
    out_printf(f, "\nGaps by state\n");
    fputs(r, f);
    for (j = 0; j < glossa_states_count(states); j++) {
        const glossa_state *s = glossa_states_get(states, j);
        size_t total, defined, k = 0;
        if (!wanted(a, s))
            continue;
        defined = annex_defined(rows, n, s->code, &total);
        out_printf(f, "  %s  %zu of %zu annex concepts defined", s->code, defined, total);
        for (i = 0; i < n; i++)
            if (strcmp(rows[i].kind, "annex") == 0 && mark_of(&rows[i], s->code) == '.')
                out_printf(f, "%s%s", k++ ? ", " : "; none found of items: ", rows[i].n);
        fputc('\n', f);
    }
    fputs(d, f);
    out_printf(f, "\nglossa compare ID: the definitions of a row; glossa laws: the acts\n");
    fputs(r, f);
}

static void print_links_json(FILE *f, const glossa_study_row *row, const char *state)
{
    size_t i, n = 0;
    for (i = 0; i < row->n_links; i++) {
        const glossa_study_link *k = &row->links[i];
        if (strcmp(k->state, state) != 0)
            continue;
        fputs(n++ ? ",{\"act\":" : "{\"act\":", f);
        out_json_string(f, k->act_id);
        out_json_field(f, "number", k->act_number);
        fputs(",\"relation\":", f);
        out_json_string(f, k->relation);
        fputs(",\"term\":", f);
        out_json_string(f, k->term);
        fputs(",\"lang\":", f);
        out_json_string(f, k->lang);
        fprintf(f, ",\"definitions\":%zu}", k->definitions);
    }
}

static void print_json(FILE *f, const glossa_states *states, const glossa_study *study,
                       const struct coverage_args *a)
{
    const glossa_study_row *rows;
    size_t n = glossa_study_rows(study, &rows), i, j, k;

    fputs("{\"states\":[", f);
    for (j = 0, k = 0; j < glossa_states_count(states); j++)
        if (wanted(a, glossa_states_get(states, j))) {
            fputs(k++ ? "," : "", f);
            out_json_string(f, glossa_states_get(states, j)->code);
        }
    fputs("],\"rows\":[", f);
    for (i = 0, k = 0; i < n; i++) {
        const glossa_study_row *row = &rows[i];
        size_t m = 0;
        if (!glossa_study_row_shown(row, a->state))
            continue;
        fputs(k++ ? ",{\"id\":" : "{\"id\":", f);
        out_json_string(f, row->id);
        fputs(",\"kind\":", f);
        out_json_string(f, row->kind);
        out_json_field(f, "n", row->n);
        fputs(",\"label\":", f);
        out_json_string(f, row->label);
        fprintf(f, ",\"working\":%s,\"defined_by\":%zu,\"states\":{", row->working ? "true" : "false",
                row->states);
        for (j = 0; j < glossa_states_count(states); j++) {
            const glossa_state *s = glossa_states_get(states, j);
            if (!wanted(a, s) || mark_of(row, s->code) == '.')
                continue;
            fputs(m++ ? "," : "", f);
            out_json_string(f, s->code);
            fputs(":[", f);
            print_links_json(f, row, s->code);
            fputc(']', f);
        }
        fputs("},\"missing\":[", f);
        for (j = 0, m = 0; j < glossa_states_count(states); j++) {
            const glossa_state *s = glossa_states_get(states, j);
            if (wanted(a, s) && mark_of(row, s->code) == '.') {
                fputs(m++ ? "," : "", f);
                out_json_string(f, s->code);
            }
        }
        fputs("]}", f);
    }
    fputs("],\"gaps\":[", f);
    for (j = 0, k = 0; j < glossa_states_count(states); j++) {
        const glossa_state *s = glossa_states_get(states, j);
        size_t total, defined, m = 0;
        if (!wanted(a, s))
            continue;
        defined = annex_defined(rows, n, s->code, &total);
        fputs(k++ ? ",{\"state\":" : "{\"state\":", f);
        out_json_string(f, s->code);
        fprintf(f, ",\"annex_defined\":%zu,\"annex_total\":%zu,\"annex_missing\":[", defined,
                total);
        for (i = 0; i < n; i++)
            if (strcmp(rows[i].kind, "annex") == 0 && mark_of(&rows[i], s->code) == '.') {
                fputs(m++ ? "," : "", f);
                out_json_string(f, rows[i].id);
            }
        fputs("]}", f);
    }
    fputs("]}\n", f);
}

static int run_coverage(const struct cli_command *self, struct cli_args *args)
{
    static const glossa_doc_format doc_format[] = { GLOSSA_FORMAT_MD, GLOSSA_FORMAT_MD,
                                                    GLOSSA_FORMAT_MD, GLOSSA_FORMAT_HTML,
                                                    GLOSSA_FORMAT_DOCX };
    const struct coverage_args *a = args->opts;
    const char *lang = langs[a->lang];
    glossa_states *states = NULL;
    glossa_study *study = NULL;
    int rc = EXIT_ERR;

    if (args->n_positional != 0) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (a->output && a->format < COV_MD) {
        out_message(&args->out, "-o writes the document: give --format md, html or docx");
        return EXIT_ERR;
    }
    if (study_load(args, a->state, lang, &states, &study))
        goto out;
    if (a->format >= COV_MD) {
        glossa_study_opts o = GLOSSA_STUDY_OPTS_INIT;
        o.part = GLOSSA_STUDY_COVERAGE;
        o.state = a->state;
        o.lang = lang;
        o.format = doc_format[a->format];
        rc = write_study_doc(args, study, NULL, states, &o, a->output);
        goto out;
    }
    if (a->format == COV_JSON)
        print_json(stdout, states, study, a);
    else
        print_text(stdout, &args->out, states, study, a);
    rc = EXIT_OK_;
out:
    glossa_study_free(study);
    glossa_states_free(states);
    return rc;
}

const struct cli_command cmd_coverage_spec = {
    "coverage", run_coverage, "the study's coverage matrix: which state's acts define which notion",
    "coverage [--db PATH] [--state CC] [--lang en|ru|zh] [--format text|json|md|html|docx] [-o FILE]",
    options, sizeof options / sizeof options[0],
    "The coverage matrix of the study of national legislation (plan item 1.2):\n"
    "every concept of annex 1, then the concepts of the SCO statements and the\n"
    "notions the term base lacks (glossary/national/notions.xml) that a member\n"
    "state's act defines (by the number of states), against every member state:\n"
    "= the act defines the same notion, < a narrower one, > a broader one,\n"
    "~ a related one, . the study found no definition (a gap). Then, per state,\n"
    "how many annex concepts its acts define and which they do not.\n"
    "--format md|html|docx writes the study's review document (\"Обзор\n"
    "национального законодательства\", 国家立法研究, in --lang): the matrices with the\n"
    "acts in each cell, the gaps per state, and the acts studied with their\n"
    "editions and the pages they were read at; DOCX goes to -o FILE.\n"
    "--format json: {\"states\":[…],\"rows\":[{\"id\",\"kind\":\"annex|statement|notion\",\n"
    "\"n\",\"label\",\"working\",\"defined_by\",\"states\":{\"CC\":[{\"act\",\"number\",\n"
    "\"relation\",\"term\",\"lang\",\"definitions\"}]},\"missing\":[…]}],\"gaps\":[{\"state\",\n"
    "\"annex_defined\",\"annex_total\",\"annex_missing\":[…]}]}.\n"
    "Exit status: 0 shown, 2 error.",
    "  glossa coverage\n"
    "  glossa coverage --state KZ --format json\n"
    "  glossa coverage --lang ru --format docx -o obzor.docx\n"
    "  glossa coverage --lang zh --format html -o study-zh.html\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct coverage_args, &defaults),
};
