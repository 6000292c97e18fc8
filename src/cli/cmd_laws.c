/*
** cmd_laws.c — `glossa laws`: the national acts of the study of national
** legislation (plan item 1.2) per member state, from the index: each act's
** title, number, date of adoption, the edition read, how many of its
** definitions the study holds and the pages they were read at; a state
** without an act says so. Text, JSON, or HTML (study_doc.c renders it).
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct laws_args {
    const char *state, *lang, *output;
    enum cli_format format;
};

static const struct cli_option options[] = {
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_TEXT(laws_args, state, "state", 's', "CC", "only this member state (ISO 3166 alpha-2, any case)"),
    CLI_OPT_TEXT(laws_args, lang, "lang", 'l', "LANG", "titles and state names in LANG where the study has them (ru, zh, en; default: the act's own title)"),
    CLI_OPT_FORMAT(laws_args, "text|json|html"),
    CLI_OPT_OUTPUT(laws_args, "the HTML "),
    CLI_OPT_COLOR,
};

static void print_act_text(FILE *f, const struct cli_out *out, const glossa_act *act,
                           const char *lang)
{
    const char *b = out_color(out, 0, BOLD), *d = out_color(out, 0, DIM),
               *r = out_color(out, 0, RESET);
    const char *title = glossa_act_title_in(act, lang);
    size_t j;

    fprintf(f, "\n    %s", b);
    out_wrapped(f, out, title ? title : act->id, 4, 4);
    fputs(r, f);
    fputs("    ", f);
    if (act->number)
        out_printf(f, "No %s, ", act->number);
    if (act->adopted)
        out_printf(f, "adopted %s, ", act->adopted);
    out_printf(f, "%zu definition%s (%s)\n", act->definitions, act->definitions == 1 ? "" : "s",
               act->id);
    for (j = 0; j < act->n_pages; j++) {
        const glossa_act_page *p = &act->pages[j];
        char line[1024];
        snprintf(line, sizeof line, "%zu definition%s, reliability %d of 4, %s%s%s%s",
                 p->definitions, p->definitions == 1 ? "" : "s", p->reliability, p->translation ? "translated by " : "the act's own text",
                 p->translation ? p->translation : "", p->version ? ", edition of " : "",
                 p->version ? p->version : "");
        fputs(d, f);
        out_printf(f, "      %-8s", p->lang);
        out_wrapped(f, out, line, 14, 14);
        out_printf(f, "%14s%s\n", "", p->url); /* whole: an address to copy */
        fputs(r, f);
    }
}

/* The body the state's law names for information security (plan item 1.1),
** with the sentence that names it and where it was read; a line saying
** none was found otherwise. */
static void print_security_body(FILE *f, const struct cli_out *out, const glossa_state *s)
{
    const char *d = out_color(out, 0, DIM), *r = out_color(out, 0, RESET);
    char line[1024];
    if (!s->security_body) {
        out_printf(f, "    body for information security: none named in a source read\n");
        return;
    }
    out_printf(f, "    body for information security: ");
    out_wrapped(f, out, s->security_body, 35, 6);
    fputs(d, f);
    snprintf(line, sizeof line, "%s; reliability %d of 4", s->security_body_source,
             s->security_body_reliability);
    out_printf(f, "      ");
    out_wrapped(f, out, line, 6, 6);
    if (s->security_body_quote) {
        snprintf(line, sizeof line, "«%s»", s->security_body_quote);
        out_printf(f, "      ");
        out_wrapped(f, out, line, 6, 6);
    }
    out_printf(f, "      %s\n", s->security_body_url);
    fputs(r, f);
}

static void print_text(FILE *f, const struct cli_out *out, const glossa_states *states,
                       const glossa_act *acts, size_t n_acts, const struct laws_args *a)
{
    const char *b = out_color(out, 0, BOLD), *r = out_color(out, 0, RESET);
    size_t i, j, shown = 0;

    for (i = 0; i < glossa_states_count(states); i++) {
        const glossa_state *s = glossa_states_get(states, i);
        size_t n = 0, defs = 0;
        if (a->state && strcasecmp(a->state, s->code) != 0)
            continue;
        for (j = 0; j < n_acts; j++)
            if (strcmp(acts[j].state, s->code) == 0)
                n++, defs += acts[j].definitions;
        fputs(shown++ ? "\n" : "", f);
        fputs(b, f);
        out_printf(f, "%s  %s", s->code, glossa_state_name(s, a->lang));
        fputs(r, f);
        if (n)
            out_printf(f, "  %zu act%s, %zu definition%s\n", n, n == 1 ? "" : "s", defs,
                       defs == 1 ? "" : "s");
        else
            out_printf(f, "  no act in the study\n");
        out_printf(f, "    competent authority for terminology: %s\n",
                   s->authority ? s->authority : "not yet named");
        print_security_body(f, out, s);
        for (j = 0; j < n_acts; j++)
            if (strcmp(acts[j].state, s->code) == 0)
                print_act_text(f, out, &acts[j], a->lang);
    }
}

static void print_act_json(FILE *f, const glossa_act *act, const char *lang)
{
    size_t j;
    fputs("{\"id\":", f);
    out_json_string(f, act->id);
    out_json_field(f, "title", glossa_act_title_in(act, lang));
    out_json_field(f, "number", act->number);
    out_json_field(f, "date", act->adopted);
    out_json_field(f, "version", act->version);
    out_json_field(f, "url", act->url);
    fprintf(f, ",\"definitions\":%zu,\"titles\":[", act->definitions);
    for (j = 0; j < act->n_titles; j++) {
        fputs(j ? ",{\"lang\":" : "{\"lang\":", f);
        out_json_nullable(f, act->titles[j].lang);
        fputs(",\"text\":", f);
        out_json_string(f, act->titles[j].text);
        fputc('}', f);
    }
    fputs("],\"pages\":[", f);
    for (j = 0; j < act->n_pages; j++) {
        const glossa_act_page *p = &act->pages[j];
        fputs(j ? ",{\"lang\":" : "{\"lang\":", f);
        out_json_string(f, p->lang);
        out_json_field(f, "url", p->url);
        out_json_field(f, "version", p->version);
        out_json_field(f, "translation", p->translation);
        fprintf(f, ",\"reliability\":%d,\"definitions\":%zu}", p->reliability, p->definitions);
    }
    fputs("]}", f);
}

static void print_json(FILE *f, const glossa_states *states, const glossa_act *acts,
                       size_t n_acts, const struct laws_args *a)
{
    size_t i, j, n = 0;
    fputs("{\"states\":[", f);
    for (i = 0; i < glossa_states_count(states); i++) {
        const glossa_state *s = glossa_states_get(states, i);
        size_t k = 0;
        if (a->state && strcasecmp(a->state, s->code) != 0)
            continue;
        fputs(n++ ? ",{\"state\":" : "{\"state\":", f);
        out_json_string(f, s->code);
        out_json_field(f, "name", glossa_state_name(s, a->lang));
        out_json_field(f, "authority", s->authority);
        if (s->security_body) {
            fputs(",\"security_body\":{\"name\":", f);
            out_json_string(f, s->security_body);
            out_json_field(f, "lang", s->security_body_lang);
            out_json_field(f, "source", s->security_body_source);
            out_json_field(f, "quote", s->security_body_quote);
            out_json_field(f, "url", s->security_body_url);
            fprintf(f, ",\"reliability\":%d}", s->security_body_reliability);
        } else {
            fputs(",\"security_body\":null", f);
        }
        fputs(",\"acts\":[", f);
        for (j = 0; j < n_acts; j++)
            if (strcmp(acts[j].state, s->code) == 0) {
                fputs(k++ ? "," : "", f);
                print_act_json(f, &acts[j], a->lang);
            }
        fputs("]}", f);
    }
    fputs("]}\n", f);
}

static int run_laws(const struct cli_command *self, struct cli_args *args)
{
    const struct laws_args *a = args->opts;
    glossa_states *states = NULL;
    glossa_study *study = NULL;
    const glossa_act *acts;
    size_t n_acts;
    int rc = EXIT_ERR;

    if (args->n_positional != 0) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (a->output && a->format != FORMAT_HTML) {
        out_message(&args->out, "-o writes the HTML: give --format html");
        return EXIT_ERR;
    }
    if (study_load(args, a->state, a->lang, &states, &study))
        goto out;
    n_acts = glossa_study_acts(study, &acts);
    if (a->format == FORMAT_HTML) {
        glossa_study_opts o = GLOSSA_STUDY_OPTS_INIT;
        o.part = GLOSSA_STUDY_LAWS;
        o.state = a->state;
        o.lang = a->lang ? a->lang : "en";
        o.format = GLOSSA_FORMAT_HTML;
        rc = write_study_doc(args, study, NULL, states, &o, a->output);
        goto out;
    }
    if (a->format == FORMAT_JSON)
        print_json(stdout, states, acts, n_acts, a);
    else
        print_text(stdout, &args->out, states, acts, n_acts, a);
    rc = EXIT_OK_;
out:
    glossa_study_free(study);
    glossa_states_free(states);
    return rc;
}

const struct cli_command cmd_laws_spec = {
    "laws", run_laws, "the national acts of the study per member state, with their citations",
    "laws [--db PATH] [--state CC] [--lang LANG] [--format text|json|html] [-o FILE]",
    options, sizeof options / sizeof options[0],
    "List the national acts that the study of national legislation\n"
    "(glossary/national/, plan item 1.2) holds, per member state of\n"
    "glossary/states/member-states.xml, from the index: each act's title (in\n"
    "--lang where the study has one), number, date of adoption and xml:id, how\n"
    "many of its definitions the study holds, and each page they were read at:\n"
    "the language, how many, the reliability (IATE's scale; the lowest there),\n"
    "the act's own text or who translated it, the edition and the address. Every\n"
    "member state is listed; one without an act says so, with its competent\n"
    "authority for terminology (plan item 1.1) and the body its law names for\n"
    "information security, with the sentence that names it and its source. `glossa compare ID` shows the\n"
    "definitions of one notion; `glossa coverage` which state defines which.\n"
    "--format json: {\"states\":[{\"state\",\"name\",\"authority\",\"security_body\":\n"
    "{\"name\",\"lang\",\"source\",\"quote\",\"url\",\"reliability\"}|null,\"acts\":[{\"id\",\n"
    "\"title\",\"number\",\"date\",\"version\",\"url\",\"definitions\",\"titles\":[…],\n"
    "\"pages\":[{\"lang\",\"url\",\"version\",\"translation\",\"reliability\",\n"
    "\"definitions\"}]}]}]} (version: the latest edition read; url: the page of the\n"
    "act's own text, else the first read). --format html: a page of its own.\n"
    "Exit status: 0 listed, 2 error.",
    "  glossa laws\n"
    "  glossa laws --state KZ --lang ru\n"
    "  glossa laws --format json | jq '.states[] | {state, acts: (.acts | length)}'\n"
    "  glossa laws --format html -o laws.html\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct laws_args, NULL),
};
