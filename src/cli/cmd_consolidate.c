/*
** cmd_consolidate.c — `glossa consolidate`: the next version of the annex,
** with every change that all parties agreed to applied (consolidate.c), ready
** for `glossa protocol`.
*/
#include "cmd.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

struct consolidate_args {
    const char *round, *base, *positions, *output, *in_force;
};

static const struct cli_option options[] = {
    CLI_OPT_TEXT(consolidate_args, round, "round", 0, "R", "only the proposals of round R"),
    CLI_OPT_PATH(consolidate_args, base, "base", 0, "FILE", "the version in force (default: glossary/annex1.xml)"),
    CLI_OPT_PATH(consolidate_args, positions, "positions", 'p', "FILE|DIR", "positions file(s) (default: glossary/positions/*.txt)"),
    CLI_OPT_PATH(consolidate_args, output, "output", 'o', "DIR", "the folder to write the new version to (required)"),
    CLI_OPT_DATE(consolidate_args, in_force, "in-force", 0, "DATE", "keep history: the day the amending protocol enters into force"),
};

static int run_consolidate(const struct cli_command *self, struct cli_args *args)
{
    const struct consolidate_args *a = args->opts;
    const char *round = a->round;
    const char *base = a->base;
    const char *pos = a->positions;
    const char *dir = a->output;
    glossa_proposals *p = NULL;
    glossa_status_report *r = NULL;
    struct diag_count counted = { &args->out, 0, 0 }; /* errors: exit 1 */
    glossa_error err;
    char base_default[2048], out[4096];
    const char *name;
    unsigned applied = 0;
    size_t i;
    int rc;

    if (!dir) {
        fprintf(stderr, "glossa consolidate: give the output folder with -o DIR\nusage: glossa %s\n",
                self->usage);
        return EXIT_ERR;
    }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        out_message(&args->out, "cannot create '%s': %s", dir, strerror(errno));
        return EXIT_ERR;
    }
    if (!base) {
        char g[4096];
        snprintf(base_default, sizeof base_default, "%s/annex1.xml",
                 out_default_glossary(g, sizeof g));
        base = base_default;
    }
    if ((rc = load_proposals(args, args->positional, args->n_positional, &p)))
        return rc;
    rc = load_status(p, pos, &r, out_diag_counted, &counted, &err);
    if (!rc && round) {
        /* changes of other rounds are left out: mark them not agreed */
        for (i = 0; i < glossa_status_count(r); i++) {
            glossa_change_status *s = (glossa_change_status *)glossa_status_get(r, i);
            if (!s->change->round || strcmp(s->change->round, round))
                s->status = "other round";
        }
    }
    name = strrchr(base, '/') ? strrchr(base, '/') + 1 : base;
    snprintf(out, sizeof out, "%s/%s", dir, name);
    if (!rc)
        rc = glossa_consolidate(base, p, r, a->in_force, out, &applied,
                                out_diag_counted, &counted, &err);
    if (rc)
        out_error(&args->out, &err);
    else
        out_printf(stdout, "%s: %u agreed change%s applied\n", out, applied, applied == 1 ? "" : "s");
    glossa_status_free(r);
    glossa_proposals_free(p);
    return rc && counted.errors ? EXIT_NONE : rc ? EXIT_ERR : EXIT_OK_;
}

const struct cli_command cmd_consolidate_spec = {
    "consolidate", run_consolidate, "write the next version of the annex with the agreed changes",
    "consolidate -o DIR [--round R] [--base FILE] [--positions FILE|DIR] [--in-force DATE]\n"
    "                          [PROPOSAL|DIR ...]",
    options, sizeof options / sizeof options[0],
    "Apply every change that all parties agreed to (see 'glossa status') to the\n"
    "version in force (default glossary/annex1.xml) and write the next version to\n"
    "DIR under the same file name. An amendment changes what its entry changes\n"
    "against the entry in force (a term in a language, a definition, a term added\n"
    "or deprecated) and nothing else: other terms and definitions, notes,\n"
    "cross-references and n stay; definitions an authentic (ru, zh) change left\n"
    "behind get a note that they need revision. A new concept is appended with\n"
    "the next annex number n, status agreed (pending the protocol), its\n"
    "reliability. The round's wording cites a source for the round (added to the\n"
    "header), not the earlier wording's; rationales stay in the proposals. Ids\n"
    "stay as they were. A deletion marks the concept withdrawn (the protocol\n"
    "deletes it from the annex). An amendment that changes nothing is a warning,\n"
    "not applied. Two agreed changes of the same concept are a conflict, and an\n"
    "agreed proposal with placeholder text (FILL IN) left is refused: each\n"
    "reported, and nothing is written.\n"
    "With --in-force DATE the history is kept: replaced wordings stay in the entry\n"
    "with to=DATE, new ones get from=DATE ('glossa show --history', 'lookup\n"
    "--as-of'). Then 'glossa protocol BASE DIR/annex1.xml' drafts the protocol.\n"
    "Exit status: 0 written; 1 nothing written, for problems of the changes or the\n"
    "positions, each reported (a conflict: two agreed wordings of one concept);\n"
    "2 unreadable input.",
    "  glossa consolidate --round 2026-1 -o /tmp/next\n"
    "  glossa consolidate --round 2026-1 --in-force 2027-06-01 -o /tmp/next\n"
    "  glossa protocol glossary/annex1.xml /tmp/next/annex1.xml --lang ru\n",
    CLI_PLAIN,
    CLI_OPTS(struct consolidate_args, NULL),
};
