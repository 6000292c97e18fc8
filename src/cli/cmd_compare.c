/*
** cmd_compare.c — `glossa compare`: one notion's definitions side by side:
** the annex's (or a statement's) and each member state's legal definitions
** of it, with how each relates and where it is in its act, and the states
** whose acts the study found none in (the study of national legislation,
** plan item 1.2).
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

enum { CMP_TEXT, CMP_JSON, CMP_MD, CMP_HTML, CMP_DOCX };

struct compare_args {
    const char *lang, *state, *output;
    int format;   /* CMP_* */
    int doc_lang; /* index in doc_langs[] */
};

static const char *const doc_langs[] = { "en", "ru", "zh" }; /* --doc-lang, in its order */

static const struct cli_option options[] = {
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_LIST(compare_args, lang, "lang", 'l', "LANG,...", "only definitions in these languages (default: all)"),
    CLI_OPT_TEXT(compare_args, state, "state", 's', "CC", "only this member state's definitions (ISO 3166 alpha-2, any case)"),
    CLI_OPT_ENUM(compare_args, format, "format", 0, "FORMAT", "text|json|md|html|docx", NULL),
    CLI_OPT_ENUM(compare_args, doc_lang, "doc-lang", 0, "LANG", "en|ru|zh", "the language of the md, html or docx document"),
    CLI_OPT_OUTPUT(compare_args, "the document "),
    CLI_OPT_COLOR,
};

static int wanted(const struct compare_args *a, const char *lang, const char *state)
{
    return (!a->lang || glossa_lang_in_list(lang, a->lang)) &&
           (!state || !a->state || strcasecmp(state, a->state) == 0);
}

/* 1 when s is asked for and none of its definitions relate to the notion. */
static int missing(const glossa_hit *h, const glossa_state *s, const struct compare_args *a)
{
    size_t j;
    if (a->state && strcasecmp(s->code, a->state) != 0)
        return 0;
    for (j = 0; j < h->n_legal; j++)
        if (strcmp(h->legal[j].state, s->code) == 0)
            return 0;
    return 1;
}

/* The member states none of whose definitions relate to the notion. */
static void print_gaps(FILE *f, const glossa_hit *h, const glossa_states *states,
                       const struct compare_args *a)
{
    size_t i, n = 0;
    for (i = 0; states && i < glossa_states_count(states); i++) {
        const glossa_state *s = glossa_states_get(states, i);
        if (missing(h, s, a)) {
            if (!n++)
                fputs("\nno definition found in the study for: ", f);
            else
                fputs(", ", f);
            out_printf(f, "%s", s->code);
        }
    }
    if (n)
        fputc('\n', f);
}

static void print_text(FILE *f, const struct cli_out *out, const glossa_hit *h,
                       const glossa_states *states, const struct compare_args *a)
{
    const char *b = out_color(out, 0, BOLD), *d = out_color(out, 0, DIM),
               *r = out_color(out, 0, RESET);
    size_t j;

    fputs(b, f);
    out_printf(f, "%s", h->id);
    fprintf(f, "%s  %s", r, d);
    out_printf(f, "%s", render_status_text(h->status));
    fprintf(f, "%s\n", r);
    for (j = 0; j < h->n_terms; j++)
        if (strcmp(h->terms[j].status ? h->terms[j].status : "", "preferred") == 0 ||
            h->n_terms == 1) {
            out_printf(f, "  %s: %s", h->terms[j].lang, h->terms[j].text);
            fputs(h->terms[j].working && strcmp(h->status, "notion") == 0 ? " (glossa's label)\n"
                                                                          : "\n", f);
            if (j >= 2)
                break;
        }
    for (j = 0; j < h->n_definitions; j++) {
        const glossa_definition *def = &h->definitions[j];
        char *src;
        if (!wanted(a, def->lang, NULL))
            continue;
        src = render_source(def);
        fprintf(f, "\n%s", b);
        out_printf(f, "%s %s", h->annex ? "annex" : "definition", def->lang);
        fprintf(f, "%s\n  ", r);
        out_wrapped(f, out, def->text, 2, 2);
        fprintf(f, "  %s", d);
        out_wrapped(f, out, src ? src : "", 2, 2);
        fputs(r, f);
        free(src);
    }
    for (j = 0; j < h->n_legal; j++) {
        const glossa_legal *l = &h->legal[j];
        char *act;
        if (!wanted(a, l->lang, l->state))
            continue;
        act = glossa_legal_cite(l);
        fprintf(f, "\n%s", b);
        out_printf(f, "%s %s  %s", l->state, l->lang, l->term);
        fprintf(f, "%s  %s", r, d);
        out_printf(f, "%s, reliability %d of 4", glossa_relation_label(l->relation),
                   l->reliability);
        fprintf(f, "%s\n  ", r);
        out_wrapped(f, out, l->text, 2, 2);
        fputs(d, f);
        fputs("  ", f);
        out_wrapped(f, out, act ? act : "", 2, 2);
        if (l->translation) {
            fputs("  ", f);
            out_wrapped(f, out, l->translation, 2, 2);
        } else {
            out_printf(f, "  the act's own text\n");
        }
        if (l->version)
            out_printf(f, "  edition of %s\n", l->version);
        out_printf(f, "  read at %s\n", l->url);
        fputs(r, f);
        glossa_free(act);
    }
    print_gaps(f, h, states, a);
}

static void print_json(FILE *f, const glossa_hit *h, const glossa_states *states,
                       const struct compare_args *a)
{
    size_t i, j, n = 0;
    fputs("{\"concept\":", f);
    out_json_string(f, h->id);
    fputs(",\"kind\":", f);
    out_json_string(f, strcmp(h->status, "notion") == 0 ? "notion" : "concept");
    fputs(",\"label\":", f);
    out_json_string(f, h->n_terms ? h->terms[0].text : h->id);
    fputs(",\"annex\":{", f);
    if (h->instrument) {
        fputs("\"instrument\":", f);
        out_json_string(f, h->instrument);
        fputc(',', f);
    }
    fputs("\"definitions\":[", f);
    for (j = 0; j < h->n_definitions; j++) {
        const glossa_definition *d = &h->definitions[j];
        if (!wanted(a, d->lang, NULL))
            continue;
        fprintf(f, "%s{\"lang\":", n++ ? "," : "");
        out_json_string(f, d->lang);
        fputs(",\"text\":", f);
        out_json_string(f, d->text);
        fputs(",\"basis\":", f);
        out_json_string(f, d->basis);
        fputs(",\"source\":", f);
        out_json_string(f, d->source);
        fputc('}', f);
    }
    fputs("]},\"national\":[", f);
    for (j = 0, n = 0; j < h->n_legal; j++) {
        if (!wanted(a, h->legal[j].lang, h->legal[j].state))
            continue;
        if (n++)
            fputc(',', f);
        render_legal_json(f, &h->legal[j]);
    }
    fputs("],\"missing\":[", f);
    for (i = 0, n = 0; states && i < glossa_states_count(states); i++) {
        const glossa_state *s = glossa_states_get(states, i);
        if (missing(h, s, a)) {
            if (n++)
                fputc(',', f);
            out_json_string(f, s->code);
        }
    }
    fputs("]}\n", f);
}

/* The side-by-side document (md, html, docx) to -o FILE or standard output. */
static int write_compare_doc(const struct cli_args *args, const glossa_hit *h,
                             const glossa_states *states, const struct compare_args *a)
{
    static const glossa_doc_format format[] = { GLOSSA_FORMAT_MD, GLOSSA_FORMAT_MD,
                                                GLOSSA_FORMAT_MD, GLOSSA_FORMAT_HTML,
                                                GLOSSA_FORMAT_DOCX };
    glossa_study_opts o = GLOSSA_STUDY_OPTS_INIT;
    o.lang = doc_langs[a->doc_lang];
    o.state = a->state;
    o.langs = a->lang;
    o.format = format[a->format];
    return write_study_doc(args, NULL, h, states, &o, a->output);
}

static int run_compare(const struct cli_command *self, struct cli_args *args)
{
    const struct compare_args *a = args->opts;
    glossa_results *res = NULL;
    glossa_states *states = NULL;
    glossa_error err;
    int rc;

    if (args->n_positional != 1) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (a->output && a->format < CMP_MD) {
        out_message(&args->out, "-o writes the document: give --format md, html or docx");
        return EXIT_ERR;
    }
    if (study_states(args, a->state, &states)) {
        glossa_states_free(states);
        return EXIT_ERR;
    }
    rc = glossa_concept(args->db, args->positional[0], NULL, &res, &err);
    if (rc == GLOSSA_ENOTFOUND)
        rc = glossa_notion(args->db, args->positional[0], &res, &err);
    if (rc) {
        out_error(&args->out, &err);
        glossa_states_free(states);
        return rc == GLOSSA_ENOTFOUND ? EXIT_NONE : EXIT_ERR;
    }
    if (a->format >= CMP_MD) {
        rc = write_compare_doc(args, glossa_results_get(res, 0), states, a);
        glossa_results_free(res);
        glossa_states_free(states);
        return rc;
    }
    if (a->format == CMP_JSON)
        print_json(stdout, glossa_results_get(res, 0), states, a);
    else
        print_text(stdout, &args->out, glossa_results_get(res, 0), states, a);
    glossa_results_free(res);
    glossa_states_free(states);
    return EXIT_OK_;
}

const struct cli_command cmd_compare_spec = {
    "compare", run_compare, "one notion's definitions side by side: the annex's and each state's laws'",
    "compare [--db PATH] [--lang LANG,...] [--state CC] [--format text|json|md|html|docx]\n"
    "                      [--doc-lang en|ru|zh] [-o FILE] ID",
    options, sizeof options / sizeof options[0],
    "Show the definitions of the concept or notion ID side by side: the annex's\n"
    "(or the statement's) and every definition of a member state's national act\n"
    "that the study of national legislation (glossary/national/) relates to it,\n"
    "each with its term as the act prints it, how the national notion relates\n"
    "(the same notion, broader, narrower, related), the act, article and edition,\n"
    "who translated it (or the act's own text), its reliability (IATE's scale)\n"
    "and the address it was read at; then the member states in whose acts the\n"
    "study found no definition of it. ID is a concept's xml:id or a notion's\n"
    "(glossary/national/notions.xml: notions of national law the term base lacks).\n"
    "National definitions are statutory text quoted as data, never glossa's words.\n"
    "--format json: {\"concept\",\"kind\",\"label\",\"annex\":{\"instrument\",\n"
    "\"definitions\":[…]},\"national\":[{\"state\",\"act\":{…},\"article\",\"lang\",\n"
    "\"term\",\"text\",\"relation\",\"reliability\",\"url\",\"translation\",…}],\"missing\":[…]}.\n"
    "--format md|html|docx: the same as a document to sign off or circulate, in\n"
    "--doc-lang (the annex's definitions quoted, the national ones in a table,\n"
    "the citation beside each text); DOCX goes to -o FILE.\n"
    "Exit status: 0 shown, 1 no such concept or notion, 2 error.",
    "  glossa compare information-security\n"
    "  glossa compare --state UZ --format json cyberspace\n"
    "  glossa compare personal-data\n"
    "  glossa compare --doc-lang ru --format docx -o information-security.docx information-security\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct compare_args, NULL),
};
