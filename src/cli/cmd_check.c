/*
** cmd_check.c — `glossa check`: a round of proposals checked as a whole
** against the indexed term base and the member states (files that are no
** valid proposal said and left out), one message per problem
** (FILE:LINE: error|warning: …), in text or JSON.
*/
#include "cmd.h"

struct check_args {
    enum cli_format format;
};

static const struct cli_option options[] = {
    CLI_OPT_DB("the indexed term base (default $GLOSSA_DB, else ~/.local/share/glossa/glossa.db)"),
    CLI_OPT_FORMAT(check_args, "text|json"),
};

struct collected {
    int json, first;
    const struct cli_out *out;
    unsigned errors; /* of the files left out */
};

static void on_problem(const glossa_error *d, void *ud)
{
    struct collected *c = ud;
    if (!c->json) {
        out_diag(d, (void *)c->out);
        return;
    }
    printf("%s{\"file\":", c->first ? "" : ",");
    out_json_string(stdout, d->file);
    printf(",\"line\":%ld,\"severity\":\"%s\",\"message\":", d->line,
           d->code == GLOSSA_WARNING ? "warning" : "error");
    out_json_string(stdout, d->msg);
    printf("}");
    c->first = 0;
}

/* The problems of files left out (malformed, invalid): errors of the round. */
static void on_file_problem(const glossa_error *d, void *ud)
{
    struct collected *c = ud;
    c->errors += d->code != GLOSSA_WARNING;
    on_problem(d, ud);
}

static int run_check(const struct cli_command *self, struct cli_args *args)
{
    const struct check_args *a = args->opts;
    struct collected c = { 0, 1, &args->out, 0 };
    glossa_proposals *p = NULL;
    glossa_states *states = NULL;
    glossa_error err;
    unsigned errors = 0, warnings = 0;
    size_t rejected = 0, n;
    int rc;

    (void)self;
    c.json = a->format == FORMAT_JSON;
    if (c.json)
        printf("{\"problems\":[");
    rc = load_round(args, args->positional, args->n_positional, on_file_problem, &c, &p,
                    &rejected);
    if (!rc && load_states(&states, &err)) {
        out_error(&args->out, &err);
        rc = EXIT_ERR;
    }
    if (!rc && (rc = glossa_check(args->db, states, p, on_problem, &c, &errors, &warnings, &err)))
        out_error(&args->out, &err);
    n = glossa_proposals_count(p);
    errors += c.errors;
    if (c.json)
        printf("],\"changes\":%zu,\"errors\":%u,\"warnings\":%u}\n", n, errors, warnings);
    else if (!rc) {
        fprintf(stderr, "glossa check: %zu change%s, %u error%s, %u warning%s", n,
                n == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s");
        if (rejected)
            fprintf(stderr, "; %zu file%s not read further (not a valid proposal)", rejected,
                    rejected == 1 ? "" : "s");
        fputc('\n', stderr);
    }
    glossa_proposals_free(p);
    glossa_states_free(states);
    if (rc)
        return EXIT_ERR;
    return errors || warnings ? EXIT_NONE : EXIT_OK_;
}

const struct cli_command cmd_check_spec = {
    "check", run_check, "check proposals against the term base and the rules",
    "check [--db PATH] [--format text|json] [PROPOSAL|DIR ...]",
    options, sizeof options / sizeof options[0],
    "Check a round of proposals (default: glossary/proposals/*.xml) as a whole: a\n"
    "file that is malformed or breaks the schema is reported and left out, the\n"
    "others are still checked; each header names a member state (glossary/states/\n"
    "member-states.xml); ids unique and not clashing with the term base (a new\n"
    "concept's id starts with the state's code: kz-…); an amended concept still\n"
    "exists; every concept has Russian and Chinese terms and definitions (the\n"
    "authentic languages); language tags are member languages; cross-references\n"
    "resolve; every definition names its source; a rationale says why; nothing is\n"
    "left to FILL IN anywhere, the header included (… in a term, a definition, the\n"
    "authority or a cited range); no new concept is proposed twice (a term the\n"
    "same, normalised, in two proposals); a new term that is an existing term\n"
    "again (normalised, stemmed, transliterated) or nearly (a typo away) is\n"
    "reported with the concept it collides with; an amendment that rewords the\n"
    "Russian definition and not the Chinese one, or the reverse, is a warning (the\n"
    "authentic texts stay in step). One message per problem, at the\n"
    "line of the element at fault: FILE:LINE: error|warning: MESSAGE. The term\n"
    "base is the index --db.\n"
    "Exit status: 0 clean, 1 problems in the proposals (errors or warnings, a file\n"
    "left out included), 2 when check cannot run (a file or the index unreadable).",
    "  glossa check glossary/proposals/\n"
    "  glossa check --format json kz-proposal.xml\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct check_args, NULL),
};
