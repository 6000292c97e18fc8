/*
** cmd_position.c — `glossa position`: record a member state's position on a
** proposal's change of a concept (with the hash of its current wording) in a
** positions file.
*/
#include "cmd.h"

#include <string.h>

#define NAME_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"

struct position_args {
    const char *positions, *comment, *proposal;
};

static const struct cli_option options[] = {
    CLI_OPT_PATH(position_args, positions, "positions", 'p', "FILE", "the positions file (default: positions/round-R.txt in the glossary folder)"),
    CLI_OPT_TEXT(position_args, proposal, "proposal", 0, "ID", "the proposal whose change it is (required when several change CONCEPT)"),
    CLI_OPT_TEXT(position_args, comment, "comment", 'c', "TEXT", "why (for an objection)"),
};

static int run_position(const struct cli_command *self, struct cli_args *args)
{
    const struct position_args *a = args->opts;
    const char *file = a->positions;
    glossa_proposals *p = NULL;
    glossa_states *states = NULL;
    const glossa_proposal_change *c = NULL;
    glossa_error err;
    char deflt[2048], line[512];
    int rc;

    if (args->n_positional < 3) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if ((rc = load_proposals(args, args->positional + 3, args->n_positional - 3, &p)))
        return rc;
    rc = load_states(&states, &err);
    if (!rc)
        rc = glossa_position_change(p, a->proposal, args->positional[0], &c, &err);
    if (!rc && !file && out_default_glossary_installed()) {
        char g[4096];
        snprintf(err.msg, sizeof err.msg, "the glossary at %s is glossa's installed copy, not a "
                 "working copy to record positions in: give --positions FILE, or set "
                 "GLOSSA_GLOSSARY to your copy of the glossary", out_default_glossary(g, sizeof g));
        err.file[0] = '\0', err.line = 0, err.column = 0, err.code = GLOSSA_EINPUT;
        rc = GLOSSA_EINPUT;
    }
    if (!rc && !file) {
        /* the round's file, which status reads; a round that is no plain name: positions.txt */
        char g[4096];
        const char *round = c->round && c->round[0] != '.' &&
                            c->round[strspn(c->round, NAME_CHARS)] == '\0' ? c->round : NULL;
        snprintf(deflt, sizeof deflt, "%s/positions/%s%s.txt", out_default_glossary(g, sizeof g),
                 round ? "round-" : "positions", round ? round : "");
        file = deflt;
    }
    if (!rc)
        rc = glossa_position_record(file, p, states, a->proposal, args->positional[0],
                                    args->positional[1], args->positional[2], a->comment, line,
                                    sizeof line, &err);
    glossa_states_free(states);
    glossa_proposals_free(p);
    if (rc) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    out_printf(stdout, "%s: %s\n", file, line);
    return EXIT_OK_;
}

const struct cli_command cmd_position_spec = {
    "position", run_position, "record a member state's position on a proposed change",
    "position [--positions FILE] [--proposal ID] [--comment TEXT] CONCEPT STATE agreed|objection|pending|withdrawn [PROPOSAL ...]",
    options, sizeof options / sizeof options[0],
    "Record in a positions file (a reviewable text file, one line per proposal,\n"
    "concept and state: PROPOSAL CONCEPT STATE POSITION HASH -- comment) that\n"
    "STATE agreed to, objects to, or has not yet decided on the change of CONCEPT\n"
    "that proposal --proposal ID makes (needed when several proposals change\n"
    "CONCEPT; without it, the one that does), with the hash of the change's\n"
    "current wording: if the proposal is edited afterwards, the agreement lapses.\n"
    "withdrawn: the proposing state takes its change back. STATE must be a member\n"
    "state (glossary/states/member-states.xml) and a party named by the file's\n"
    "'# parties:' line (default: KZ CN KG RU TJ UZ, the six signatories of 2009;\n"
    "every code there must be a member state). A state's earlier line on the\n"
    "same change is replaced. The proposals are read\n"
    "from PROPOSAL (files or folders; default: the glossary folder's proposals/).\n"
    "The default FILE is the file of the proposal's round R, positions/round-R.txt\n"
    "(positions/positions.txt for a proposal without a round), in the glossary\n"
    "folder: the folder $GLOSSA_GLOSSARY names, else the glossary/ of the source\n"
    "tree whose build folder glossa runs from. An installed copy of the glossary\n"
    "(../share/glossa/glossary beside the binary) is never written to: set\n"
    "GLOSSA_GLOSSARY to a working copy or give --positions. 'glossa status'\n"
    "reads every .txt file there, in name order, later lines winning.",
    "  glossa position kz-information-security-incident CN agreed\n"
    "  glossa position --proposal RU-2026-1 ru-information-security-threats CN objection --comment \"duplicates annex item 13\"\n",
    CLI_PLAIN,
    CLI_OPTS(struct position_args, NULL),
};
