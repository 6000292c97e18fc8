/*
** cmd_check.c — `glossa check`: the rules a proposal must meet beyond the
** schema, checked against the indexed term base, one message per problem
** (FILE:LINE: error|warning: …).
*/
#include "cmd.h"

struct check_args {
    enum cli_format format;
};

static const struct cli_option options[] = {
    CLI_OPT_DB("the indexed term base (default $GLOSSA_DB, else glossa.db)"),
    CLI_OPT_FORMAT(check_args, "text|json"),
};

struct collected {
    int json, first;
    const struct cli_out *out;
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

static int run_check(const struct cli_command *self, struct cli_args *args)
{
    const struct check_args *a = args->opts;
    struct collected c = { 0, 1, &args->out };
    glossa_proposals *p = NULL;
    glossa_error err;
    unsigned errors = 0, warnings = 0;
    int rc;

    (void)self;
    c.json = a->format == FORMAT_JSON;
    if ((rc = load_proposals(args, args->positional, args->n_positional, &p)))
        return rc;
    if (c.json)
        printf("{\"problems\":[");
    rc = glossa_check(args->db, p, on_problem, &c, &errors, &warnings, &err);
    if (c.json)
        printf("],\"changes\":%zu,\"errors\":%u,\"warnings\":%u}\n", glossa_proposals_count(p), errors,
               warnings);
    else if (!rc)
        fprintf(stderr, "glossa check: %zu change%s, %u error%s, %u warning%s\n",
                glossa_proposals_count(p), glossa_proposals_count(p) == 1 ? "" : "s", errors,
                errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    glossa_proposals_free(p);
    if (rc) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    return errors || warnings ? EXIT_NONE : EXIT_OK_;
}

const struct cli_command cmd_check_spec = {
    "check", run_check, "check proposals against the term base and the rules",
    "check [--db PATH] [--format text|json] [PROPOSAL|DIR ...]",
    options, sizeof options / sizeof options[0],
    "Check proposals (default: glossary/proposals/*.xml) beyond the schema: ids\n"
    "unique and not clashing with the term base (a new concept's id starts with\n"
    "the state's code: kz-…); an amended concept still exists; every concept has\n"
    "Russian and Chinese terms and definitions (the authentic languages); language\n"
    "tags are member languages; cross-references resolve; every definition names\n"
    "its source; a rationale says why; nothing is left to FILL IN; and a new term\n"
    "that is an existing term again (normalised, stemmed, transliterated) or nearly\n"
    "(a typo away) is reported with the concept it collides with. One message per\n"
    "problem: FILE:LINE: error|warning: MESSAGE. The term base is the index --db.\n"
    "Exit status: 0 clean, 1 problems (errors or warnings), 2 unreadable.",
    "  glossa check glossary/proposals/\n"
    "  glossa check --format json kz-proposal.xml\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct check_args, NULL),
};
