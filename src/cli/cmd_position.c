/*
** cmd_position.c — `glossa position`: record a member state's position on a
** proposed change (with the hash of its current wording) in a positions file.
*/
#include "cmd.h"

#include <string.h>

struct position_args {
    const char *positions, *comment;
};

static const struct cli_option options[] = {
    CLI_OPT_PATH(position_args, positions, "positions", 'p', "FILE", "the positions file (default: glossary/positions/positions.txt)"),
    CLI_OPT_TEXT(position_args, comment, "comment", 'c', "TEXT", "why (for an objection)"),
};

static int run_position(const struct cli_command *self, struct cli_args *args)
{
    const struct position_args *a = args->opts;
    const char *file = a->positions;
    glossa_proposals *p = NULL;
    glossa_error err;
    char deflt[2048];
    int rc;

    if (args->n_positional < 3) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (!file) {
        char g[4096];
        snprintf(deflt, sizeof deflt, "%s/positions/positions.txt",
                 out_default_glossary(g, sizeof g));
        file = deflt;
    }
    if ((rc = load_proposals(args, args->positional + 3, args->n_positional - 3, &p)))
        return rc;
    rc = glossa_position_record(file, p, args->positional[0], args->positional[1],
                                args->positional[2], a->comment, &err);
    glossa_proposals_free(p);
    if (rc) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    out_printf(stdout, "%s: %s %s %s\n", file, args->positional[0], args->positional[1], args->positional[2]);
    return EXIT_OK_;
}

const struct cli_command cmd_position_spec = {
    "position", run_position, "record a member state's position on a proposed change",
    "position [--positions FILE] [--comment TEXT] CHANGE STATE agreed|objection|pending [PROPOSAL ...]",
    options, sizeof options / sizeof options[0],
    "Record in a positions file (a reviewable text file, one line per change and\n"
    "state) that STATE agreed to, objects to, or has not yet decided on the change\n"
    "of concept CHANGE, with the hash of the change's current wording: if the\n"
    "proposal is edited afterwards, the agreement lapses. A state's earlier line\n"
    "for the same change is replaced.",
    "  glossa position kz-information-security-incident CN agreed\n"
    "  glossa position ru-information-security-threats CN objection --comment \"duplicates annex item 13\"\n",
    CLI_PLAIN,
    CLI_OPTS(struct position_args, NULL),
};
