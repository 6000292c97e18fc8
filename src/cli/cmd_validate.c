/*
** cmd_validate.c — `glossa validate`: check TEI term-base files against the
** schema and glossa's rules without writing any database.
*/
#include "cmd.h"

#include <stdlib.h>

struct validate_args {
    int quiet;
};

static const struct cli_option options[] = {
    CLI_OPT_QUIET(validate_args, "print nothing but problems"),
};

static int run_validate(const struct cli_command *self, struct cli_args *args)
{
    const struct validate_args *a = args->opts;
    glossa_index_opts opts = GLOSSA_INDEX_OPTS_INIT;
    glossa_index_stats stats = { 0, 0, 0, 0, 0, 0 };
    char counts[160];
    glossa_error err;
    int rc;

    if (args->n_positional == 0) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    opts.on_diag = out_diag;
    opts.userdata = &args->out;
    rc = glossa_validate(args->positional, (size_t)args->n_positional, &opts, &stats, &err);
    if (rc == GLOSSA_EINPUT || rc == GLOSSA_ESCHEMA) {
        if (stats.errors == 0)
            out_error(&args->out, &err);
        fprintf(stderr, "glossa: %lu problem%s found\n", stats.errors ? stats.errors : 1,
                stats.errors == 1 ? "" : "s");
        return EXIT_NONE;
    }
    if (rc) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    out_index_counts(counts, sizeof counts, &stats);
    if (!a->quiet)
        printf("valid: %lu file%s, %s\n", stats.files, stats.files == 1 ? "" : "s", counts);
    return EXIT_OK_;
}

const struct cli_command cmd_validate_spec = {
    "validate", run_validate, "check TEI term-base files without building a database",
    "validate [--quiet] FILE|DIR ...",
    options, sizeof options / sizeof options[0],
    "Check files against the glossa RELAX NG schema and the rules the schema\n"
    "cannot express (language tags, sources that resolve, unique ids, a preferred\n"
    "Russian term per concept, cross-references that resolve). Nothing is written.\n"
    "Exit status: 0 valid, 1 problems found (each printed as FILE:LINE: error: ...),\n"
    "2 the files could not be read.",
    "  glossa validate glossary/\n  glossa validate my-draft.xml\n",
    CLI_PLAIN,
    CLI_OPTS(struct validate_args, NULL),
};
