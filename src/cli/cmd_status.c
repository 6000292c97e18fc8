/*
** cmd_status.c — `glossa status`: per proposed change, who has agreed to its
** current wording, who objects and why, who has not answered, whether it is
** agreed by every party, and which other proposals' wordings of the same
** concept compete with it.
*/
#include "cmd.h"

#include <string.h>

struct status_args {
    const char *positions, *round;
    enum cli_format format;
};

static const struct cli_option options[] = {
    CLI_OPT_PATH(status_args, positions, "positions", 'p', "FILE|DIR", "positions file(s) (default: glossary/positions/*.txt)"),
    CLI_OPT_TEXT(status_args, round, "round", 0, "R", "only the proposals of round R"),
    CLI_OPT_FORMAT(status_args, "text|json"),
};

static int run_status(const struct cli_command *self, struct cli_args *args)
{
    const struct status_args *a = args->opts;
    const char *round = a->round;
    const char *pos = a->positions;
    glossa_proposals *p = NULL;
    glossa_status_report *r = NULL;
    struct diag_count counted = { &args->out, 0, 0 };
    glossa_error err;
    size_t i;
    int json = a->format == FORMAT_JSON, rc;

    (void)self;
    if ((rc = load_proposals(args, args->positional, args->n_positional, &p)))
        return rc;
    rc = load_status(p, pos, &r, out_diag_counted, &counted, &err);
    if (rc) {
        out_error(&args->out, &err);
        glossa_proposals_free(p);
        return rc == GLOSSA_EINPUT ? EXIT_NONE : EXIT_ERR; /* 1: problems in the positions */
    }
    rc = counted.warnings ? EXIT_NONE : EXIT_OK_; /* 1: warnings, as check */
    if (json) {
        status_print_json(stdout, r, round);
        glossa_status_free(r);
        glossa_proposals_free(p);
        return rc;
    }
    out_printf(stdout, "parties: %s\n", glossa_status_parties(r));
    for (i = 0; i < glossa_status_count(r); i++) {
        const glossa_change_status *s = glossa_status_get(r, i);
        const glossa_proposal_change *c = s->change;
        const char *color = strcmp(s->status, "agreed") == 0 ? "\033[32m"
                          : strcmp(s->status, "blocked") == 0 ? "\033[31m" : "\033[33m";
        if (round && (!c->round || strcmp(c->round, round)))
            continue;
        printf("\n%s", out_color(&args->out, 0, color));
        out_printf(stdout, "%-8s", s->status);
        fputs(out_color(&args->out, 0, "\033[0m"), stdout);
        out_printf(stdout, " %s (%s, %s %s, %s)\n", c->id, c->kind, c->proposal, c->state, c->hash);
        if (s->competing)
            out_printf(stdout, "         competing:  %s (another wording of %s)\n", s->competing, c->id);
        out_printf(stdout, "         agreed:     %s\n", s->agreed ? s->agreed : "-");
        if (s->objections)
            out_printf(stdout, "         objections: %s\n", s->objections);
        if (s->pending)
            out_printf(stdout, "         waiting for: %s\n", s->pending);
        if (s->lapsed)
            out_printf(stdout, "         lapsed:     %s (agreed to an earlier wording)\n", s->lapsed);
    }
    glossa_status_free(r);
    glossa_proposals_free(p);
    return rc;
}

const struct cli_command cmd_status_spec = {
    "status", run_status, "show which proposed changes the member states agreed to",
    "status [--positions FILE|DIR] [--round R] [--format text|json] [PROPOSAL|DIR ...]",
    options, sizeof options / sizeof options[0],
    "For every change in the proposals (default: glossary/proposals/*.xml), read\n"
    "the member states' positions (default: glossary/positions/*.txt; record them\n"
    "with 'glossa position') and show: agreed (every party agreed to the current\n"
    "wording), blocked (an objection, with its comment), pending (who has not\n"
    "answered) or withdrawn (by the proposing state). An agreement lapses when the\n"
    "change is edited after it was given: a position records the hash of the\n"
    "wording it agreed to. Changes of one concept by several proposals are shown\n"
    "together, each with who agreed to its wording and the proposals it competes\n"
    "with. The parties (whose agreement is needed) are those of the files'\n"
    "'# parties:' line (default: KZ CN KG RU TJ UZ), each a member state of\n"
    "glossary/states/member-states.xml. A malformed positions line, a state that\n"
    "is no member state or not a party, or a line without its proposal when\n"
    "several change the concept is an error (FILE:LINE). A file's position that\n"
    "overrides a different one of an earlier file (files are read in name order,\n"
    "the later line wins) is a warning naming both lines. Exit status: 0, 1\n"
    "problems in the positions (errors or warnings, as for check), 2 unreadable.",
    "  glossa status\n"
    "  glossa status --round 2026-1 --format json\n",
    CLI_PLAIN,
    CLI_OPTS(struct status_args, NULL),
};
