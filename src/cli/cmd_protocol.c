/*
** cmd_protocol.c — `glossa protocol`: the draft protocol amending annex 1
** that turns OLD into NEW, in Russian, Chinese or English, as Markdown,
** HTML, DOCX or TEI, with an optional comparative table.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct cli_option options[] = {
    { "lang", 'l', "LANG", NULL, CLI_ENUM, 0, 0, "ru|zh|en" },
    CLI_OPT_FORMAT("md|html|docx|tei"),
    { "style", 0, "STYLE", NULL, CLI_ENUM, 0, 0, "entries (default: amend entry by entry)|whole (restate the annex)" },
    CLI_OPT_FLAG("table", 0, "add the comparative table (current / proposed wording)"),
    CLI_OPT_FLAG("table-only", 0, "write only the comparative table"),
    { "template", 0, "FILE", "use this template instead of the built-in one for LANG", CLI_PATH, 0, 0, NULL },
    CLI_OPT_OUTPUT(""),
    CLI_OPT_FLAG("git", 0, "OLD and NEW are git revisions of the glossary folder"),
    { "path", 0, "DIR", "with --git: the folder in the repository (default glossary)", CLI_PATH, 0, 0, NULL },
};

static int run_protocol(const struct cli_command *self, struct cli_args *args)
{
    glossa_protocol_opts popts = GLOSSA_PROTOCOL_OPTS_INIT;
    glossa_index_opts iopts = GLOSSA_INDEX_OPTS_INIT;
    const char *format = cli_value(self, args, "format");
    const char *output = cli_value(self, args, "output");
    struct versions v;
    glossa_diff *d = NULL;
    glossa_error err;
    char *doc = NULL;
    size_t len = 0;
    int rc;

    popts.lang = cli_value(self, args, "lang") ? cli_value(self, args, "lang") : "ru";
    if (format) /* one of the values glossa_doc_format_parse takes */
        glossa_doc_format_parse(format, &popts.format);
    popts.whole = cli_is(self, args, "style", "whole");
    popts.table = cli_flag(self, args, "table");
    popts.table_only = cli_flag(self, args, "table-only");
    popts.template_path = cli_value(self, args, "template");
    if (popts.format == GLOSSA_FORMAT_DOCX && out_is_stdout(output) && isatty(STDOUT_FILENO)) {
        out_message(&args->out, "DOCX is binary: give -o FILE.docx (or redirect standard output)");
        return EXIT_ERR;
    }
    if ((rc = versions_from_args(&v, args, cli_flag(self, args, "git"),
                                 cli_value(self, args, "path"), self->usage)))
        return rc;
    iopts.on_diag = out_diag;
    iopts.userdata = &args->out;
    rc = glossa_diff_new(&d, &v.path[0], 1, &v.path[1], 1, &iopts, &err);
    versions_release(&v);
    if (!rc)
        rc = glossa_protocol_render(d, &popts, &doc, &len, &err);
    glossa_diff_free(d);
    if (rc) {
        if (rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA)
            out_error(&args->out, &err);
        else if (err.file[0] == '\0')
            out_error(&args->out, &err);
        return EXIT_ERR;
    }
    rc = out_write_file(&args->out, output, doc, len) ? EXIT_ERR : EXIT_OK_;
    glossa_free(doc);
    return rc;
}

const struct cli_command cmd_protocol_spec = {
    "protocol", run_protocol, "render the draft protocol amending annex 1 (OLD → NEW)",
    "protocol [--lang ru|zh|en] [--format md|html|docx|tei] [--style entries|whole]\n"
    "                       [--table | --table-only] [--template FILE] [-o FILE] [--git] OLD NEW",
    options, sizeof options / sizeof options[0],
    "Render the draft protocol that amends annex 1 of the 2009 Agreement from OLD\n"
    "(the annex in force) to NEW (the annex with the agreed changes): title,\n"
    "preamble naming the Parties and the Agreement of 16 June 2009, article 1 with\n"
    "one lettered amendment per changed concept (\"дополнить понятием следующего\n"
    "содержания\", \"изложить в следующей редакции\", \"исключить\", and the Chinese\n"
    "and English equivalents) in the annex's order (ICU collation for LANG), the\n"
    "articles on entry into force and the depositary, the done-at clause (one\n"
    "original in Russian and Chinese, both equally authentic) and the signature\n"
    "block. --style whole restates the whole annex instead (the SCO habit). --table\n"
    "adds a comparative table, current and proposed wording side by side with\n"
    "deleted and inserted words marked. The fixed wording comes from the templates\n"
    "in export/protocol/ (built in; --template FILE to use another). Output is the\n"
    "same bytes for the same inputs. Notes for the drafters (what is not verified)\n"
    "follow the text.",
    "  glossa protocol glossary/annex1.xml new-annex.xml --lang ru\n"
    "  glossa protocol old.xml new.xml --lang zh --format html --table -o protocol-zh.html\n"
    "  glossa protocol old.xml new.xml --format docx --style whole -o protocol.docx\n"
    "  glossa protocol --git v0.1 HEAD --table-only --format html -o table.html\n",
    CLI_PLAIN,
};
