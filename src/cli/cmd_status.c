/*
** cmd_status.c — `glossa status`: per proposed change, who has agreed to its
** current wording, who objects and why, who has not answered, and whether it
** is agreed by every party.
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
    glossa_error err;
    size_t i;
    int json = a->format == FORMAT_JSON, rc;

    (void)self;
    if ((rc = load_proposals(args, args->positional, args->n_positional, &p)))
        return rc;
    rc = load_status(p, pos, &r, out_diag, &args->out, &err);
    if (rc) {
        out_error(&args->out, &err);
        glossa_proposals_free(p);
        return EXIT_ERR;
    }
    if (json) {
        status_print_json(stdout, r, round);
        glossa_status_free(r);
        glossa_proposals_free(p);
        return EXIT_OK_;
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
    return EXIT_OK_;
}

const struct cli_command cmd_status_spec = {
    "status", run_status, "show which proposed changes the member states agreed to",
    "status [--positions FILE|DIR] [--round R] [--format text|json] [PROPOSAL|DIR ...]",
    options, sizeof options / sizeof options[0],
    "For every change in the proposals (default: glossary/proposals/*.xml), read\n"
    "the member states' positions (default: glossary/positions/*.txt; record them\n"
    "with 'glossa position') and show: agreed (every party agreed to the current\n"
    "wording), blocked (an objection, with its comment) or pending (who has not\n"
    "answered). An agreement lapses when the change is edited after it was given:\n"
    "a position records the hash of the wording it agreed to.",
    "  glossa status\n"
    "  glossa status --round 2026-1 --format json\n",
    CLI_PLAIN,
    CLI_OPTS(struct status_args, NULL),
};
