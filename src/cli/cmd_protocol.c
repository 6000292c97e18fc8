/*
** cmd_protocol.c — `glossa protocol`: the draft protocol amending annex 1
** that turns OLD into NEW, in Russian, Chinese or English, as Markdown,
** HTML, DOCX, TEI or Akoma Ntoso, with an optional comparative table.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/* --style, in the order of its values */
enum protocol_style { STYLE_ENTRIES, STYLE_WHOLE };

struct protocol_args {
    int lang;   /* index in out_doc_langs[] */
    int format; /* index in out_doc_formats[] */
    enum protocol_style style;
    int table, table_only, git;
    const char *template_path, *output, *path, *proposals, *date;
};

static const struct cli_option options[] = {
    CLI_OPT_ENUM(protocol_args, lang, "lang", 'l', "LANG", "ru|zh|en", NULL),
    CLI_OPT_FORMAT(protocol_args, "md|html|docx|tei|akn"),
    CLI_OPT_ENUM(protocol_args, style, "style", 0, "STYLE", "entries (default: amend entry by entry)|whole (restate the annex)", NULL),
    CLI_OPT_FLAG(protocol_args, table, "table", 0, "add the comparative table (current / proposed wording)"),
    CLI_OPT_FLAG(protocol_args, table_only, "table-only", 0, "write only the comparative table"),
    CLI_OPT_PATH(protocol_args, proposals, "proposals", 0, "FILE|DIR", "the table names each change's proposal, state and rationale"),
    CLI_OPT_PATH(protocol_args, template_path, "template", 0, "FILE", "use this template instead of the built-in one for LANG"),
    CLI_OPT_DATE(protocol_args, date, "date", 0, "YYYY-MM-DD", "akn: the draft's date in its FRBR metadata (default: SOURCE_DATE_EPOCH's day)"),
    CLI_OPT_OUTPUT(protocol_args, ""),
    CLI_OPT_FLAG(protocol_args, git, "git", 0, "OLD and NEW are git revisions of the glossary folder"),
    CLI_OPT_PATH(protocol_args, path, "path", 0, "DIR", "with --git: the folder in the repository (default glossary)"),
};

static int run_protocol(const struct cli_command *self, struct cli_args *args)
{
    glossa_protocol_opts popts = GLOSSA_PROTOCOL_OPTS_INIT;
    glossa_index_opts iopts = GLOSSA_INDEX_OPTS_INIT;
    const struct protocol_args *a = args->opts;
    const char *output = a->output;
    struct versions v;
    glossa_diff *d = NULL;
    glossa_proposals *proposals = NULL;
    glossa_error err;
    char *doc = NULL;
    size_t len = 0;
    int rc;

    popts.lang = out_doc_langs[a->lang];
    popts.format = out_doc_formats[a->format];
    popts.whole = a->style == STYLE_WHOLE;
    popts.table = a->table;
    popts.table_only = a->table_only;
    popts.template_path = a->template_path;
    popts.date = a->date;
    if (out_doc_refused(&args->out, popts.format, output))
        return EXIT_ERR;
    if (a->proposals && (rc = load_proposals(args, &a->proposals, 1, &proposals)))
        return rc;
    popts.proposals = proposals;
    if ((rc = versions_from_args(&v, args, a->git, a->path, self->usage))) {
        glossa_proposals_free(proposals);
        return rc;
    }
    iopts.on_diag = out_diag;
    iopts.userdata = &args->out;
    rc = glossa_diff_new(&d, &v.path[0], 1, &v.path[1], 1, &iopts, &err);
    versions_release(&v);
    if (rc) {
        glossa_diff_free(d);
        glossa_proposals_free(proposals);
        /* the loader reported problems in the input already (on_diag) */
        if ((rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA) || err.file[0] == '\0')
            out_error(&args->out, &err);
        return EXIT_ERR;
    }
    rc = glossa_protocol_render(d, &popts, &doc, &len, &err);
    glossa_diff_free(d);
    glossa_proposals_free(proposals);
    if (rc) {
        /* an unchanged annex (ENOTFOUND naming no file; a missing --template
        ** names its file) is no protocol: exit 1, as diff does for "no change" */
        out_error(&args->out, &err);
        return rc == GLOSSA_ENOTFOUND && !err.file[0] ? EXIT_NONE : EXIT_ERR;
    }
    rc = out_write_file(&args->out, output, doc, len) ? EXIT_ERR : EXIT_OK_;
    glossa_free(doc);
    return rc;
}

const struct cli_command cmd_protocol_spec = {
    "protocol", run_protocol, "render the draft protocol amending annex 1 (OLD → NEW)",
    "protocol [--lang ru|zh|en] [--format md|html|docx|tei|akn] [--style entries|whole]\n"
    "                       [--table | --table-only] [--proposals FILE|DIR] [--template FILE]\n"
    "                       [--date YYYY-MM-DD] [-o FILE] [--git [--path DIR]] OLD NEW",
    options, sizeof options / sizeof options[0],
    "Render the draft protocol that amends annex 1 of the 2009 Agreement from OLD\n"
    "(the annex in force) to NEW (the annex with the agreed changes): title and\n"
    "lead-in as the protocol does (changes, additions or both; Chinese 补充议定书\n"
    "when it only adds), preamble naming the Parties and the Agreement of 16 June\n"
    "2009, article 1 with one amendment per changed concept (\"дополнить после\n"
    "понятия «…» понятием следующего содержания\", \"изложить в следующей\n"
    "редакции\", \"исключить\", and the Chinese and English equivalents), lettered\n"
    "unless there is one, in the annex's own order (each entry's number n) - the\n"
    "same points in the same order in every language - then entry into force,\n"
    "the depositary, the done-at clause and the signature block. A concept is\n"
    "amended when its Russian or Chinese wording or its status changed; a point\n"
    "whose new wording LANG lacks says so in brackets (never the old text as\n"
    "new). The English text is headed as an unofficial translation. No change\n"
    "between OLD and NEW: exit 1, no document. --style whole restates the whole\n"
    "annex instead (the SCO habit). --table adds a comparative table, current\n"
    "and proposed wording side by side with deleted and inserted words marked\n"
    "and the current wording of reliability 1 marked NOT VERIFIED. The fixed\n"
    "wording comes from the templates in export/protocol/ (built in; --template\n"
    "FILE to use another: a section missing from it is an error, since falling\n"
    "back to the built-in wording would mix two texts). Output is the same bytes\n"
    "for the same inputs. Notes for the drafters (what is not verified) follow\n"
    "the text on a page of their own, and the table alone. DOCX pages are numbered\n"
    "in the footer, the document properties give the title, language and draft\n"
    "status, and the signature block is a table with room to sign for each Party;\n"
    "--table puts the comparative table on a new page. With --proposals, the table\n"
    "also names the proposal and state each change comes from, and its rationale.\n"
    "--format akn writes the protocol as an Akoma Ntoso 3.0 act (OASIS LegalDocML),\n"
    "one file per language: FRBR metadata (Russian and Chinese authoritative, English\n"
    "a translation of both), one textualMod per amendment (substitution, insertion\n"
    "with its place, repeal; --style whole: one substitution of the annex) naming\n"
    "the annex entry by its concept id, and the same text as the other formats,\n"
    "each point's mod and quoted words under ids built from the concept id - the\n"
    "same in every language. It is dated --date, else SOURCE_DATE_EPOCH's day,\n"
    "never the clock; it takes no table; and in Russian or Chinese it is refused\n"
    "when the two authentic texts would not state the same changes (a concept\n"
    "reworded in one language only, or lacking a term or definition in one), each\n"
    "such concept named.",
    "  glossa protocol glossary/annex1.xml new-annex.xml --lang ru\n"
    "  glossa protocol old.xml new.xml --lang zh --format html --table -o protocol-zh.html\n"
    "  glossa protocol old.xml new.xml --format docx --style whole -o protocol.docx\n"
    "  glossa protocol --git v0.1 HEAD --table-only --format html -o table.html\n"
    "  glossa protocol old.xml new.xml --lang zh --format akn --date 2026-12-07 -o protocol-zh.akn.xml\n",
    CLI_PLAIN,
    CLI_OPTS(struct protocol_args, NULL),
};
