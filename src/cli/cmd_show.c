/*
** cmd_show.c — `glossa show`: one concept whole, by its id, as it reads on
** a day (--as-of) or with every earlier wording (--history).
*/
#include "cmd.h"

struct show_args {
    const char *to, *as_of;
    int history;
    enum cli_format format;
};

static const struct cli_option options[] = {
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_LIST(show_args, to, "to", 't', "LANG,...", "show terms and definitions in these languages (default: all)"),
    CLI_OPT_DATE(show_args, as_of, "as-of", 0, "DATE", "the wordings in force on DATE (YYYY-MM-DD, a real day; default: today)"),
    CLI_OPT_FLAG(show_args, history, "history", 0, "every wording, with the instrument and dates it was in force"),
    CLI_OPT_FORMAT(show_args, "text|json"),
    CLI_OPT_COLOR,
};

static int run_show(const struct cli_command *self, struct cli_args *args)
{
    const struct show_args *a = args->opts;
    glossa_lookup_opts opts = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *res = NULL;
    glossa_error err;
    int rc;

    if (args->n_positional != 1) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    opts.to = a->to;
    opts.as_of = a->as_of;
    opts.history = a->history;
    if ((rc = glossa_concept(args->db, args->positional[0], &opts, &res, &err))) {
        out_error(&args->out, &err);
        return rc == GLOSSA_ENOTFOUND ? EXIT_NONE : EXIT_ERR;
    }
    if (a->format == FORMAT_JSON)
        lookup_print_json(stdout, args->positional[0], res);
    else
        lookup_print_hit(stdout, &args->out, 1, glossa_results_get(res, 0), 1, NULL);
    glossa_results_free(res);
    return EXIT_OK_;
}

const struct cli_command cmd_show_spec = {
    "show", run_show, "show one concept whole, or its history",
    "show [--db PATH] [--to LANG,...] [--as-of DATE | --history] [--format text|json] ID",
    options, sizeof options / sizeof options[0],
    "Show the concept ID (its xml:id) whole: terms, definitions with their\n"
    "sources, notes, reliability. Wordings carry the dates they are in force\n"
    "(from / to, set when 'glossa consolidate --in-force DATE' applies an\n"
    "amendment): by default today's wording is shown, --as-of DATE shows the\n"
    "wording in force that day, --history every wording with its dates and the\n"
    "instrument it comes from. --format json has the shape of 'glossa lookup\n"
    "--format json', with the concept's status, instrument and notes, and the\n"
    "type, region, basis and dates of each wording that has them ('glossa serve\n"
    "--http' answers the same at /api/concept/ID).\n"
    "Exit status: 0 shown, 1 no such concept, 2 error.",
    "  glossa show information-security\n"
    "  glossa show --history --to ru information-weapon\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct show_args, NULL),
};
