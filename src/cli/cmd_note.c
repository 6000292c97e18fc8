/*
** cmd_note.c — `glossa note`: the explanatory note sent to the Parties with a
** draft protocol (пояснительная записка / 说明 / explanatory note), from a
** round's proposals and, when given, the positions on them.
*/
#include "cmd.h"

#include <string.h>


struct note_args {
    int lang;   /* index in out_doc_langs[] */
    int format; /* index in out_doc_formats[] */
    const char *round, *positions, *output;
};

static const struct cli_option options[] = {
    CLI_OPT_ENUM(note_args, lang, "lang", 'l', "LANG", "ru|zh|en", NULL),
    CLI_OPT_FORMAT(note_args, "md|html|docx|tei"),
    CLI_OPT_TEXT(note_args, round, "round", 0, "R", "only the proposals of round R"),
    CLI_OPT_PATH(note_args, positions, "positions", 'p', "FILE|DIR", "say where each change stands, from these positions file(s)"),
    CLI_OPT_OUTPUT(note_args, ""),
};

static int run_note(const struct cli_command *self, struct cli_args *args)
{
    glossa_note_opts nopts = GLOSSA_NOTE_OPTS_INIT;
    const struct note_args *a = args->opts;
    glossa_proposals *p = NULL;
    glossa_status_report *r = NULL;
    glossa_states *states = NULL;
    glossa_error err;
    char *doc = NULL;
    size_t len = 0;
    int rc;

    (void)self;
    nopts.lang = out_doc_langs[a->lang];
    nopts.format = out_doc_formats[a->format];
    nopts.round = a->round;
    if (out_doc_refused(&args->out, nopts.format, a->output))
        return EXIT_ERR;
    if ((rc = load_proposals(args, args->positional, args->n_positional, &p)))
        return rc;
    rc = load_states(&states, &err); /* each proposing state named, in the note's language */
    nopts.states = states;
    if (!rc && a->positions)
        rc = load_status(p, a->positions, &r, out_diag, &args->out, &err);
    if (!rc)
        rc = glossa_note_render(p, r, &nopts, &doc, &len, &err);
    glossa_status_free(r);
    glossa_states_free(states);
    glossa_proposals_free(p);
    if (rc) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    rc = out_write_file(&args->out, a->output, doc, len) ? EXIT_ERR : EXIT_OK_;
    glossa_free(doc);
    return rc;
}

const struct cli_command cmd_note_spec = {
    "note", run_note, "write the explanatory note on the proposals, sent with a draft protocol",
    "note [--lang ru|zh|en] [--format md|html|docx|tei] [--round R] [--positions FILE|DIR]\n"
    "                   [-o FILE] [PROPOSAL|DIR ...]",
    options, sizeof options / sizeof options[0],
    "Write the explanatory note (пояснительная записка, 说明) that goes to the\n"
    "Parties with a draft protocol: for each change in the proposals (default:\n"
    "glossary/proposals/*.xml; --round R: only that round's), what it does and its\n"
    "proposed wording, the proposing state (its name in the note's language, from\n"
    "glossary/states/member-states.xml, and its code) and the authority its\n"
    "proposal names, the rationale (the proposal's <note type=\"rationale\">) and\n"
    "the national act it rests on (the <bibl type=\"law\"> it cites, with its date\n"
    "and citedRange). Nothing is made up or translated: a rationale written in\n"
    "another language is quoted as it is, with its language named, and a missing\n"
    "definition, rationale or act is said to be missing (\"no national act\n"
    "cited\"). With --positions, each change also says who agreed, who objected\n"
    "(and why) and who has not answered. The English note is marked as a working\n"
    "translation. Formats as for 'glossa protocol'.",
    "  glossa note --round 2026-1 --lang ru -o note-ru.md\n"
    "  glossa note --lang zh --format docx -p glossary/positions -o note-zh.docx\n"
    "  glossa note --lang en glossary/proposals/kz-2026-1.xml\n",
    CLI_PLAIN,
    CLI_OPTS(struct note_args, NULL),
};
